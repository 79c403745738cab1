// The input's history kept across restarts: a JSON list of sent messages in the user's state
// folder (next to tui.json, never in the workspace), capped at HISTORY_LIMIT, written atomically.
// Each sent message is appended to what the file holds then, so two workbenches open at once
// both keep theirs (as a shell's shared history does).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../workspace/atomic-write';
import { HISTORY_LIMIT } from './input-editor';

/** input-history.json beside the prefs file. */
export function historyFileNear(prefsPath: string): string {
  return path.join(path.dirname(prefsPath), 'input-history.json');
}

/** The saved history, oldest first; a missing or unreadable file is an empty history. */
export function loadHistory(file: string): string[] {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(raw)) return [];
    return raw.filter((x): x is string => typeof x === 'string').slice(-HISTORY_LIMIT);
  } catch {
    return [];
  }
}

/** Adds one sent message to the saved history (not twice in a row), keeping the newest. */
export function appendHistory(file: string, text: string): Promise<void> {
  const saved = loadHistory(file);
  if (saved[saved.length - 1] === text) return Promise.resolve();
  return writeFileAtomic(file, `${JSON.stringify([...saved, text].slice(-HISTORY_LIMIT), null, 1)}\n`);
}
