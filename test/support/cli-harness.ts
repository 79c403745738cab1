// Runs the real CLI entry (`main`) in-process with captured streams, or the built bin/smallcode
// as a child process. No stdin TTY, like CI.
import { PassThrough } from 'node:stream';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { stream, text: () => text };
}

export async function runCli(argv: string[], opts: { cwd: string; env?: Record<string, string>; stdin?: string }): Promise<CliResult> {
  const out = collector();
  const err = collector();
  const stdin = new PassThrough();
  stdin.end(opts.stdin ?? '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...opts.env };
  const code = await main(argv, { stdin, stdout: out.stream, stderr: err.stream, env, cwd: opts.cwd });
  return { code, stdout: out.text(), stderr: err.text() };
}

export const BIN = path.join(__dirname, '..', '..', 'bin', 'smallcode');

export function runBin(argv: string[], opts: { cwd: string; env?: Record<string, string>; stdin?: string }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}
