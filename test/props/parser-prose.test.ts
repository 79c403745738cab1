// Property: prose is never taken for a call. Windows of real README/Markdown files from
// node_modules, with real JSON, YAML, code fences and our own tool schemas spliced in → no call.
import fc from 'fast-check';
import { parseToolCalls } from '../../src/toolcall/index';
import { TOOLS } from './support/parser-outcome';
import { parserParams, parserTimeout } from './support/parser-params';
import { genProse, proseSources } from './support/parser-prose';

describe('parser properties: prose', () => {
  it('has real prose to draw from', () => {
    const s = proseSources();
    expect(s.markdown.length).toBeGreaterThan(50);
    expect(s.packages.length).toBeGreaterThan(50);
  });

  it(
    'never reads a call from documentation with embedded JSON, YAML, code and tool listings',
    () => {
      fc.assert(
        fc.property(genProse, (text) => {
          const res = parseToolCalls(text, undefined, { tools: TOOLS });
          if (res.calls.length > 0) {
            const c = res.calls[0];
            throw new Error(`took prose for a call: ${c.name} ${JSON.stringify(c.arguments).slice(0, 200)} [${c.strategy}]`);
          }
        }),
        parserParams(),
      );
    },
    parserTimeout(),
  );
});
