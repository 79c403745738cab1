// Reads simple "key=value" settings, one per line; # starts a comment.
function parseKeyValues(text) {
  const result = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [key, value] = line.split('=');
    result[key.trim()] = (value ?? '').trim();
  }
  return result;
}

module.exports = { parseKeyValues };
