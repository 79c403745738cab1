// Child process of the concurrency test: once told "go" on stdin, adds `count` lines tagged
// `tag` to shared.txt through the real (transpiled) patch engine, each as propose + apply, and
// re-proposes when the engine answers "stale". Reports each applied line and journal id.
const path = require('node:path');

const [modDir, work, tag, countArg] = process.argv.slice(2);
const { proposeEdit, applyProposal } = require(path.join(modDir, 'src', 'patch', 'index.js'));

async function addLine(line) {
  for (;;) {
    const proposed = await proposeEdit(work, 'shared.txt', { kind: 'search_replace', search: 'end\n', replace: `${line}\nend\n` });
    if (!proposed.ok) throw new Error(`propose: ${proposed.refusal.reason}`);
    const applied = await applyProposal(work, proposed.proposal);
    if (applied.ok) return applied.entry.id;
    if (applied.refusal.code !== 'stale') throw new Error(`apply: ${applied.refusal.reason}`);
    process.stdout.write('stale\n');
  }
}

async function main() {
  for (let i = 0; i < Number(countArg); i++) {
    const line = `${tag}${i}`;
    const id = await addLine(line);
    process.stdout.write(`applied ${line} ${id}\n`);
  }
}

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  main().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`${String(err && err.message)}\n`);
      process.exit(3);
    },
  );
});
