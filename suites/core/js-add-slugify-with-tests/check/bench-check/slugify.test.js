const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { slugify, capitalize } = require('../src/strings');

test('slugify', () => {
  assert.strictEqual(slugify('  Hello, World! '), 'hello-world');
  assert.strictEqual(slugify('Already-a-slug'), 'already-a-slug');
  assert.strictEqual(slugify('C++ & Rust: 2 langs'), 'c-rust-2-langs');
  assert.strictEqual(slugify('!!!'), '');
});

test('capitalize still works', () => {
  assert.strictEqual(capitalize('x'), 'X');
});

test('test/slugify.test.js exists, tests slugify and passes', () => {
  const text = fs.readFileSync('test/slugify.test.js', 'utf8');
  assert.match(text, /slugify/);
  const run = spawnSync(process.execPath, ['--test', 'test/slugify.test.js'], { encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stdout + run.stderr);
});
