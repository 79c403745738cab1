// Whether bubblewrap really confines commands on this machine, decided synchronously so a test
// file can choose `it` or `it.skip` — and say so in one line when it cannot run.
import { spawnSync } from 'node:child_process';
import { bwrapArgs } from '../../src/sandbox/bwrap-args';
import { findOnPath } from '../../src/sandbox/probe';

let known: boolean | undefined;

export function bwrapWorks(): boolean {
  if (known !== undefined) return known;
  const bwrap = findOnPath('bwrap', process.env.PATH);
  const r = bwrap ? spawnSync(bwrap, [...bwrapArgs({ network: false, hidden: [], readOnly: [] }), '--', '/bin/true']) : undefined;
  known = r?.status === 0;
  if (!known) {
    const why = bwrap
      ? `bwrap cannot create a sandbox here (${
          String(r?.stderr ?? '')
            .trim()
            .split('\n')[0]
        })`
      : 'bubblewrap is not installed';
    process.stderr.write(`sandbox tests skipped: ${why} — .ci/run installs bubblewrap\n`);
  }
  return known;
}

/** `it` when bubblewrap works here, `it.skip` (with one line on stderr) when it does not. */
export const itSandboxed = (): jest.It => (bwrapWorks() ? it : it.skip);
