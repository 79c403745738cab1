const { validateLine } = require('./validate');
const { nextId } = require('../util/ids');

function createOrder(customer, lines) {
  lines.forEach(validateLine);
  return { id: nextId('order'), customer, lines, status: 'new' };
}

module.exports = { createOrder };
