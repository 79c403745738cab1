const test = require('node:test');
const assert = require('node:assert');
const { displayName } = require('../src/users');
const { createStore } = require('../src/store');

const store = createStore([{ id: 1, first: 'Ada', last: 'Lovelace' }]);

test('the name', async () => {
  assert.strictEqual(await displayName(store, 1), 'Ada Lovelace');
});

test('an unknown user still rejects', async () => {
  await assert.rejects(displayName(store, 2), { message: 'no user 2' });
});
