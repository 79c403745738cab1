// Type-checks the task's TypeScript strictly, then runs it.
const assert = require('node:assert');
const { typeCheck } = require('./ts-check');

if (!typeCheck(["src/user.ts", "src/format.ts", "bench-check/usage.ts"])) process.exit(1);
const { formatUser } = require('../src/format');
assert.strictEqual(formatUser({ id: 1, name: 'Ada', email: 'ada@example.com' }), 'Ada (#1) <ada@example.com>');
assert.strictEqual(formatUser({ id: 2, name: 'Grace' }), 'Grace (#2)');
console.log('all checks passed');
