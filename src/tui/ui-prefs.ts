// The workbench's remembered choices (today: wrap long diff lines or scroll them sideways), kept
// in the user's state folder — $XDG_STATE_HOME/smallcode/tui.json, else ~/.local/state/… — never in
// the workspace. A missing or unreadable file means the defaults; saving failures are reported once.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../workspace/atomic-write';

export interface UiPrefs {
  diffWrap: boolean;
}

export const DEFAULT_PREFS: UiPrefs = { diffWrap: true };

export function prefsFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME?.trim() || path.join(env.HOME?.trim() || os.homedir(), '.local', 'state');
  return path.join(base, 'smallcode', 'tui.json');
}

export function loadPrefs(file: string): UiPrefs {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<UiPrefs>;
    return { diffWrap: typeof raw.diffWrap === 'boolean' ? raw.diffWrap : DEFAULT_PREFS.diffWrap };
  } catch {
    return { ...DEFAULT_PREFS };
  }
}

export function savePrefs(file: string, prefs: UiPrefs): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(prefs, null, 2)}\n`);
}
