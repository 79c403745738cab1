// Bracketed paste (the terminal wraps pasted text in ESC[200~ … ESC[201~ once we ask with
// ESC[?2004h): blessed does not parse it, so the raw input is split here into key data for
// blessed and whole pasted texts, markers split across reads included. Pure: strings in, pieces out.

export const PASTE_ON = '\x1b[?2004h';
export const PASTE_OFF = '\x1b[?2004l';
const START = '\x1b[200~';
const END = '\x1b[201~';

export type InputPiece = { kind: 'keys'; data: string } | { kind: 'paste'; text: string };

export interface PasteFilter {
  /** Feeds one read from the terminal; returns what it completes, in order. */
  feed(data: string): InputPiece[];
}

/** A tail that may be the start of a marker split across reads ("\x1b[2", "\x1b[20", "\x1b[200"). A
 * lone ESC or "ESC[" is not held: that is the Esc key or Alt-[, and holding it would delay it. */
function heldTail(s: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, s.length); n >= 3; n--) if (marker.startsWith(s.slice(-n))) return n;
  return 0;
}

/** Pasted text as the input stores it: one newline convention, nothing that would move the cursor. */
export function normalizePaste(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

export function createPasteFilter(): PasteFilter {
  let pending = '';
  let inPaste = false;
  let pasted = '';
  return {
    feed(data) {
      const out: InputPiece[] = [];
      let s = pending + data;
      pending = '';
      for (;;) {
        if (inPaste) {
          const end = s.indexOf(END);
          if (end < 0) {
            const keep = heldTail(s, END);
            pasted += s.slice(0, s.length - keep);
            pending = s.slice(s.length - keep);
            return out;
          }
          pasted += s.slice(0, end);
          out.push({ kind: 'paste', text: normalizePaste(pasted) });
          pasted = '';
          inPaste = false;
          s = s.slice(end + END.length);
          continue;
        }
        const start = s.indexOf(START);
        if (start < 0) {
          const keep = heldTail(s, START);
          if (s.length > keep) out.push({ kind: 'keys', data: s.slice(0, s.length - keep) });
          pending = s.slice(s.length - keep);
          return out;
        }
        if (start > 0) out.push({ kind: 'keys', data: s.slice(0, start) });
        inPaste = true;
        s = s.slice(start + START.length);
      }
    },
  };
}
