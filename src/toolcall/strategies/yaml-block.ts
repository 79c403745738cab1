// A call written as YAML: a ```yaml fence (or a whole reply) holding `name: … / arguments: …`,
// `tool: …`, or `read_file: {path: …}` for an offered tool. The yaml library loads lazily.
import { callsFromJson } from '../call-shape';
import { framingBefore, standsAlone } from '../prose-guard';
import type { Found, Strategy, StrategyContext } from '../types';

type YamlParse = (src: string) => unknown;
let yamlParse: YamlParse | undefined;
function parseYaml(src: string): unknown {
  yamlParse ??= (require('yaml') as { parse: YamlParse }).parse;
  try {
    return yamlParse(src);
  } catch {
    return undefined;
  }
}

// A fence closes only with ``` at the start of a line (a value may hold ``` inside it).
const FENCED = /```[ \t]*ya?ml[ \t]*\r?\n([\s\S]*?)(?:^[ \t]*```|$(?![\s\S]))/gim;
const WHOLE = /^\s*(?:-\s+)?(?:name|tool|tool_name|function|action)\s*:\s*[A-Za-z_][\w.-]*\s*\r?\n\s*(?:arguments|parameters|args|input|action_input)\s*:/;

export const yamlBlock: Strategy = {
  name: 'yaml',
  find(text, ctx) {
    const out: Found[] = [];
    if (/```[ \t]*ya?ml/i.test(text)) {
      FENCED.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = FENCED.exec(text))) {
        const f = fromYaml(m[1], ctx);
        if (!f) continue;
        const end = m.index + m[0].length;
        const framing = standsAlone(text, m.index, end) ? 'call' : framingBefore(text, m.index, false);
        out.push(
          framing === 'call'
            ? { start: m.index, end, calls: f, repairs: ['yaml'] }
            : { start: m.index, end, calls: [], repairs: [], ignored: `${framing} in prose, not a call` },
        );
      }
      return out;
    }
    if (WHOLE.test(text) && !text.includes('```')) {
      const f = fromYaml(text, ctx);
      if (f) out.push({ start: 0, end: text.length, calls: f, repairs: ['yaml'] });
    }
    return out;
  },
};

function fromYaml(src: string, ctx: StrategyContext): ReturnType<typeof callsFromJson> | undefined {
  if (!/:/.test(src)) return undefined;
  const calls = callsFromJson(parseYaml(src), ctx);
  // `arguments: path` (a word, not a mapping) is a tool listing, not a call.
  if (calls.length === 0 || calls.some((c) => typeof c.args !== 'object' || c.args === null)) return undefined;
  return calls.map((c) => ({ ...c, explicit: false }));
}
