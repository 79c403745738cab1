const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');

test('the new settings', () => {
  const c = JSON.parse(fs.readFileSync('config/app.json', 'utf8'));
  assert.deepStrictEqual(c, {
    name: 'shop',
    port: 8080,
    features: ['cart', 'search', 'wishlist'],
    db: { host: 'localhost', pool: 10, ssl: false },
    log: { level: 'info' },
  });
});
