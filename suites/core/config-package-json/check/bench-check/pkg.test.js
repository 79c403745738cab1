const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');

test('version and lint script', () => {
  const p = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  assert.strictEqual(p.version, '1.2.0');
  assert.deepStrictEqual(p.scripts, { build: 'node scripts/build.js', test: 'node --test test/', lint: 'eslint src' });
  assert.strictEqual(p.name, '@acme/widgets');
  assert.strictEqual(p.main, 'src/index.js');
});
