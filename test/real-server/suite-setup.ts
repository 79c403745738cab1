// What every real-server test shares: the setup global-setup.ts wrote, a llama-server behind a
// recording proxy, temp workspaces, and the environment the real CLI runs with.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startLlamaServer, type RunningServer } from '../../scripts/real-server/llama-server-process';
import { startRecordingProxy, type ProxyOptions, type RecordingProxy } from '../../scripts/real-server/recording-proxy';
import { cacheRoot } from '../../scripts/real-server/llama-server-build';
import { runBin, type CliResult } from '../support/cli-harness';

export const SETUP_ENV = 'SMALLCODE_REAL_SERVER_SETUP';

export interface SuiteSetup {
  server: string;
  sourceDir: string;
  commit: string;
  model: string;
  garbledModel: string;
  tokens: { toolCallLine: number; endOfTurn: number };
  /** Temp folder of this run (removed by the teardown). */
  dir: string;
}

export function readSuiteSetup(): SuiteSetup {
  const file = process.env[SETUP_ENV];
  if (!file) throw new Error(`${SETUP_ENV} is not set: run this suite with \`npm run test:real-server\``);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteSetup;
}

export interface Rig {
  server: RunningServer;
  /** A second server with the garbled model, when asked for (see startRig). */
  garbled?: RunningServer;
  proxy: RecordingProxy;
  /** Straight to the server, bypassing the proxy (for /tokenize, /apply-template, /props). */
  direct(pathname: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  /** Token ids steering needs (see steer.ts). */
  tokens: SuiteSetup['tokens'];
  /** Stops both; the exchanges are kept in <cache>/last-run/<name>.jsonl for inspection. */
  stop(name?: string): Promise<void>;
}

export const LAST_RUN_DIR = () => path.join(cacheRoot(), 'last-run');

/** The built CLI (`node bin/smallcode`), its output also kept in <cache>/last-run/<name>.cli.txt. */
export async function smallcode(name: string, argv: string[], opts: { cwd: string; env: Record<string, string> }): Promise<CliResult> {
  const r = await runBin(argv, opts);
  fs.mkdirSync(LAST_RUN_DIR(), { recursive: true });
  fs.writeFileSync(
    path.join(LAST_RUN_DIR(), `${name}.cli.txt`),
    `$ smallcode ${argv.join(' ')}\nexit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n`,
  );
  return r;
}

export interface RigOptions extends Omit<ProxyOptions, 'upstream' | 'routeChat'> {
  /** Chat requests for which this returns true go to a second server whose model's replies
   * are invalid UTF-8. */
  toGarbled?: (chatIndex: number) => boolean;
}

/** A llama-server with `-c contextSize` and a recording proxy in front of it. */
export async function startRig(contextSize: number, proxy: RigOptions = {}, extraArgs: string[] = []): Promise<Rig> {
  const setup = readSuiteSetup();
  const server = await startLlamaServer({ server: setup.server, model: setup.model, contextSize, extraArgs });
  const garbled = proxy.toGarbled ? await startLlamaServer({ server: setup.server, model: setup.garbledModel, contextSize, extraArgs }) : undefined;
  const routeChat = (i: number) => (garbled && proxy.toGarbled?.(i) ? garbled.url : undefined);
  const p = await startRecordingProxy({ upstream: server.url, ...proxy, routeChat });
  const direct = async (pathname: string, body?: unknown) => {
    const r = await fetch(
      `${server.url}${pathname}`,
      body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    const text = await r.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      /* plain text */
    }
    return { status: r.status, json };
  };
  return {
    server,
    garbled,
    proxy: p,
    direct,
    tokens: setup.tokens,
    stop: async (name) => {
      await p.close();
      await server.stop();
      await garbled?.stop();
      if (name) {
        fs.mkdirSync(LAST_RUN_DIR(), { recursive: true });
        fs.writeFileSync(path.join(LAST_RUN_DIR(), `${name}.jsonl`), p.exchanges.map((e) => JSON.stringify(e)).join('\n') + '\n');
        fs.writeFileSync(path.join(LAST_RUN_DIR(), `${name}.server.log`), server.log() + '\n');
      }
    },
  };
}

/** A nested field of parsed JSON, or undefined: `dig(props, 'chat_template_caps', 'supports_tools')`. */
export function dig(value: unknown, ...keys: (string | number)[]): unknown {
  let cur = value;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A temp folder inside the run's folder, which the global teardown removes. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(readSuiteSetup().dir, `${prefix}-`));
}

export function workspace(files: Record<string, string>): string {
  const root = tempDir('ws');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** The CLI's environment: this proxy as an OpenAI-compatible server, a private HOME/config. */
export function cliEnv(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  const home = tempDir('home');
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    SMALLCODE_PROVIDER: 'openai',
    SMALLCODE_BASE_URL: baseUrl,
    ...extra,
  };
}
