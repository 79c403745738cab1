let counter = 0;

function nextId(prefix) {
  counter += 1;
  return `${prefix}-${String(counter).padStart(6, '0')}`;
}

module.exports = { nextId };
