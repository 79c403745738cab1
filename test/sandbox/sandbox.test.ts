// The sandbox really confines: bubblewrap runs each command here with real temp folders, a real
// loopback listener and real processes. Skipped, with one line, where bubblewrap cannot run.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runSandboxed, type SandboxedRun } from '../../src/sandbox/run-sandboxed';
import { createCommandRunner } from '../../src/sandbox/command-runner';
import { credentialPaths } from '../../src/sandbox/credential-paths';
import { itSandboxed } from '../support/sandbox-available';

const it_ = itSandboxed();
const SECRET = 'sk-ant-api03-fakefakefake1234567890';
const PAT = 'ghp_fakeFAKEfake1234567890';

let root: string;
let outside: string;
let home: string;
let hostEnv: Record<string, string>;

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-sandbox-ws-')));
  // Outside /tmp on purpose: these stay visible (read-only) inside the sandbox.
  outside = fs.mkdtempSync('/var/tmp/sc-sandbox-outside-');
  home = fs.mkdtempSync('/var/tmp/sc-sandbox-home-');
  fs.mkdirSync(path.join(home, '.ssh'));
  fs.writeFileSync(path.join(home, '.ssh', 'id_rsa'), 'FAKE-PRIVATE-KEY-CONTENT\n');
  fs.mkdirSync(path.join(home, '.config', 'smallcode'), { recursive: true });
  fs.writeFileSync(path.join(home, '.config', 'smallcode', 'config'), `ANTHROPIC_API_KEY=${SECRET}\n`);
  fs.writeFileSync(path.join(home, '.bashrc'), '# the user rc\n');
  fs.mkdirSync(path.join(root, '.git', 'hooks'), { recursive: true });
  fs.writeFileSync(path.join(root, '.git', 'config'), '[core]\n');
  hostEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', ANTHROPIC_API_KEY: SECRET, GITHUB_PAT: PAT, CUSTOM_FLAG: 'c1' };
});

afterAll(() => {
  for (const d of [root, outside, home]) fs.rmSync(d, { recursive: true, force: true });
});

/** A bubblewrap run with nothing scrubbed, to see what the sandbox itself lets through. */
function raw(command: string, over: Partial<SandboxedRun> = {}) {
  return runSandboxed(command, {
    root,
    status: { kind: 'bwrap', reason: 'test' },
    plan: { root, network: false, hidden: credentialPaths(home), readOnly: [path.join(root, '.git', 'hooks'), path.join(root, '.git', 'config')] },
    hostEnv,
    passEnv: [],
    secrets: [],
    timeoutMs: 20_000,
    outputCap: 100_000,
    signal: new AbortController().signal,
    ...over,
  });
}

