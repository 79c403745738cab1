const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

test('the module loads and works', () => {
  const { summary, buildReport } = require('../src/index');
  assert.strictEqual(summary([{ amount: 1250 }, { amount: 99 }]), '2 orders, €13.49');
  assert.strictEqual(buildReport([{ name: 'a', amount: 5 }]), 'a: €0.05');
});

test('node src/index.js runs', () => {
  const run = spawnSync(process.execPath, ['src/index.js'], { encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stderr);
  assert.strictEqual(run.stdout.trim(), '2 orders, €13.49');
});
