const test = require('node:test');
const assert = require('node:assert');
const { capitalize } = require('../src/strings');

test('capitalize upper-cases the first letter', () => {
  assert.strictEqual(capitalize('hello'), 'Hello');
  assert.strictEqual(capitalize(''), '');
});
