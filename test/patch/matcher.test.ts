// The pure core: dialect parsing and the matcher ladder on strings, no disk. Each case pins one
// behaviour of the ladder (which rung, uniqueness, refusal content).
import { applyBlocks, checkWholeFile, parseEditText } from '../../src/patch';
import type { ParsedEdit, Refusal } from '../../src/patch';

function apply(before: string | null, text: string): { after?: string; strategies?: string[]; refusal?: Refusal } {
  const parsed = parseEditText(text);
  if ('code' in parsed) return { refusal: parsed };
  const r = applyBlocks(
    before,
    parsed.flatMap((e) => e.blocks),
    'f.ts',
  );
  return r.ok ? { after: r.after, strategies: r.strategies } : { refusal: r.refusal };
}
const sr = (s: string, r: string) => `<<<<<<< SEARCH\n${s}=======\n${r}>>>>>>> REPLACE\n`;

describe('dialect detection', () => {
  it('reads paths and dialect names', () => {
    const parsed = parseEditText('src/a.ts\n```ts\n' + sr('a\n', 'b\n') + '```\n') as ParsedEdit[];
    expect(parsed.map((e) => [e.path, e.dialect])).toEqual([['src/a.ts', 'search_replace']]);
    const diff = parseEditText('diff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n') as ParsedEdit[];
    expect(diff.map((e) => [e.path, e.dialect, e.blocks.length])).toEqual([['x.py', 'unified_diff', 1]]);
    const patch = parseEditText('*** Begin Patch\n*** Add File: n.txt\n+hello\n*** End Patch\n') as ParsedEdit[];
    expect(patch[0].blocks).toEqual([{ kind: 'write', content: 'hello\n' }]);
    const xml = parseEditText(
      '<parameter=path>a.py</parameter>\n<parameter=old_str>\nx = 1\n</parameter>\n<parameter=new_str>\nx = 2\n</parameter>',
    ) as ParsedEdit[];
    expect(xml[0].blocks[0]).toMatchObject({ search: 'x = 1', replace: 'x = 2' });
  });

  it('names the missing marker and the expected form for malformed blocks', () => {
    const r = parseEditText('<<<<<<< SEARCH\nfoo\n=======\nbar\n') as Refusal;
    expect(r.code).toBe('malformed');
    expect(r.reason).toContain('>>>>>>> REPLACE');
    expect(r.hint).toContain('<<<<<<< SEARCH');
  });
});

describe('matcher ladder', () => {
  const file = 'function f() {\n  if (a) {\n    b();\n  }\n}\n';

  it('re-indents the replacement when the search was dedented', () => {
    const r = apply(file, sr('if (a) {\n  b();\n}\n', 'if (a) {\n  b();\n  c();\n}\n'));
    expect(r.strategies).toEqual(['indentation_offset']);
    expect(r.after).toBe('function f() {\n  if (a) {\n    b();\n    c();\n  }\n}\n');
  });

  it('collapses whitespace runs inside lines but never changes content', () => {
    expect(apply('let  x =   1;\n', sr('let x = 1;\n', 'let x = 2;\n')).after).toBe('let x = 2;\n');
    expect(apply('let x = 1;\n', sr('let x=1;\n', 'let x = 2;\n')).refusal?.code).toBe('no_match');
  });

  it('requires uniqueness at the rung where the match is found', () => {
    const twice = 'a();\n  b();\na();\n    b();\n';
    const r = apply(twice, sr('a();\nb();\n', 'x();\n'));
    expect(r.refusal?.code).toBe('ambiguous');
    expect(r.refusal?.hint).toContain('lines 1, 3');
  });

  it('prefers the exact rung over looser ones', () => {
    const r = apply('x = 1\n  y = 1\n', sr('x = 1\n', 'x = 2\n'));
    expect(r.after).toBe('x = 2\n  y = 1\n');
  });

  it('refuses a search that repeats inside a longer line, though only one whole line matches (issue 16)', () => {
    const r = apply('x = 1\n  x = 1\nif (x = 10) {}\n', sr('x = 1\n', 'x = 2\n'));
    expect(r.refusal?.code).toBe('ambiguous');
    expect(r.refusal?.hint).toContain('lines 1, 2, 3');
  });

  it('writes ASCII punctuation when the file uses it and the model sent typographic', () => {
    const r = apply('say("hi")\n', sr('say(“hi”)\n', 'say(“hello”)\n'));
    expect(r.strategies).toEqual(['typographic_punctuation']);
    expect(r.after).toBe('say("hello")\n');
  });

  it('shows the closest region with line numbers and marks the differing line', () => {
    const r = apply('a = 1\nb = 2\nresult = a + b\nprint(result)\n', sr('result = a + b\nprint(results)\n', 'print(a + b)\n'));
    expect(r.refusal?.code).toBe('no_match');
    expect(r.refusal?.hint).toMatch(/! +4 \| print\(result\)/);
    expect(r.refusal?.hint).toContain('print(results)');
  });

  it('reports an edit whose replacement is already there', () => {
    const r = apply('a\nb\nc\n', sr('a\n', 'a\nb\n'));
    expect(r.refusal?.code).toBe('already_applied');
    expect(r.refusal?.hint).toMatch(/already in the file/);
  });

  it('matches tool arguments that were escaped twice (literal \\n)', () => {
    const parsed = parseEditText(JSON.stringify({ old_str: 'a = 1\\nb = 2', new_str: 'a = 1\\nb = 3' })) as ParsedEdit[];
    const r = applyBlocks('a = 1\nb = 2\n', parsed[0].blocks, 'f.py');
    expect(r.ok && [r.after, r.strategies]).toEqual(['a = 1\nb = 3\n', ['unescaped+exact']]);
  });

  it('is all or nothing across blocks and says which block failed', () => {
    const r = apply('a\nb\n', sr('a\n', 'A\n') + sr('zzz\n', 'Z\n'));
    expect(r.refusal?.reason).toContain('block 2 of 2');
    expect(r.refusal?.hint).toContain('No block of this edit was applied');
  });

  it('applies diff hunks in order, using the @@ context line to disambiguate', () => {
    const code = 'def a():\n    return 1\n\ndef b():\n    return 1\n';
    const diff = '--- a/f.py\n+++ b/f.py\n@@ -4,2 +4,2 @@ def b():\n-    return 1\n+    return 2\n';
    expect(apply(code, diff).after).toBe('def a():\n    return 1\n\ndef b():\n    return 2\n');
  });

  it('treats a diff context line with a dropped leading space as context, still checked against the file', () => {
    const diff = '@@ -1,3 +1,3 @@\nfunction f() {\n-  if (a) {\n+  if (a && z) {\n';
    expect(apply(file, diff).after).toBe(file.replace('if (a) {', 'if (a && z) {'));
  });
});

