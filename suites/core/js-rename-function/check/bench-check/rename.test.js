const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const api = require('../src/index');

test('computeTotal is exported and works', () => {
  assert.strictEqual(typeof api.computeTotal, 'function');
  assert.strictEqual(api.computeTotal([{ price: 2, qty: 3 }, { price: 1, qty: 1 }]), 7);
  assert.strictEqual(require('../src/cart').computeTotal([]), 0);
});

test('invoice still totals', () => {
  assert.deepStrictEqual(api.invoice('ada', [{ price: 10, qty: 2 }]), { customer: 'ada', lines: 1, total: 20, vat: 4 });
});

test('the old name is gone from src/', () => {
  assert.strictEqual(api.calcTotal, undefined);
  for (const f of fs.readdirSync('src')) {
    assert.ok(!fs.readFileSync(path.join('src', f), 'utf8').includes('calcTotal'), `${f} still mentions calcTotal`);
  }
});
