// Reads the Cline/Roo form where the element is the tool and its children are the arguments:
// `<read_file><path>src/a.ts</path></read_file>`. Tolerant of raw code inside values and of a
// missing closing tag; large values run to the LAST closing tag (code may contain the tag itself).

export interface XmlElementCall {
  name: string;
  args: Record<string, string>;
  end: number;
  repairs: string[];
}

const GREEDY = new Set([
  'content',
  'diff',
  'search',
  'replace',
  'new_str',
  'old_str',
  'file_text',
  'text',
  'code',
  'contents',
  'new_string',
  'old_string',
  'patch',
]);

/** `start` points at `<NAME>`; `accept` decides whether NAME may be a tool. */
export function readXmlElementCall(s: string, start: number, accept: (name: string) => boolean): XmlElementCall | undefined {
  const open = /^<([A-Za-z_][\w.-]*)\s*>/.exec(s.slice(start, start + 100));
  if (!open || !accept(open[1])) return undefined;
  const name = open[1];
  const bodyStart = start + open[0].length;
  const closeTag = `</${name}>`;
  const repairs: string[] = [];
  let bodyEnd = s.indexOf(closeTag, bodyStart);
  let end: number;
  if (bodyEnd < 0) {
    bodyEnd = s.length;
    end = s.length;
    repairs.push(`unclosed <${name}>`);
  } else end = bodyEnd + closeTag.length;
  const args = readChildren(s.slice(bodyStart, bodyEnd), repairs);
  if (!args) return undefined;
  return { name, args, end, repairs };
}

function readChildren(body: string, repairs: string[]): Record<string, string> | undefined {
  const args: Record<string, string> = {};
  let i = 0;
  for (;;) {
    while (i < body.length && /\s/.test(body[i])) i++;
    if (i >= body.length) break;
    const open = /^<([A-Za-z_][\w.-]*)\s*>/.exec(body.slice(i, i + 100));
    if (!open) return undefined; // text between children: prose or HTML, not a call
    const p = open[1];
    const vStart = i + open[0].length;
    const closeTag = `</${p}>`;
    let vEnd = GREEDY.has(p) ? body.lastIndexOf(closeTag) : body.indexOf(closeTag, vStart);
    let next: number;
    if (vEnd < vStart) {
      vEnd = body.length;
      next = body.length;
      repairs.push(`unclosed <${p}>`);
    } else next = vEnd + closeTag.length;
    args[p] = decodeEntities(
      body
        .slice(vStart, vEnd)
        .replace(/^\r?\n/, '')
        .replace(/\r?\n$/, ''),
    );
    i = next;
  }
  return args;
}

/** Entities are decoded only when the value holds no raw `<` (then it was written as escaped XML). */
function decodeEntities(v: string): string {
  if (v.includes('<') || !/&(?:lt|gt|amp|quot|apos);/.test(v)) return v;
  return v.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? _);
}