describe('lazy snippets', () => {
  const code = 'import a from "a";\n\nfunction one() {\n  return 1;\n}\n\nfunction two() {\n  return 2;\n}\n';

  it('inserts a new function after a pinned one', () => {
    // The blank line before the elided code is written out: lines are placed as shown, never guessed.
    const snippet =
      '```ts\n// ... existing code ...\nfunction one() {\n  return 1;\n}\n\nfunction half() {\n  return 0.5;\n}\n\n// ... existing code ...\n```\n';
    expect(apply(code, snippet).after).toBe(code.replace('}\n\nfunction two', '}\n\nfunction half() {\n  return 0.5;\n}\n\nfunction two'));
    const tight = snippet.replace('}\n\n// ...', '}\n// ...');
    expect(apply(code, tight).after).toBe(code.replace('}\n\nfunction two', '}\n\nfunction half() {\n  return 0.5;\n}\nfunction two'));
  });

  it('refuses a snippet that would silently delete lines it does not show', () => {
    // No elision after the chunk: taken literally it would drop function two().
    const snippet = '// ... existing code ...\nfunction one() {\n  return 11;\n}\n';
    expect(apply(code, snippet).refusal?.code).toBe('no_match');
  });

  it('replaces a whole block the part shows, even when the new body shares nothing with the old', () => {
    const snippet = '// ... existing code ...\nfunction one() {\n  const n = compute();\n  return n;\n}\n// ... existing code ...\n';
    expect(apply(code, snippet).after).toBe(code.replace('  return 1;\n', '  const n = compute();\n  return n;\n'));
  });

  it('refuses a block whose end in the file the brackets and the indentation disagree on', () => {
    const skewed = 'function one() {\n  a();\n    }\n  b();\n}\n';
    const snippet = '// ... existing code ...\nfunction one() {\n  c();\n}\n// ... existing code ...\n';
    expect(apply(skewed, snippet).refusal?.reason).toMatch(/cannot be found unambiguously/);
  });

  it('replaces a Python block to its dedent when the elision after it is not indented', () => {
    const py = 'def f():\n    a = 1\n    return a\n\n\ndef g():\n    pass\n';
    const snippet = '# ... existing code ...\ndef f():\n    a = 1\n    return helper(a)\n# ... rest of the code ...\n';
    expect(apply(py, snippet).after).toBe(py.replace('    return a\n', '    return helper(a)\n'));
  });
});

describe('tool arguments and bare code blocks', () => {
  it('replaces every occurrence when replace_all is set', () => {
    const parsed = parseEditText(JSON.stringify({ old_string: 'foo', new_string: 'bar', replace_all: true })) as ParsedEdit[];
    const r = applyBlocks('foo(1)\nfoo(2)\n', parsed[0].blocks, 'f.ts');
    expect(r.ok && r.after).toBe('bar(1)\nbar(2)\n');
  });

  it('takes a lone fenced block as the whole file only when it starts and ends like the file', () => {
    const before = 'import a\n\nx = a.run()\nprint(x)\n';
    expect(apply(before, 'a.py\n```python\nimport a\n\nx = a.run(1)\nprint(x)\n```\n').after).toBe('import a\n\nx = a.run(1)\nprint(x)\n');
    expect(apply(before, '```python\nx = a.run(1)\n```\n').refusal?.code).toBe('malformed');
  });
});

