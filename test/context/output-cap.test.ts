import { capOutput, elisionMarker } from '../../src/context/output-cap';
import { createTokenCounter } from '../../src/context/token-counter';

const counter = createTokenCounter();
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}: const value${i} = compute(${i});`).join('\n');

describe('capOutput', () => {
  it('returns text that fits unchanged', () => {
    const t = numbered(5);
    expect(capOutput(t, 1000, counter)).toEqual({ text: t, elidedLines: 0 });
  });

  it('keeps whole head and tail lines with a read hint and fits the cap', () => {
    const t = numbered(400);
    const r = capOutput(t, 300, counter, { readHint: true });
    expect(counter.count(r.text)).toBeLessThanOrEqual(300);
    const lines = r.text.split('\n');
    const marker = lines.findIndex((l) => l.startsWith('…'));
    expect(lines[marker]).toBe(elisionMarker(r.elidedLines, true));
    expect(lines[marker]).toMatch(/^… \d+ lines elided — read_file with start_line\/end_line for more$/);
    expect(lines[0]).toBe('line 1: const value0 = compute(0);');
    expect(lines[lines.length - 1]).toBe('line 400: const value399 = compute(399);');
    // head ≈ 60 %, tail ≈ 40 % of the kept lines
    const head = marker;
    const tail = lines.length - marker - 1;
    expect(head).toBeGreaterThan(tail);
    expect(tail).toBeGreaterThan(head * 0.4);
    expect(head + tail + r.elidedLines).toBe(400);
    // every kept line is an original line (line-aligned)
    const original = new Set(t.split('\n'));
    for (const l of lines) if (l !== lines[marker]) expect(original.has(l)).toBe(true);
  });

  it('uses the short marker for command output', () => {
    const r = capOutput(numbered(300), 200, counter);
    expect(r.text).toMatch(/\n… \d+ lines elided\n/);
    expect(r.text).not.toContain('read_file');
  });

  it('cuts a single giant line by characters', () => {
    const t = 'x'.repeat(50) + 'abcdefghij'.repeat(2000) + 'END';
    const r = capOutput(t, 200, counter);
    expect(counter.count(r.text)).toBeLessThanOrEqual(200);
    expect(r.text.startsWith('x'.repeat(50))).toBe(true);
    expect(r.text.endsWith('END')).toBe(true);
    expect(r.text).toMatch(/… \d+ characters elided/);
    expect(r.elidedLines).toBe(1);
  });

  it('respects the cap under a calibrated counter too', () => {
    const c = createTokenCounter();
    c.calibrate(1000, 2000);
    const r = capOutput(numbered(500), 400, c, { readHint: true });
    expect(c.count(r.text)).toBeLessThanOrEqual(400);
    expect(r.elidedLines).toBeGreaterThan(0);
  });
});
