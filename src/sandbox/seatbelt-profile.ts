// The macOS sandbox-exec (Seatbelt) profile equivalent to the bubblewrap plan: writes only to the
// workspace and temp folders, credential paths unreadable, no network unless allowed, no peeking
// at other processes. Written from Apple's profile language; it cannot be tested on Linux CI.
import type { SandboxPlan } from './types';

const quote = (p: string) => JSON.stringify(p);

export function seatbeltProfile(plan: SandboxPlan, tmpDirs: readonly string[]): string {
  const writable = [...(plan.root ? [plan.root] : []), ...tmpDirs].map((p) => `(subpath ${quote(p)})`);
  const lines = [
    '(version 1)',
    '(allow default)',
    '(deny file-write*)',
    `(allow file-write* ${writable.join(' ')} (literal "/dev/null") (literal "/dev/tty") (regex #"^/dev/fd/"))`,
    ...plan.readOnly.map((p) => `(deny file-write* (subpath ${quote(p)}))`),
    ...plan.hidden.map((h) => `(deny file-read* file-write* (${h.dir ? 'subpath' : 'literal'} ${quote(h.path)}))`),
    '(deny process-info* (target others))',
  ];
  if (!plan.network) lines.push('(deny network*)');
  return lines.join('\n');
}
