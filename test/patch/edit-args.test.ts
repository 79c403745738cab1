// readEditArgs: every argument form of an edit, read in one place; the canonical arguments it
// returns read back to the same edit (the parser stores them, the tool reads them again).
import { readEditArgs } from '../../src/patch/index';

const BLOCK = '<<<<<<< SEARCH\nx = 1\n=======\nx = 2\n>>>>>>> REPLACE';
const DIFF = '--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n';

describe('readEditArgs', () => {
  it.each([
    ['search/replace', { path: 'a.py', search: 'x = 1', replace: 'x = 2' }, { kind: 'search_replace', search: 'x = 1', replace: 'x = 2' }],
    ['old_str/new_str', { path: 'a.py', old_str: 'x = 1', new_str: 'x = 2' }, { kind: 'search_replace', search: 'x = 1', replace: 'x = 2' }],
    [
      'oldString/newString + replaceAll',
      { filePath: 'a.py', oldString: 'x', newString: 'y', replaceAll: true },
      { kind: 'search_replace', search: 'x', replace: 'y', replaceAll: true },
    ],
    [
      'an edits list',
      {
        file_path: 'a.py',
        edits: [
          { old_string: 'a', new_string: 'b' },
          { old_string: 'c', new_string: '' },
        ],
      },
      {
        kind: 'pairs',
        pairs: [
          { search: 'a', replace: 'b' },
          { search: 'c', replace: '' },
        ],
      },
    ],
    ['blocks under diff', { path: 'a.py', diff: BLOCK }, { kind: 'text', text: BLOCK }],
    ['a unified diff under patch', { path: 'a.py', patch: DIFF }, { kind: 'text', text: DIFF }],
    ['blocks written into search', { path: 'a.py', search: BLOCK }, { kind: 'text', text: BLOCK }],
    ['a unified diff under content', { path: 'a.py', content: DIFF }, { kind: 'text', text: DIFF }],
  ])('reads %s, and its canonical form reads back to the same edit', (_name, args, edit) => {
    const first = readEditArgs(args);
    if (!first.ok) throw new Error(first.problem);
    expect(first.edit).toEqual(edit);
    const again = readEditArgs(first.args);
    expect(again.ok && again.edit).toEqual(edit);
    expect(again.ok && again.args).toEqual(first.args);
  });

  it('takes the path from an apply-patch envelope when no argument names it', () => {
    const input = '*** Begin Patch\n*** Update File: src/a.py\n@@\n-x = 1\n+x = 2\n*** End Patch';
    const r = readEditArgs({ input });
    expect(r.ok && [r.path, r.args]).toEqual(['src/a.py', { path: 'src/a.py', diff: input }]);
  });

  it.each([
    [{ path: 'a.py' }, /missing argument "search"/],
    [{ path: 'a.py', old_str: 'x' }, /missing argument "replace"/],
    [{ path: 'a.py', search: '', replace: 'y' }, /is empty: to create a file use write_file/],
    [{ search: 'x', replace: 'y' }, /missing argument "path"/],
    [{ path: 'a.py', edits: [{ old_string: 'a', new_string: 'b' }, { old_string: 'c' }] }, /in "edits": missing argument "replace"/],
    [{ path: 'a.py', diff: '<<<<<<< SEARCH\nx\n>>>>>>> REPLACE' }, /could not be read: .*=======/s],
    [{ path: 'a.py', content: 'x = 2\n' }, /missing argument "search"/],
  ])('says what is wrong with %j', (args, problem) => {
    const r = readEditArgs(args);
    expect(r.ok ? 'read' : r.problem).toMatch(problem);
  });
});
