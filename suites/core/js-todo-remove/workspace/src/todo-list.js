// A small to-do list kept in memory.
class TodoList {
  constructor() {
    this.items = [];
    this.nextId = 1;
  }

  add(text) {
    const item = { id: this.nextId++, text, done: false };
    this.items.push(item);
    return item.id;
  }

  complete(id) {
    const item = this.items.find((i) => i.id === id);
    if (item) item.done = true;
    return Boolean(item);
  }

  pending() {
    return this.items.filter((i) => !i.done);
  }
}

module.exports = { TodoList };
