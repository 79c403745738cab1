const test = require('node:test');
const assert = require('node:assert');
const t = require('../src/temperature');

test('kelvin, more points', () => {
  assert.strictEqual(t.toKelvin(26.85), 300);
  assert.strictEqual(t.toKelvin(100), 373.15);
});
