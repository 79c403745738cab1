// Order line validation. Messages are shown to shop staff as they are.
function validateLine(line) {
  if (!line || typeof line.sku !== 'string' || line.sku === '') {
    throw new Error('Missing product');
  }
  if (!Number.isInteger(line.qty)) {
    throw new Error('Quantity must be a whole number');
  }
  if (line.qty <= 0) {
    throw new Error('Invalid quantity');
  }
  if (line.qty > 999) {
    throw new Error('Too many items in one line');
  }
}

module.exports = { validateLine };
