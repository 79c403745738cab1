// Which terminfo entry blessed should use: $TERM when blessed handles it well, else
// xterm-256color (unknown, tmux-*/screen-* and *-256color entries misbehave; see toolchain §4).
const KEEP = new Set(['xterm-256color', 'linux', 'vt100', 'vt220']);

export function terminalName(term: string | undefined): string {
  if (term && KEEP.has(term)) return term;
  return 'xterm-256color';
}
