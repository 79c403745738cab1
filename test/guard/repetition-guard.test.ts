import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRepetitionGuard } from '../../src/guard/repetition-guard';

/** Feeds text in deltas of `size` chars; returns the verdict and how far it got. */
function feed(text: string, size = 7) {
  const g = createRepetitionGuard();
  for (let i = 0; i < text.length; i += size) {
    const v = g.push(text.slice(i, i + size));
    if (v.stop) return { ...v, at: i };
  }
  return { stop: false as const, at: text.length };
}

const NM = path.join(__dirname, '..', '..', 'node_modules');

describe('repetition guard: loops are cut', () => {
  it.each([
    ['a repeated sentence', 'I will now read the file to check. '.repeat(40)],
    ['a repeated line', 'console.log("debugging the value here");\n'.repeat(40)],
    ['a repeated multi-line block', '  if (x) {\n    return compute(x, y);\n  }\n  // try again\n'.repeat(20)],
    ['a single word', 'the '.repeat(300)],
    ['closing parens', 'foo(' + ')'.repeat(1000)],
    ['a short char cycle without spaces', 'x = ' + ')]}'.repeat(300)],
    ['blank lines forever', 'Answer:\n' + '\n'.repeat(3000)],
    ['a rule line forever', 'Result:\n' + '-'.repeat(3000)],
    [
      'a long paragraph loop',
      'The function parses the input, validates every field, and returns the result to the caller so the caller can decide what to do next. '.repeat(8),
    ],
  ])('%s', (_, text) => {
    const v = feed(text);
    expect(v.stop).toBe(true);
    if (v.stop) {
      expect(v.message).toMatch(/^You repeated '.+' \d+ times; stop repeating it\./);
      expect(v.at).toBeLessThan(text.length); // cut before the end of the stream
    }
  });

  it('gives the same verdict whatever the delta sizes', () => {
    const text = 'Let me try that again. '.repeat(60);
    const a = feed(text, 1);
    const b = feed(text, 500);
    expect(a.stop && b.stop).toBe(true);
    if (a.stop && b.stop) expect(a.unit).toBe(b.unit);
  });

  it('stays stopped until reset, then starts fresh', () => {
    const g = createRepetitionGuard();
    expect(g.push('again '.repeat(200)).stop).toBe(true);
    expect(g.push('something new').stop).toBe(true);
    g.reset();
    expect(g.push('something new and different\n').stop).toBe(false);
  });

  it('honours a lower threshold', () => {
    const g = createRepetitionGuard({ threshold: 3, window: 40 });
    expect(g.push('retry the edit now. '.repeat(4)).stop).toBe(true);
  });
});

describe('repetition guard: normal text is left alone', () => {
  const libDir = path.join(NM, 'typescript', 'lib');
  const dts = fs.readdirSync(libDir).filter((f) => /^lib\..*\.d\.ts$/.test(f));

  it('does not trigger on any TypeScript lib .d.ts file', () => {
    expect(dts.length).toBeGreaterThan(20);
    for (const f of dts) {
      const v = feed(fs.readFileSync(path.join(libDir, f), 'utf8'), 4096);
      expect({ f, stop: v.stop }).toEqual({ f, stop: false });
    }
  });

  it.each([
    '@babel/compat-data/data/plugins.json',
    '@babel/compat-data/data/corejs2-built-ins.json',
    'electron-to-chromium/versions.json',
    'picomatch/README.md',
    'glob/README.md',
    'ollama/README.md',
    'jsonrepair/README.md',
  ])('does not trigger on %s', (rel) => {
    const file = path.join(NM, rel);
    const v = feed(fs.readFileSync(file, 'utf8'), 1024);
    expect(v.stop).toBe(false);
  });

  it.each([
    [
      'a JSON array of similar objects',
      JSON.stringify(
        Array.from({ length: 200 }, (_, i) => ({ id: i, enabled: true, visible: true, locked: false, tags: [] })),
        null,
        2,
      ),
    ],
    [
      'deeply nested closers',
      Array.from({ length: 14 }, (_, i) => ' '.repeat(i * 2) + 'if (a) {').join('\n') +
        '\n' +
        Array.from({ length: 14 }, (_, i) => ' '.repeat((13 - i) * 2) + '}').join('\n'),
    ],
    ['an import list', Array.from({ length: 60 }, (_, i) => `import { thing${i} } from './things/thing-${i}';`).join('\n')],
    ['a Markdown table', '| a | b | c |\n|---|---|---|\n' + Array.from({ length: 80 }, (_, i) => `| row ${i} | yes | no |`).join('\n')],
    ['a short zeros array', `const table = [${new Array(48).fill('0').join(', ')}];`],
    ['a separator comment', '// ' + '-'.repeat(100) + '\nconst a = 1;\n// ' + '='.repeat(100)],
    ['a Markdown table with a padded wide column', `| Parameter${' '.repeat(400)}| Type |\n|${'-'.repeat(410)}|------|\n| a${' '.repeat(408)}| b |`],
    ['a generated union type', `type T = ('a' | 'b') | {\n${'        [k: string]: unknown;\n    } | {\n'.repeat(9)}        [k: string]: unknown;\n    };`],
    ['many similar test cases', Array.from({ length: 40 }, (_, i) => `  it('case ${i}', () => {\n    expect(parse('${i}')).toBe(${i});\n  });\n`).join('\n')],
  ])('%s', (_, text) => {
    expect(feed(text, 13).stop).toBe(false);
  });
});
