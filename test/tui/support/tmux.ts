// Drives the real CLI (`smallcode tui`, run from source) inside tmux against the scripted model
// server: open a session, read the screen, send keys, paste, wait for what the screen shows.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer, type ScriptedReply } from '../../support/scripted-server';
import { QUIET_MS } from '../../../src/tui/key-intake';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

const LAUNCH = path.join(__dirname, 'run-from-source.js');
const SOCKET = `smallcode-e2e-${process.pid}`;
export const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Session {
  name: string;
  root: string;
  server: ScriptedServer;
  screen(): string;
  waitFor(pred: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  keys(...keys: string[]): void;
  type(text: string): void;
  /** Pastes as a terminal does (bracketed, since the workbench asks for it). */
  paste(text: string): void;
  /** Answers a dialog as a user does: after looking at it, one key on its own. */
  answer(key: string): Promise<void>;
  /** Ends the session's processes (keeps the machine free for the next test). */
  close(): void;
}

let counter = 0;
const servers: ScriptedServer[] = [];

/** A user's pause: long enough for the workbench to count the next key as typed on its own. */
export const userPause = () => new Promise((r) => setTimeout(r, QUIET_MS + 150));

export async function openSession(
  replies: ScriptedReply[],
  size = { cols: 100, rows: 30 },
  env: Record<string, string> = {},
  serverArgs?: string,
  files: Record<string, string> = { 'a.txt': 'x\n' },
  kind: 'ollama' | 'llamacpp' = 'ollama',
): Promise<Session> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-e2e-')));
  for (const [rel, content] of Object.entries(files)) fs.writeFileSync(path.join(root, rel), content);
  const server = await startScriptedServer({ kind, replies });
  servers.push(server);
  const name = `s${++counter}`;
  const provider = kind === 'ollama' ? 'ollama' : 'openai';
  const target = serverArgs ?? `--provider ${provider} --base-url ${server.url} --model test-model`;
  const cmd = `node ${q(LAUNCH)} tui ${target} --cwd ${q(root)}; echo EXIT=$?; exec cat`;
  const envArgs = Object.entries({ TERM: 'xterm-256color', NCURSES_NO_UTF8_ACS: '1', HOME: root, ...env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', name, '-x', String(size.cols), '-y', String(size.rows), ...envArgs, cmd);
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  const s: Session = {
    name,
    root,
    server,
    screen,
    async waitFor(pred, timeoutMs = 20000) {
      const test = typeof pred === 'string' ? (t: string) => t.includes(pred) : pred instanceof RegExp ? (t: string) => pred.test(t) : pred;
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = screen();
        if (test(last)) return last;
        await new Promise((r) => setTimeout(r, 40));
      }
      throw new Error(`tmux screen never showed ${String(pred)}; last screen:\n${last}`);
    },
    keys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    type: (text) => void tmux('send-keys', '-t', name, '-l', text),
    paste(text) {
      tmux('set-buffer', '-b', `p${name}`, text);
      tmux('paste-buffer', '-p', '-d', '-b', `p${name}`, '-t', name);
    },
    async answer(key) {
      await userPause();
      tmux('send-keys', '-t', name, key);
    },
    close() {
      spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', name]);
    },
  };
  await s.waitFor('Enter send', 45000); // first start transpiles the sources (slow on a loaded machine)
  return s;
}

export async function closeAll(): Promise<void> {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  await Promise.all(servers.splice(0).map((s) => s.close()));
}
