// How well a tool fits a piece of text (a request, a plan item, a find_tools query): its full
// name, its own name, the words of its name and of its description. Shared by the router's stage
// for outside tools and by find_tools, so both agree on what "points to a tool" means.
import type { Tool } from './types';

const STOP = new Set(
  'the and for with from into that this these those then than when what which where while have has had are was were will would should could can you your our their its not but all any each one two use uses used using get gets set sets make makes made via per about also more most some such only just like given tool tools server data value values item items list lists name names file files text new'.split(
    ' ',
  ),
);

/** Verbs every coding request uses: in a tool's name they count only beside a real match
 * ("create entities in the graph"), never alone ("create a test" must not route memory__create_entities). */
const GENERIC_VERBS = new Set(
  'add create get fetch read write update delete remove search find open close run show edit put post query change check start stop'.split(' '),
);

/** Lower-case word stems of a text: split on anything but letters and digits (and camelCase). */
export function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  for (const w of spaced.split(/[^a-z0-9]+/)) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/**
 * A score: 100 when the text names the tool exactly (`memory__read_graph`), 40 for its own name
 * (`read_graph`), 8 for its server's name, 5 per word of its name (1 for a generic verb) and 2 per
 * word of its description found in the text. 0: the text does not point to it.
 */
export function toolScore(tool: Tool, text: string, words: Set<string>): number {
  const lower = text.toLowerCase();
  if (lower.includes(tool.name.toLowerCase())) return 100;
  let score = 0;
  const own = tool.external?.tool ?? tool.name;
  if (own.length > 3 && new RegExp(`\\b${own.toLowerCase().replace(/[^a-z0-9_]/g, '.')}\\b`).test(lower)) score += 40;
  if (tool.external && words.has(stem(tool.external.server.toLowerCase()))) score += 8;
  const nameWords = wordsOf(own);
  for (const w of nameWords) if (words.has(w)) score += GENERIC_VERBS.has(w) ? 1 : 5;
  for (const w of wordsOf(tool.description)) if (!nameWords.has(w) && words.has(w)) score += 2;
  return score;
}
