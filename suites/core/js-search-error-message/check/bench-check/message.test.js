const test = require('node:test');
const assert = require('node:assert');
const { validateLine } = require('../src/orders/validate');
const { createOrder } = require('../src/orders/create');

test('the new message for a quantity of 0 or less', () => {
  assert.throws(() => validateLine({ sku: 'a', qty: 0 }), { message: 'Quantity must be a positive whole number' });
  assert.throws(() => createOrder('ada', [{ sku: 'a', qty: -2 }]), { message: 'Quantity must be a positive whole number' });
});

test('the other messages are unchanged', () => {
  assert.throws(() => validateLine({ sku: 'a', qty: 1.5 }), { message: 'Quantity must be a whole number' });
  assert.throws(() => validateLine({ sku: '', qty: 1 }), { message: 'Missing product' });
  assert.throws(() => validateLine({ sku: 'a', qty: 1000 }), { message: 'Too many items in one line' });
  assert.doesNotThrow(() => validateLine({ sku: 'a', qty: 3 }));
});
