// User lookups against the async user store (see store.js).

async function loadUser(store, id) {
  const user = await store.get(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

async function displayName(store, id) {
  const user = loadUser(store, id);
  return `${user.first} ${user.last}`;
}

module.exports = { loadUser, displayName };
