// Starts llama-server on 127.0.0.1 with a free port, waits for /health, and stops it. The
// server's own log is kept (last lines) so a failed start says why in one line.
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';

export interface RunningServer {
  url: string;
  port: number;
  /** The last lines the server printed. */
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  server: string;
  model: string;
  contextSize: number;
  /** Extra flags after the standard ones (e.g. ['--no-jinja']). */
  extraArgs?: string[];
  /** Default 60 s: loading a small model takes well under a second. */
  startTimeoutMs?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return r.status === 200;
  } catch {
    return false;
  }
}

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export async function startLlamaServer(o: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // One thread each: more threads make tiny models slower on a 2-core machine.
  const args = [
    '-m',
    o.model,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '-c',
    String(o.contextSize),
    '--jinja',
    '-t',
    '1',
    '-tb',
    '1',
    ...(o.extraArgs ?? []),
  ];
  const child = spawn(o.server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let lines: string[] = [];
  const keep = (c: Buffer) => {
    lines.push(...c.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 400) lines = lines.slice(-200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await waitExit(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + (o.startTimeoutMs ?? 60_000);
  while (!(await healthy(url))) {
    if (exited || Date.now() > deadline) {
      await stop();
      const why = lines.filter((l) => /error|failed|invalid/i.test(l)).at(-1) ?? lines.at(-1) ?? 'no output';
      throw new Error(`llama-server did not become healthy on ${url}: ${why.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, log: () => lines.join('\n'), stop };
}
