// Property: a call generated from the tool registry's schemas, rendered in any dialect the parser
// reads and with any damage it claims to repair, parses back to exactly that call or is reported
// unreadable — never a different call, never silently dropped (issue 16 item 2).
import fc from 'fast-check';
import { DIALECTS, EDIT_BLOCK } from './support/parser-dialects';
import { callSyntaxString } from './support/parser-values';
import { describeCase, genCase, outcomeOf, parseRendered, renderCase } from './support/parser-outcome';
import { parserParams, parserTimeout } from './support/parser-params';

describe('parser properties: round trip', () => {
  it(
    'reads every rendered call back exactly, or reports it unreadable',
    () => {
      fc.assert(
        fc.property(genCase(), (c) => {
          const r = renderCase(c);
          fc.pre(r !== undefined);
          const res = parseRendered(r);
          const outcome = outcomeOf(c.call, res);
          if (outcome === 'wrong' || outcome === 'missed') throw new Error(`${outcome}: ${describeCase(c, r, res)}`);
        }),
        parserParams(),
      );
    },
    parserTimeout(),
  );

  it(
    'reads an undamaged call back exactly in every dialect',
    () => {
      fc.assert(
        fc.property(genCase(), (c) => {
          const r = renderCase({
            ...c,
            damage: { ...c.damage, singleQuotes: false, trailingCommas: false, rawNewlines: false, pythonLiterals: false, literalNewlines: false },
          });
          fc.pre(r !== undefined);
          const res = parseRendered(r);
          if (outcomeOf(c.call, res) !== 'exact') throw new Error(`not exact: ${describeCase(c, r, res)}`);
        }),
        parserParams(),
      );
    },
    parserTimeout(),
  );

  it(
    "never reads a different call when values hold other calls' syntax (a file about tool calls)",
    () => {
      fc.assert(
        fc.property(genCase([...DIALECTS, EDIT_BLOCK], callSyntaxString), (c) => {
          const r = renderCase(c);
          fc.pre(r !== undefined);
          const res = parseRendered(r);
          const outcome = outcomeOf(c.call, res);
          if (outcome === 'wrong' || outcome === 'missed') throw new Error(`${outcome}: ${describeCase(c, r, res)}`);
        }),
        parserParams(),
      );
    },
    parserTimeout(),
  );

  it(
    'reads SEARCH/REPLACE blocks written as prose back exactly, or reports them unreadable',
    () => {
      fc.assert(
        fc.property(genCase([EDIT_BLOCK]), (c) => {
          const r = renderCase(c);
          fc.pre(r !== undefined);
          const res = parseRendered(r);
          const outcome = outcomeOf(c.call, res);
          if (outcome === 'wrong' || outcome === 'missed') throw new Error(`${outcome}: ${describeCase(c, r, res)}`);
        }),
        parserParams(),
      );
    },
    parserTimeout(),
  );
});
