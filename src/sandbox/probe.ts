// Finds out once per process whether commands can really be confined here: bubblewrap on Linux
// (which fails where unprivileged user namespaces are off, e.g. Ubuntu 24.04's AppArmor rule),
// sandbox-exec on macOS. A sandbox is relied on only after it has run a command.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bwrapArgs } from './bwrap-args';
import { seatbeltProfile } from './seatbelt-profile';
import type { SandboxStatus } from './types';

const PROBE_TIMEOUT_MS = 5000;

/** The first executable called `name` on PATH. */
export function findOnPath(name: string, pathVar: string | undefined): string | undefined {
  for (const dir of (pathVar ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs argv with an empty environment; resolves with the exit code and the first stderr line. */
function tryRun(argv: string[]): Promise<{ code: number | null; error: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { env: { PATH: '/usr/bin:/bin' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), PROBE_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, error: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, error: stderr.trim().split('\n')[0] ?? '' });
    });
  });
}

const PLAN = { network: false, hidden: [], readOnly: [] };

async function probeLinux(pathVar: string | undefined): Promise<SandboxStatus> {
  const bwrap = findOnPath('bwrap', pathVar);
  if (!bwrap) return { kind: 'none', reason: 'bubblewrap (bwrap) is not installed — install it (Debian/Ubuntu: apt-get install bubblewrap)' };
  const r = await tryRun([bwrap, ...bwrapArgs(PLAN), '--', '/bin/sh', '-c', 'exit 0']);
  if (r.code === 0) return { kind: 'bwrap', reason: `bubblewrap (${bwrap}): workspace writable, the rest read-only, private /tmp and /proc` };
  return {
    kind: 'none',
    reason: `bubblewrap cannot create a sandbox here (${r.error || `exit ${r.code}`}) — unprivileged user namespaces may be disabled (e.g. Ubuntu 24.04: sysctl kernel.apparmor_restrict_unprivileged_userns=0, or an AppArmor profile for bwrap)`,
  };
}

async function probeMac(): Promise<SandboxStatus> {
  const exe = '/usr/bin/sandbox-exec';
  if (!fs.existsSync(exe)) return { kind: 'none', reason: 'sandbox-exec was not found at /usr/bin/sandbox-exec' };
  const r = await tryRun([exe, '-p', seatbeltProfile(PLAN, []), '/bin/sh', '-c', 'exit 0']);
  if (r.code === 0) return { kind: 'sandbox-exec', reason: 'sandbox-exec: workspace and temp folders writable, the rest read-only' };
  return { kind: 'none', reason: `sandbox-exec cannot create a sandbox here (${r.error || `exit ${r.code}`})` };
}

/** Which sandbox works on this machine, found by running a command in it (not cached). */
export function detectSandbox(pathVar: string | undefined): Promise<SandboxStatus> {
  if (process.platform === 'linux') return probeLinux(pathVar);
  if (process.platform === 'darwin') return probeMac();
  return Promise.resolve({ kind: 'none', reason: `no sandbox is available on ${process.platform}` });
}

let cached: Promise<SandboxStatus> | undefined;

/** detectSandbox, once per process: the first caller's PATH decides. */
export function probeSandbox(pathVar: string | undefined = process.env.PATH): Promise<SandboxStatus> {
  cached ??= detectSandbox(pathVar);
  return cached;
}
