const test = require('node:test');
const assert = require('node:assert');
const { range } = require('../src/range');

test('end is exclusive', () => {
  assert.deepStrictEqual(range(0, 3), [0, 1, 2]);
  assert.deepStrictEqual(range(2, 10, 3), [2, 5, 8]);
});

test('an empty range is empty', () => {
  assert.deepStrictEqual(range(5, 5), []);
});

test('pages still start at 1', () => {
  assert.deepStrictEqual(require('../src/pages').pageNumbers(3), [1, 2, 3]);
});
