// The workbench says at start when commands have no sandbox (and why): the real CLI in tmux.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
if (!HAS_TMUX) console.warn('sandbox-notice-tmux: skipped — tmux is not installed (apt-get install tmux)');
const maybe = HAS_TMUX ? it : it.skip;

const LAUNCH = path.join(__dirname, 'support', 'run-from-source.js');
const SOCKET = `smallcode-sandbox-notice-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

async function screenUntil(name: string, pred: (s: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = tmux('capture-pane', '-p', '-J', '-t', name);
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the screen never matched; last screen:\n${last}`);
}

afterAll(() => {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

maybe(
  'shows "no sandbox for commands" and the reason at start',
  async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-notice-')));
    const cmd = `node '${LAUNCH}' tui --provider ollama --base-url http://127.0.0.1:9 --model m --cwd '${root}'; exec cat`;
    const env = ['-e', 'TERM=xterm-256color', '-e', `HOME=${root}`, '-e', 'SMALLCODE_SANDBOX=off'];
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'n1', '-x', '160', '-y', '30', ...env, cmd);
    const screen = await screenUntil('n1', (s) => s.includes('no sandbox for commands'), 60_000);
    expect(screen).toMatch(/no sandbox for commands: the sandbox is turned off/);
    tmux('send-keys', '-t', 'n1', 'C-c', 'C-c');
  },
  90_000,
);
