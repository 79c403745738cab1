// /export: a session written to Markdown in the workspace, atomically and confined (no path out of
// the workspace, no symlink followed); by default under .smallcode/exports/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { replaceConfined } from '../workspace/confined-file';
import { isSessionId, sessionsDir } from './session-log';
import { sessionMarkdown } from './session-markdown';

export type ExportResult = { ok: true; rel: string; bytes: number } | { ok: false; reason: string };

export const defaultExportPath = (id: string) => `.smallcode/exports/session-${id}.md`;

export async function exportSession(root: string, id: string, rel = defaultExportPath(id)): Promise<ExportResult> {
  if (!isSessionId(id)) return { ok: false, reason: `"${id}" is not a session id` };
  let text: string;
  try {
    text = await fs.promises.readFile(path.join(sessionsDir(root), `${id}.jsonl`), 'utf8');
  } catch {
    return { ok: false, reason: `no session log ${id}.jsonl in ${sessionsDir(root)}` };
  }
  const target = rel.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!/\.md$/i.test(target)) return { ok: false, reason: `export to a .md file, e.g. /export notes/session.md (got "${rel}")` };
  const md = sessionMarkdown(id, text);
  const written = await replaceConfined(root, target, Buffer.from(md, 'utf8'), () => true);
  if (!written.ok) return { ok: false, reason: written.changed ? `${target} changed while being written` : `cannot write ${target}: ${written.reason}` };
  return { ok: true, rel: target, bytes: Buffer.byteLength(md) };
}
