// Type-checks the task's TypeScript strictly, then runs it.
const assert = require('node:assert');
const { typeCheck } = require('./ts-check');

if (!typeCheck(["src/dates.ts"])) process.exit(1);
const { isLeapYear, daysInMonth } = require('../src/dates');
assert.strictEqual(isLeapYear(1900), false);
assert.strictEqual(isLeapYear(2000), true);
assert.strictEqual(isLeapYear(2024), true);
assert.strictEqual(isLeapYear(2023), false);
assert.strictEqual(isLeapYear(2100), false);
assert.strictEqual(daysInMonth(1900, 2), 28);
assert.strictEqual(daysInMonth(2000, 2), 29);
console.log('all checks passed');