describe('bubblewrap sandbox', () => {
  it_('makes the workspace writable and the rest of the disk read-only', async () => {
    const r = await raw(`echo ok > inside.txt; touch ${outside}/planted; echo more >> ${home}/.bashrc; echo done`);
    expect(r.sandbox).toBe('bwrap');
    expect(fs.readFileSync(path.join(root, 'inside.txt'), 'utf8')).toBe('ok\n');
    expect(fs.existsSync(path.join(outside, 'planted'))).toBe(false);
    expect(fs.readFileSync(path.join(home, '.bashrc'), 'utf8')).toBe('# the user rc\n');
    expect(r.output).toMatch(/Read-only file system/);
  });

  it_('gives the command a private /tmp', async () => {
    const marker = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-host-marker-'));
    try {
      const r = await raw(`ls /tmp; echo x > /tmp/made-inside-${path.basename(marker)}`);
      expect(r.output).not.toContain(path.basename(marker) + '\n');
      expect(fs.existsSync(path.join(os.tmpdir(), `made-inside-${path.basename(marker)}`))).toBe(false);
    } finally {
      fs.rmSync(marker, { recursive: true, force: true });
    }
  });

  it_("runs in its own PID namespace: no parent's environment, no other processes", async () => {
    const r = await raw(`cat /proc/$PPID/environ /proc/1/environ | tr '\\0' '\\n'; echo; ls /proc | grep -c '^[0-9]'`);
    expect(r.output).not.toContain(SECRET);
    expect(r.output).not.toContain(PAT);
    expect(r.output).toContain('PATH=');
    const processes = Number(r.output.trim().split('\n').pop());
    expect(processes).toBeLessThanOrEqual(6);
  });

  it_('builds the environment from the allow-list and the pass-through list only', async () => {
    const r = await raw('env | cut -d= -f1 | sort', { passEnv: ['CUSTOM_*'] });
    const names = r.output.trim().split('\n');
    expect(names).toEqual(expect.arrayContaining(['PATH', 'HOME', 'LANG', 'CUSTOM_FLAG', 'TMPDIR', 'PAGER', 'TERM']));
    expect(names).not.toContain('ANTHROPIC_API_KEY');
    expect(names).not.toContain('GITHUB_PAT');
    const without = await raw('env | cut -d= -f1');
    expect(without.output).not.toContain('CUSTOM_FLAG');
  });

  it_('hides credential files while the rest of the home folder stays readable', async () => {
    const r = await raw('cat ~/.ssh/id_rsa; ls -A ~/.ssh; cat ~/.config/smallcode/config; cat ~/.bashrc');
    expect(r.output).not.toContain('FAKE-PRIVATE-KEY');
    expect(r.output).not.toContain(SECRET);
    expect(r.output).toContain('# the user rc');
  });

  it_('keeps the repository hooks and config read-only (code planted there would run later, outside)', async () => {
    const r = await raw(`printf '#!/bin/sh\\ntouch ${outside}/hooked\\n' > .git/hooks/pre-commit; echo x >> .git/config; echo ok > README`);
    expect(fs.existsSync(path.join(root, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(fs.readFileSync(path.join(root, '.git', 'config'), 'utf8')).toBe('[core]\n');
    expect(fs.readFileSync(path.join(root, 'README'), 'utf8')).toBe('ok\n');
    expect(r.output).toMatch(/Read-only file system/);
  });

  it_('has no network unless allowed', async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections++;
      s.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const probe = `node -e "require('net').connect(${port},'127.0.0.1').on('connect',()=>console.log('connected')).on('error',e=>console.log('error',e.code))"`;
    try {
      const closed = await raw(probe);
      expect(closed.output).toContain('error');
      expect(connections).toBe(0);
      const open = await raw(probe, { plan: { root, network: true, hidden: [], readOnly: [] } });
      expect(open.output).toContain('connected');
      expect(connections).toBe(1);
    } finally {
      server.close();
    }
  });

  it_('ends background daemons with the command (they die with its PID namespace)', async () => {
    const token = `${Date.now() % 100000}.31415`;
    const r = await raw(`setsid sh -c 'sleep ${token}' > /dev/null 2>&1 & echo started`);
    expect(r.output).toContain('started');
    const survivors = () =>
      fs
        .readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(token);
          } catch {
            return false;
          }
        });
    // The kernel tears the PID namespace down just after the command ends: on a loaded machine the
    // daemon may still be listed for a moment (it is already being killed), never for seconds.
    let alive = survivors();
    for (let i = 0; i < 50 && alive.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      alive = survivors();
    }
    expect(alive).toEqual([]);
  });

  it_('scrubs known secret values from the output (defence in depth)', async () => {
    fs.writeFileSync(path.join(root, 'leak.txt'), `key=${SECRET} pat=${PAT}\n`);
    const runner = createCommandRunner({ root, hostEnv, secretSources: [{ DATABASE_URL: 'postgres://app:hunter2pass@db/x' }] });
    const r = await runner.run('cat leak.txt; echo postgres://app:hunter2pass@db/x', {
      timeoutMs: 20_000,
      outputCap: 10_000,
      signal: new AbortController().signal,
    });
    expect(r.output).toContain('key=[redacted ANTHROPIC_API_KEY] pat=[redacted GITHUB_PAT]');
    expect(r.output).toContain('postgres://app:[redacted DATABASE_URL]@db/x');
  });
});
