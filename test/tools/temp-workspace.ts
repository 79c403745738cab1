// Test helper: a real temporary workspace (realpath'd root) with files written from a map, and
// a ToolContext for it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ToolContext } from '../../src/tools/types';
import { createCommandRunner } from '../../src/sandbox/command-runner';

export interface TempWorkspace {
  root: string;
  write(rel: string, content: string | Buffer): void;
  ctx(outputCap?: number, signal?: AbortSignal): ToolContext;
  cleanup(): void;
}

export function makeWorkspace(files: Record<string, string | Buffer> = {}): TempWorkspace {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'smallcode-tools-')));
  const write = (rel: string, content: string | Buffer) => {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  };
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  return {
    root,
    write,
    ctx: (outputCap = 8000, signal = new AbortController().signal) => ({ root, signal, outputCap, exec: createCommandRunner({ root, hostEnv: process.env }) }),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
