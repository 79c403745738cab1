const { formatMoney } = require('./lib/format');

function buildReport(rows) {
  return rows.map((r) => `${r.name}: ${formatMoney(r.amount)}`).join('\n');
}

module.exports = { buildReport };
