const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { statusText } = require('../src/status');

test('201 is Created', () => {
  assert.strictEqual(statusText(201), 'Created');
});

test('the others are unchanged', () => {
  assert.strictEqual(statusText(200), 'OK');
  assert.strictEqual(statusText(404), 'Not Found');
  assert.strictEqual(statusText(418), 'Unknown');
});

test('indentation is still tabs', () => {
  const lines = fs.readFileSync('src/status.js', 'utf8').split('\n');
  const spaced = lines.filter((l) => /^ +\S/.test(l));
  assert.deepStrictEqual(spaced, [], 'lines indented with spaces');
});
