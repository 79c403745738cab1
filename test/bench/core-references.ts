// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the edits hold TypeScript template literals and shell ${…} as text
// Scripted reference answers for the built-in suite (suites/core): for every task, the exact
// tool calls (edit_file / write_file, as a model would send them) that solve it. Kept out of the
// suite so a model can never read them; test/bench/core-suite.test.ts proves each one works.

export interface ReferenceCall {
  name: 'edit_file' | 'write_file';
  arguments: Record<string, string>;
}

const edit = (path: string, search: string, replace: string): ReferenceCall => ({ name: 'edit_file', arguments: { path, search, replace } });
const write = (path: string, content: string): ReferenceCall => ({ name: 'write_file', arguments: { path, content } });

export const REFERENCES: Record<string, ReferenceCall[]> = {
  'js-range-off-by-one': [edit('src/range.js', 'for (let i = start; i <= end; i += step)', 'for (let i = start; i < end; i += step)')],
  'js-rename-function': [
    edit('src/cart.js', 'function calcTotal(lines) {', 'function computeTotal(lines) {'),
    edit('src/cart.js', 'module.exports = { calcTotal, isEmpty };', 'module.exports = { computeTotal, isEmpty };'),
    edit('src/invoice.js', "const { calcTotal } = require('./cart');", "const { computeTotal } = require('./cart');"),
    edit('src/invoice.js', 'const total = calcTotal(lines);', 'const total = computeTotal(lines);'),
    edit('src/index.js', "const { calcTotal, isEmpty } = require('./cart');", "const { computeTotal, isEmpty } = require('./cart');"),
    edit('src/index.js', 'module.exports = { calcTotal, isEmpty, invoice };', 'module.exports = { computeTotal, isEmpty, invoice };'),
  ],
  'js-add-slugify-with-tests': [
    edit(
      'src/strings.js',
      'module.exports = { capitalize };',
      "function slugify(text) {\n  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');\n}\n\nmodule.exports = { capitalize, slugify };",
    ),
    write(
      'test/slugify.test.js',
      "const test = require('node:test');\nconst assert = require('node:assert');\nconst { slugify } = require('../src/strings');\n\ntest('slugify', () => {\n  assert.strictEqual(slugify('  Hello, World! '), 'hello-world');\n  assert.strictEqual(slugify('a--b'), 'a-b');\n});\n",
    ),
  ],
  'js-crlf-parse': [
    edit('src/parse-kv.js', "    const [key, value] = line.split('=');", "    const [key, ...rest] = line.split('=');\n    const value = rest.join('=');"),
  ],
  'js-tabs-status': [edit('src/status.js', '\t\tcase 204:', "\t\tcase 201:\n\t\t\treturn 'Created';\n\t\tcase 204:")],
  'js-long-file-fix': [edit('src/catalog.js', 'return PRODUCTS.filter((p) => p.stock >= 0);', 'return PRODUCTS.filter((p) => p.stock > 0);')],
  'js-search-error-message': [
    edit('src/orders/validate.js', "throw new Error('Invalid quantity');", "throw new Error('Quantity must be a positive whole number');"),
  ],
  'js-misleading-comment': [
    edit(
      'src/stats.js',
      '// NOTE: callers always pass the values already sorted ascending, so no sorting is needed here.\nfunction median(values) {\n  const mid = Math.floor(values.length / 2);\n  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;',
      'function median(values) {\n  const sorted = [...values].sort((a, b) => a - b);\n  const mid = Math.floor(sorted.length / 2);\n  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;',
    ),
  ],
  'js-run-tests': [edit('src/temperature.js', 'return celsius + 273;', 'return celsius + 273.15;')],
  'js-client-timeout-option': [
    edit('src/config.js', '  retries: 3,', '  retries: 3,\n  timeoutMs: 5000,'),
    edit('src/client.js', 'retries: settings.retries };', 'retries: settings.retries, timeoutMs: settings.timeoutMs };'),
  ],
  'js-missing-await': [edit('src/users.js', 'const user = loadUser(store, id);', 'const user = await loadUser(store, id);')],
  'js-escape-html': [edit('src/html.js', ".replace(/\"/g, '&quot;');", ".replace(/\"/g, '&quot;')\n    .replace(/'/g, '&#39;');")],
  'js-todo-remove': [
    edit(
      'src/todo-list.js',
      '  pending() {',
      '  remove(id) {\n    const index = this.items.findIndex((i) => i.id === id);\n    if (index < 0) return false;\n    this.items.splice(index, 1);\n    return true;\n  }\n\n  pending() {',
    ),
  ],
  'js-fix-import-path': [edit('src/index.js', "require('./helpers/format')", "require('./lib/format')")],
  'config-json-settings': [
    edit('config/app.json', '"port": 3000,', '"port": 8080,'),
    edit('config/app.json', '"features": ["cart", "wishlist"],', '"features": ["cart", "search", "wishlist"],'),
    edit('config/app.json', '"pool": 5,', '"pool": 10,'),
  ],
  'config-package-json': [
    edit('package.json', '"version": "1.1.0",', '"version": "1.2.0",'),
    edit('package.json', '"test": "node --test test/"', '"test": "node --test test/",\n    "lint": "eslint src"'),
  ],
  'ts-leap-year': [edit('src/dates.ts', 'return year % 4 === 0;', 'return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;')],
  'ts-interface-field': [
    edit('src/user.ts', '  name: string;\n}', '  name: string;\n  email?: string;\n}'),
    edit(
      'src/format.ts',
      'return `${user.name} (#${user.id})`;',
      'const base = `${user.name} (#${user.id})`;\n  return user.email ? `${base} <${user.email}>` : base;',
    ),
  ],
  'ts-rename-function': [
    edit('src/api.ts', 'export function getUsr(id: string)', 'export function getUser(id: string)'),
    edit('src/page.ts', "import { getUsr } from './api';", "import { getUser } from './api';"),
    edit('src/page.ts', 'const user = getUsr(id);', 'const user = getUser(id);'),
    edit('src/admin.ts', "import { getUsr } from './api';", "import { getUser } from './api';"),
    edit('src/admin.ts', 'return getUsr(id)?.admin === true;', 'return getUser(id)?.admin === true;'),
  ],
  'ts-add-chunk': [
    edit(
      'src/array.ts',
      '  return [...new Set(items)];\n}',
      '  return [...new Set(items)];\n}\n\n/** The items in groups of at most `size`, in order. */\nexport function chunk<T>(items: T[], size: number): T[][] {\n  if (size < 1) throw new RangeError(`size must be at least 1, got ${size}`);\n  const out: T[][] = [];\n  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));\n  return out;\n}',
    ),
  ],
  'py-last-n': [edit('listutil.py', '    return items[-n:]', '    if n <= 0:\n        return []\n    return items[-n:]')],
  'py-rename-function': [
    edit('app/config.py', 'def get_cfg(path=None):', 'def load_config(path=None):'),
    edit('app/server.py', 'from app.config import get_cfg', 'from app.config import load_config'),
    edit('app/server.py', 'cfg = get_cfg(path)', 'cfg = load_config(path)'),
    edit('app/cli.py', 'cfg = config.get_cfg(', 'cfg = config.load_config('),
  ],
  'py-add-word-count-with-tests': [
    edit(
      'textutils.py',
      '    return " ".join(w[:1].upper() + w[1:] for w in text.split())',
      '    return " ".join(w[:1].upper() + w[1:] for w in text.split())\n\n\ndef word_count(text):\n    """How often each lower-cased word occurs."""\n    counts = {}\n    for word in re.findall(r"[a-z0-9\']+", text.lower()):\n        counts[word] = counts.get(word, 0) + 1\n    return counts',
    ),
    edit('textutils.py', '"""Text helpers for the notes app."""', '"""Text helpers for the notes app."""\nimport re'),
    write(
      'tests/test_word_count.py',
      'import unittest\n\nfrom textutils import word_count\n\n\nclass WordCount(unittest.TestCase):\n    def test_counts(self):\n        self.assertEqual(word_count("It\'s it, IT!"), {"it\'s": 1, "it": 2})\n\n\nif __name__ == "__main__":\n    unittest.main()\n',
    ),
  ],
  'py-crlf-parse-row': [
    edit('report.py', '    return line.rstrip("\\r\\n").split(",")', '    return [field.strip() for field in line.rstrip("\\r\\n").split(",")]'),
  ],
  'py-tabs-express': [edit('shipping.py', '\t\tcost = cost * 1.5', '\t\tcost = cost * 2')],
  'py-long-file-fix': [edit('inventory.py', 'if item["qty"] < item["reorder_level"]]', 'if item["qty"] <= item["reorder_level"]]')],
  'py-search-retries': [edit('client/settings.py', 'MAX_RETRIES = 3', 'MAX_RETRIES = 5')],
  'py-misleading-comment': [
    edit(
      'pagination.py',
      '    # Floor division rounds up here, so a partly filled last page is already counted.\n    return total_items // per_page',
      '    # Round up: a partly filled last page is a page too.\n    return -(-total_items // per_page)',
    ),
  ],
  'py-run-tests': [
    edit(
      'money.py',
      '    share = total_cents // people\n    return [share] * people',
      '    share, spare = divmod(total_cents, people)\n    return [share + 1 if i < spare else share for i in range(people)]',
    ),
  ],
  'py-mutable-default': [
    edit('events.py', 'def add_tag(tag, tags=[]):', 'def add_tag(tag, tags=None):'),
    edit('events.py', '    if tag not in tags:', '    if tags is None:\n        tags = []\n    if tag not in tags:'),
  ],
  'py-negative-radius': [
    edit(
      'geometry.py',
      'def circle_area(radius):\n',
      'def circle_area(radius):\n    if radius < 0:\n        raise ValueError("radius must not be negative")\n',
    ),
  ],
  'sh-backup-quoting': [
    edit('scripts/backup.sh', 'src=$1\nif [ -z $src ]; then', 'src="${1:-}"\nif [ -z "$src" ]; then'),
    edit(
      'scripts/backup.sh',
      'if [ -f $src.bak ]; then\n  mv $src.bak $src.bak.1\nfi\ncp $src $src.bak',
      'if [ -f "$src.bak" ]; then\n  mv "$src.bak" "$src.bak.1"\nfi\ncp "$src" "$src.bak"',
    ),
  ],
  'sh-greet-flag': [
    edit('scripts/greet.sh', 'if [ $# -lt 1 ]; then', 'shout=no\nif [ "${1:-}" = "--shout" ]; then\n  shout=yes\n  shift\nfi\nif [ $# -lt 1 ]; then'),
    edit(
      'scripts/greet.sh',
      'echo "Hello, $name"',
      'if [ "$shout" = yes ]; then\n  echo "HELLO, $name!" | tr \'[:lower:]\' \'[:upper:]\'\nelse\n  echo "Hello, $name"\nfi',
    ),
  ],
  'config-ini-settings': [
    edit('settings.ini', 'port = 8000', 'port = 8080'),
    edit('settings.ini', 'echo = false\n', 'echo = false\n\n[logging]\nlevel = debug\n'),
  ],
};
