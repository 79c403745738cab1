const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { parseKeyValues } = require('../src/parse-kv');

test('values may contain =', () => {
  assert.deepStrictEqual(parseKeyValues('a=b=c'), { a: 'b=c' });
  assert.deepStrictEqual(parseKeyValues('url = http://x/?q=1&r=2\r\n# note\r\nname= ada '), { url: 'http://x/?q=1&r=2', name: 'ada' });
});

test('plain pairs still work', () => {
  assert.deepStrictEqual(parseKeyValues('x=1\ny='), { x: '1', y: '' });
});

test('the file keeps CRLF line endings', () => {
  const text = fs.readFileSync('src/parse-kv.js', 'utf8');
  assert.ok(text.includes('\r\n'), 'no CRLF left');
  assert.ok(!/[^\r]\n/.test(text), 'a line ends in a bare LF');
});
