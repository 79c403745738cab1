const test = require('node:test');
const assert = require('node:assert');
const { escapeHtml } = require('../src/html');

test('single quotes', () => {
  assert.strictEqual(escapeHtml("it's"), 'it&#39;s');
});

test('everything together, & first', () => {
  assert.strictEqual(escapeHtml(`<a href='x'>Tom & "Jerry"</a>`), '&lt;a href=&#39;x&#39;&gt;Tom &amp; &quot;Jerry&quot;&lt;/a&gt;');
  assert.strictEqual(escapeHtml('&lt;'), '&amp;lt;');
});
