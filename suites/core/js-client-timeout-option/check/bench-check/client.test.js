const test = require('node:test');
const assert = require('node:assert');
const { createClient } = require('../src/client');
const { DEFAULTS } = require('../src/config');

test('the default timeout', () => {
  assert.strictEqual(DEFAULTS.timeoutMs, 5000);
  assert.deepStrictEqual(createClient().request('/x'), { url: 'http://localhost:8080/x', retries: 3, timeoutMs: 5000 });
});

test('a client may override it', () => {
  assert.strictEqual(createClient({ timeoutMs: 100 }).request('/y').timeoutMs, 100);
  assert.strictEqual(createClient({ retries: 1 }).request('/y').retries, 1);
});
