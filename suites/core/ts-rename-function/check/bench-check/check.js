// Type-checks the task's TypeScript strictly, then runs it.
const assert = require('node:assert');
const { typeCheck } = require('./ts-check');

if (!typeCheck(["src/api.ts", "src/page.ts", "src/admin.ts", "bench-check/usage.ts"])) process.exit(1);
const fs = require('node:fs');
const api = require('../src/api');
assert.strictEqual(api.getUser('u1').name, 'Ada');
assert.strictEqual(api.getUsr, undefined);
assert.strictEqual(require('../src/page').greeting('u2'), 'Hello, Linus!');
assert.strictEqual(require('../src/admin').canDelete('u2'), false);
for (const f of fs.readdirSync('src')) assert.ok(!fs.readFileSync('src/' + f, 'utf8').includes('getUsr'), f + ' still mentions getUsr');
console.log('all checks passed');
