// An in-memory store with the same async interface as the database one.
function createStore(users) {
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    async get(id) {
      return byId.get(id);
    },
  };
}

module.exports = { createStore };
