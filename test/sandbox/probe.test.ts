// The sandbox is relied on only after it has run a command: a missing bubblewrap and one that
// cannot create namespaces (Ubuntu 24.04's AppArmor rule) both give "none" with the reason.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectSandbox, probeSandbox } from '../../src/sandbox/probe';
import { bwrapWorks } from '../support/sandbox-available';

const linux = process.platform === 'linux' ? it : it.skip;

describe('sandbox probe', () => {
  linux('says bubblewrap is not installed when it is not on PATH', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-probe-empty-'));
    await expect(detectSandbox(empty)).resolves.toEqual({
      kind: 'none',
      reason: expect.stringMatching(/bubblewrap \(bwrap\) is not installed.*apt-get install bubblewrap/),
    });
  });

  linux('says why when bubblewrap is there but cannot create a sandbox', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-probe-denied-'));
    const fake = path.join(dir, 'bwrap');
    fs.writeFileSync(fake, '#!/bin/sh\necho "bwrap: setting up uid map: Permission denied" >&2\nexit 1\n');
    fs.chmodSync(fake, 0o755);
    const status = await detectSandbox(dir);
    expect(status.kind).toBe('none');
    expect(status.reason).toMatch(/setting up uid map: Permission denied.*user namespaces may be disabled.*Ubuntu 24\.04/);
  });

  linux('finds a working bubblewrap and caches the answer for the process', async () => {
    const first = probeSandbox();
    expect(probeSandbox()).toBe(first);
    expect((await first).kind).toBe(bwrapWorks() ? 'bwrap' : 'none');
  });
});
