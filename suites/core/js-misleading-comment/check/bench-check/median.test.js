const test = require('node:test');
const assert = require('node:assert');
const { median, mean } = require('../src/stats');

test('median of unsorted values', () => {
  assert.strictEqual(median([3, 1, 2]), 2);
  assert.strictEqual(median([10, 2, 38, 23, 38, 23, 21]), 23);
  assert.strictEqual(median([4, 1, 3, 2]), 2.5);
});

test('numbers sort as numbers', () => {
  assert.strictEqual(median([10, 9, 100]), 10);
});

test("the caller's array is not changed", () => {
  const values = [3, 1, 2];
  median(values);
  assert.deepStrictEqual(values, [3, 1, 2]);
});

test('mean is unchanged', () => {
  assert.strictEqual(mean([1, 2, 3]), 2);
});
