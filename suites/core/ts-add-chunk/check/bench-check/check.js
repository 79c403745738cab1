// Type-checks the task's TypeScript strictly, then runs it.
const assert = require('node:assert');
const { typeCheck } = require('./ts-check');

if (!typeCheck(["src/array.ts", "bench-check/usage.ts"])) process.exit(1);
const { chunk } = require('../src/array');
assert.deepStrictEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
assert.deepStrictEqual(chunk([1, 2], 5), [[1, 2]]);
assert.deepStrictEqual(chunk([], 3), []);
assert.throws(() => chunk([1], 0), RangeError);
console.log('all checks passed');
