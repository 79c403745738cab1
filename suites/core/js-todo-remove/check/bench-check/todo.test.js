const test = require('node:test');
const assert = require('node:assert');
const { TodoList } = require('../src/todo-list');

test('remove deletes by id', () => {
  const list = new TodoList();
  const a = list.add('a');
  const b = list.add('b');
  assert.strictEqual(list.remove(a), true);
  assert.deepStrictEqual(list.items.map((i) => i.id), [b]);
  assert.strictEqual(list.remove(a), false);
  assert.strictEqual(list.remove(99), false);
});

test('ids are not reused and the rest still works', () => {
  const list = new TodoList();
  list.remove(list.add('a'));
  assert.strictEqual(list.add('b'), 2);
  assert.strictEqual(list.complete(2), true);
  assert.deepStrictEqual(list.pending(), []);
});
