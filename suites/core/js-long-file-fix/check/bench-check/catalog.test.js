const test = require('node:test');
const assert = require('node:assert');
const { inStock, findBySku, PRODUCTS } = require('../src/catalog');

test('only products with stock above 0', () => {
  const list = inStock();
  assert.ok(list.every((p) => p.stock > 0));
  assert.strictEqual(list.length, 1289);
});

test('the data is untouched', () => {
  assert.strictEqual(PRODUCTS.length, 1560);
  assert.strictEqual(findBySku('P00042').name, 'Bracket red 42');
});
