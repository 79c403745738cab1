// Reads one XML start tag with simple attributes (`<read_file path="a.ts" />`): values quoted, on one
// line, without a raw `<`; anything else (bare or unquoted attributes, markup in values) is not read.

export interface AttributeTag {
  name: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
  start: number;
  /** Index just past the tag's `>`. */
  end: number;
}

const TAG = /<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<\n]{0,2000}"|'[^'<\n]{0,2000}'))*)\s*(\/?)>/y;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The tag starting exactly at `start`, or undefined when no simple tag starts there. */
export function readAttributeTag(text: string, start: number): AttributeTag | undefined {
  TAG.lastIndex = start;
  const m = TAG.exec(text);
  if (!m) return undefined;
  const attrs: Record<string, string> = {};
  for (const a of m[2].matchAll(ATTR)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
  return { name: m[1], attrs, selfClosing: m[3] === '/', start, end: start + m[0].length };
}

function decodeEntities(v: string): string {
  return v.includes('&') ? v.replace(/&(lt|gt|amp|quot|apos);/g, (whole, e: string) => ENTITY[e] ?? whole) : v;
}
