// Keeps a child's output bounded while it streams: the head and the tail are kept, the middle
// is counted and replaced by one line saying how much was left out.

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g;

export interface CappedOutput {
  push(chunk: string): void;
  /** The kept text: everything when it fits, else head + "… N chars elided …" + tail. */
  text(): string;
  totalChars(): number;
}

/** `cap` characters in total, 40 % for the head and 60 % for the tail (errors sit at the end). */
export function createCappedOutput(cap: number): CappedOutput {
  const headMax = Math.floor(cap * 0.4);
  const tailMax = cap - headMax;
  let head = '';
  let tail = '';
  let total = 0;
  return {
    push(raw: string) {
      const chunk = raw.replace(ANSI, '');
      total += chunk.length;
      let rest = chunk;
      if (head.length < headMax) {
        const room = headMax - head.length;
        head += rest.slice(0, room);
        rest = rest.slice(room);
      }
      if (rest) tail = (tail + rest).slice(-tailMax);
    },
    text() {
      if (total <= headMax + tailMax) return head + tail;
      const elided = total - head.length - tail.length;
      // Cut at line boundaries so the model never sees half a line at the seam.
      const headCut = head.lastIndexOf('\n') > headMax / 2 ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
      const nl = tail.indexOf('\n');
      const tailCut = nl >= 0 && nl < tailMax / 2 ? tail.slice(nl + 1) : tail;
      const dropped = elided + (head.length - headCut.length) + (tail.length - tailCut.length);
      return `${headCut}\n… ${dropped} chars elided …\n${tailCut}`;
    },
    totalChars: () => total,
  };
}
