const { formatMoney } = require('./helpers/format');
const { buildReport } = require('./report');

function summary(orders) {
  const total = orders.reduce((s, o) => s + o.amount, 0);
  return `${orders.length} orders, ${formatMoney(total)}`;
}

if (require.main === module) console.log(summary([{ amount: 1250 }, { amount: 99 }]));

module.exports = { summary, buildReport };
