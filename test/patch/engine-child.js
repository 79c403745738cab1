// Child process for test/patch/processes.test.ts: drives the real (transpiled) engine and stops
// at one exact moment by hooking Node's own fs (the boundary, not our modules). Modes:
//   kill-before-rename  apply two edits to a.txt, then a third whose rename never comes: the
//                       parent SIGKILLs it there (journal written, temp file written, file not)
//   edit-before-write   apply an edit; right after the engine checked the file and began its
//                       write, "another editor" saves a.txt: prints the apply result as JSON
//   hold-lock           take the workspace lock and keep it until stdin closes
const fs = require('node:fs');
const path = require('node:path');

const [mode, modDir, work] = process.argv.slice(2);
const load = (rel) => require(path.join(modDir, 'src', ...rel.split('/')));
const { proposeEdit, applyProposal } = load('patch/index.js');

async function edit(search, replace) {
  const proposed = await proposeEdit(work, 'a.txt', { kind: 'search_replace', search, replace });
  if (!proposed.ok) throw new Error(proposed.refusal.reason);
  return applyProposal(work, proposed.proposal);
}

/** Calls `before(path)` when a temp file for a.txt is about to be opened. */
function onTempOpen(before) {
  const open = fs.promises.open;
  fs.promises.open = async (p, ...rest) => {
    if (/\/\.a\.txt\.\d+\.[0-9a-f]{8}\.tmp$/.test(String(p))) await before(String(p));
    return open.call(fs.promises, p, ...rest);
  };
}

async function main() {
  if (mode === 'kill-before-rename') {
    await edit('v1', 'v2');
    await edit('v2', 'v3');
    const rename = fs.promises.rename;
    fs.promises.rename = async (from, to) => {
      if (to === path.join(work, 'a.txt')) {
        process.stdout.write('renaming\n');
        // Hang here, alive (a timer keeps the event loop from emptying), until the SIGKILL.
        await new Promise(() => setInterval(() => {}, 60_000));
      }
      return rename.call(fs.promises, from, to);
    };
    await edit('v3', 'v4');
  } else if (mode === 'edit-before-write') {
    onTempOpen(async () => fs.writeFileSync(path.join(work, 'a.txt'), 'saved by another editor\n'));
    process.stdout.write(`${JSON.stringify(await edit('v1', 'v2'))}\n`);
  } else if (mode === 'hold-lock') {
    const { withWorkspaceLock } = load('workspace/workspace-lock.js');
    await withWorkspaceLock(work, async () => {
      process.stdout.write('held\n');
      await new Promise((resolve) => process.stdin.on('end', resolve).resume());
    });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${String(err && err.message)}\n`);
    process.exit(3);
  },
);
