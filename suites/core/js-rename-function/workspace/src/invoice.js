const { calcTotal } = require('./cart');

function invoice(customer, lines) {
  const total = calcTotal(lines);
  return { customer, lines: lines.length, total, vat: Math.round(total * 0.2 * 100) / 100 };
}

module.exports = { invoice };
