// `smallcode debug apply [--file PATH] [--dry-run] [--cwd DIR]`: applies an edit read from stdin, in any
// dialect. Exit 0 applied or already present, 1 refused (reason, then hint, on stderr), 2 usage.
import * as fs from 'node:fs';
import { applyProposal, parseEditText } from '../../patch';
import { blocksFor, proposeBlocks } from '../../patch/engine';
import type { ParsedBlock } from '../../patch/types';
import { resolveInWorkspace } from '../../workspace/jail';
import { resolveRoot } from '../../config/config';
import type { ParsedArgs } from '../args';

export interface DebugApplyIo {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function debugApplyCommand(args: ParsedArgs, io: DebugApplyIo): Promise<number> {
  const opts = { file: args.values.file, dryRun: args.values.dryRun };
  const root = resolveRoot(args.values.cwd, io.cwd);
  const text = await readAll(io.stdin);
  const parsed = parseEditText(text);
  if ('code' in parsed) return refuse(io, parsed.code, parsed.reason, parsed.hint);
  let file = opts.file;
  let blocks: ParsedBlock[];
  if (file !== undefined) {
    // The path inside the edit is ignored, unless the edit covers several files and some are this one.
    const mine = blocksFor(file, parsed);
    blocks = 'code' in mine ? parsed.flatMap((e) => e.blocks) : mine;
  } else {
    const named = [...new Set(parsed.map((e) => e.path).filter((p): p is string => !!p))];
    if (named.length !== 1) {
      io.stderr.write(
        `smallcode debug apply: ${named.length === 0 ? 'the edit names no file' : `the edit names ${named.length} files`}: give one with --file PATH\n`,
      );
      return 2;
    }
    file = named[0];
    const mine = blocksFor(file, parsed);
    if ('code' in mine) return refuse(io, mine.code, mine.reason, mine.hint);
    blocks = mine;
  }
  const jailed = resolveInWorkspace(root, file);
  if (!jailed.ok) {
    io.stderr.write(`smallcode debug apply: ${jailed.message}\n`);
    return 2;
  }
  const result = await proposeBlocks(root, jailed.rel, blocks);
  if (!result.ok) {
    if (result.refusal.code !== 'already_applied') return refuse(io, result.refusal.code, result.refusal.reason, result.refusal.hint);
    if (opts.dryRun) io.stdout.write(fs.readFileSync(jailed.abs));
    io.stderr.write(`already applied: ${result.refusal.reason}; nothing to do\n`);
    return 0;
  }
  const p = result.proposal;
  if (opts.dryRun) {
    io.stdout.write(p.after);
    return 0;
  }
  const applied = await applyProposal(root, p);
  if (!applied.ok) return refuse(io, applied.refusal.code, applied.refusal.reason, applied.refusal.hint);
  io.stdout.write(`applied to ${p.path} (+${p.added} -${p.removed}; ${p.strategies.join(', ')}); undo with: smallcode undo\n`);
  return 0;
}

function refuse(io: DebugApplyIo, code: string, reason: string, hint: string): number {
  io.stderr.write(`edit refused (${code}): ${reason}\n${hint}\n`);
  return 1;
}
