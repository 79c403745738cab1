// Child process of the kill test: applies edits through the real (transpiled) patch engine and
// reports each one; the parent SIGKILLs it at random moments. Plain JS: runs without ts-jest.
const fs = require('node:fs');
const path = require('node:path');

const [modDir, work, countArg] = process.argv.slice(2);
const { proposeEdit, applyProposal } = require(path.join(modDir, 'src', 'patch', 'index.js'));
const FILES = ['f0.txt', 'f1.txt', 'f2.txt'];

async function main() {
  const count = Number(countArg);
  for (let i = 0; i < count; i++) {
    const f = FILES[i % FILES.length];
    const text = fs.readFileSync(path.join(work, f), 'utf8');
    const k = Number(/^n=(\d+)/.exec(text)[1]);
    process.stdout.write(`start ${f} ${k + 1}\n`);
    const proposed = await proposeEdit(work, f, { kind: 'search_replace', search: `n=${k}\n`, replace: `n=${k + 1}\n` });
    if (!proposed.ok) throw new Error(proposed.refusal.reason);
    const applied = await applyProposal(work, proposed.proposal);
    if (!applied.ok) throw new Error(applied.refusal.reason);
    process.stdout.write(`applied ${f} ${k + 1}\n`);
  }
}
main().catch((err) => {
  process.stderr.write(String(err && err.message) + '\n');
  process.exit(3);
});