describe('whitespace-only replacement lines', () => {
  it('come out the same on the exact, trailing-whitespace and line-number rungs', () => {
    const file = 'if x:\n    a()\n    b()\n';
    const replaced = 'if x:\n    a()\n    \n    b()\n';
    expect(apply(file, sr('    a()\n    b()\n', '    a()\n    \n    b()\n'))).toMatchObject({ after: replaced, strategies: ['exact'] });
    expect(apply(file, sr('    a() \n    b()\n', '    a()\n    \n    b()\n'))).toMatchObject({ after: replaced, strategies: ['trailing_whitespace'] });
    expect(apply(file, sr('2 |     a()\n3 |     b()\n', '2 |     a()\n3 |     \n4 |     b()\n'))).toMatchObject({
      after: replaced,
      strategies: ['line_number_prefixes'],
    });
  });

  it('are re-indented with the lines around them when the indentation drifted', () => {
    const file = 'class C:\n    def m(self):\n        a()\n';
    const r = apply(file, sr('def m(self):\n    a()\n', 'def m(self):\n    a()\n    \n    b()\n'));
    expect(r).toMatchObject({ after: 'class C:\n    def m(self):\n        a()\n        \n        b()\n', strategies: ['indentation_offset'] });
  });
});

describe('search/replace block quirks', () => {
  it('drops code fences written inside both halves of a block', () => {
    const text = '<<<<<<< SEARCH\n```python\nx = 1\n```\n=======\n```python\nx = 2\n```\n>>>>>>> REPLACE\n';
    expect(apply('x = 1\n', text).after).toBe('x = 2\n');
  });

  it('unescapes marker lines escaped with a backslash inside the content', () => {
    const text = '<<<<<<< SEARCH\n\\=======\n=======\n---\n>>>>>>> REPLACE\n';
    expect(apply('title\n=======\n', text).after).toBe('title\n---\n');
  });
});

describe('lazy snippets without a leading elision line', () => {
  const code = 'import x from "x";\n\nfunction foo() {\n  const a = 1;\n  const y = x(a);\n  return y;\n}\n';

  it('keeps the code above a uniquely pinned first line instead of deleting it', () => {
    const snippet =
      '```js\nfunction foo() {\n  // ... existing code ...\n  const a = 1;\n  const y = x(a) * 2;\n  return y;\n  // ... existing code ...\n}\n```\n';
    expect(apply(code, snippet).after).toBe(code.replace('x(a);', 'x(a) * 2;'));
  });

  it('refuses a changed line with no unchanged line after it, rather than inserting a duplicate', () => {
    const snippet = '```js\nfunction foo() {\n  // ... existing code ...\n  const a = 1;\n  const y = x(a) * 2;\n  // ... existing code ...\n}\n```\n';
    expect(apply(code, snippet).refusal?.reason).toMatch(/which lines? (it|the change) replaces/);
  });
});

describe('Python Ellipsis is code, not an elision', () => {
  it('lets a replacement add a stub body "..."', () => {
    const r = apply(
      'class P(Protocol):\n    def a(self) -> int: ...\n',
      sr('    def a(self) -> int: ...\n', '    def a(self) -> int: ...\n\n    def b(self) -> int:\n        ...\n'),
    );
    expect(r.after).toBe('class P(Protocol):\n    def a(self) -> int: ...\n\n    def b(self) -> int:\n        ...\n');
  });

  it('accepts a whole-file write with Ellipsis bodies but refuses "... existing code ..." placeholders', () => {
    expect(checkWholeFile(null, 'class P:\n    def a(self):\n        ...\n')).toBeUndefined();
    expect(checkWholeFile(null, 'class P:\n    # ... existing code ...\n')?.code).toBe('malformed');
  });
});

describe('whole-file placeholders', () => {
  it('refuses placeholder comments but not comments that merely mention existing code', () => {
    for (const line of ['// rest of the file unchanged', '# ... rest of code ...', '/* existing code */', '// remaining methods stay the same']) {
      expect(checkWholeFile(null, `a = 1\n${line}\n`)?.code).toBe('malformed');
    }
    expect(checkWholeFile(null, '// TODO: refactor the existing code paths\na = 1\n')).toBeUndefined();
  });
});

describe('tool-call envelopes', () => {
  it('reads arguments nested in an OpenAI-style call, double-encoded as a string', () => {
    const call = { type: 'function', function: { name: 'edit_file', arguments: JSON.stringify({ path: 'a.py', old_str: 'x = 1', new_str: 'x = 2' }) } };
    const parsed = parseEditText(JSON.stringify(call)) as ParsedEdit[];
    expect(parsed[0]).toMatchObject({ path: 'a.py', dialect: 'tool_args' });
    expect(applyBlocks('x = 1\n', parsed[0].blocks, 'a.py')).toMatchObject({ ok: true, after: 'x = 2\n' });
  });
});
