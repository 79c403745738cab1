// The input editor (history, completion, continuation) and the declarative keymap: which action
// a key means in which scope, and that hints and help are generated from the one table.
import { applyInput, emptyInput, completions, parseSlash, wantsContinuation, type InputOp } from '../../src/tui/input-editor';
import { actionFor, hintsFor, KEYMAP, type KeyScope } from '../../src/tui/keymap';
import { routeKey } from '../../src/tui/key-router';
import { helpView, keysMarkdown } from '../../src/tui/help-view';
import { monochromeTheme } from '../../src/tui/theme';

const run = (ops: InputOp[], s = emptyInput()) => ops.reduce(applyInput, s);
const type = (text: string): InputOp[] => [...text].map((c) => ({ op: 'insert', text: c }));

describe('input editor', () => {
  it('edits at the cursor', () => {
    const s = run([...type('helo'), { op: 'left' }, { op: 'insert', text: 'l' }, { op: 'end' }, { op: 'backspace' }]);
    expect(s.text).toBe('hell');
  });

  it('keeps a history that ↑/↓ walk, restoring the draft', () => {
    let s = run([...type('first'), { op: 'commit' }, ...type('second'), { op: 'commit' }, ...type('dra')]);
    s = applyInput(s, { op: 'historyPrev' });
    expect(s.text).toBe('second');
    s = applyInput(s, { op: 'historyPrev' });
    expect(s.text).toBe('first');
    s = applyInput(applyInput(s, { op: 'historyNext' }), { op: 'historyNext' });
    expect(s.text).toBe('dra');
  });

  it('completes slash commands: unique → the command, several → the common prefix', () => {
    expect(run([...type('/he'), { op: 'complete' }]).text).toBe('/help ');
    expect(completions('/c')).toEqual(['/compact', '/clear', '/changes', '/checks', '/check']);
    expect(run([...type('/c'), { op: 'complete' }]).text).toBe('/c');
    expect(run([...type('/co'), { op: 'complete' }]).text).toBe('/compact ');
    expect(completions('/undo 2')).toEqual([]);
  });

  it('parses slash commands and spots a trailing backslash as continuation', () => {
    expect(parseSlash('/undo 2')).toEqual({ command: '/undo', word: '/undo', arg: '2' });
    expect(parseSlash('/nope')?.command).toBeNull();
    expect(parseSlash('hello')).toBeNull();
    expect(wantsContinuation(run(type('line one\\')))).toBe(true);
    expect(wantsContinuation(run(type('line one')))).toBe(false);
  });
});

const scope = (over: Partial<KeyScope> = {}): KeyScope => ({ focus: 'input', approval: false, reason: false, help: false, slash: false, ...over });

describe('keymap', () => {
  it('lets a pending change take y/n/a/e/d wherever focus is; a command takes y/n/A and not a/e/d', () => {
    for (const focus of ['input', 'chat', 'tree'] as const) {
      expect(actionFor('y', scope({ focus, approval: true }))).toBe('approve');
      expect(actionFor('n', scope({ focus, approval: true }))).toBe('reject');
      expect(actionFor('a', scope({ focus, approval: true }))).toBe('approveTurn');
      expect(actionFor('e', scope({ focus, approval: true }))).toBe('edit');
      expect(actionFor('d', scope({ focus, approval: true }))).toBe('toggleDiff');
      expect(actionFor('S-a', scope({ focus, approval: true }))).toBeUndefined();
      const command = scope({ focus, approval: true, request: 'command' });
      expect(actionFor('y', command)).toBe('approve');
      expect(actionFor('S-a', command)).toBe('allowCommand');
      for (const k of ['a', 'e', 'd']) expect(['approveTurn', 'edit', 'toggleDiff']).not.toContain(actionFor(k, command));
    }
  });

  it('types letters into the input when nothing awaits approval', () => {
    expect(actionFor('y', scope())).toBeUndefined();
    expect(routeKey('y', 'y', scope())).toEqual({ edit: { op: 'insert', text: 'y' } });
    expect(routeKey('q', 'q', scope())).toEqual({ edit: { op: 'insert', text: 'q' } });
  });

  it('maps keys by scope: Enter sends in the input, sends the rejection in reason mode, focuses the input elsewhere', () => {
    expect(actionFor('enter', scope())).toBe('send');
    expect(actionFor('enter', scope({ reason: true, approval: true }))).toBe('rejectSend');
    expect(actionFor('escape', scope({ reason: true, approval: true }))).toBe('rejectBack');
    expect(actionFor('enter', scope({ focus: 'chat' }))).toBe('openOutput');
    expect(actionFor('enter', scope({ focus: 'plan' }))).toBe('focusInput');
    expect(actionFor('enter', scope({ focus: 'tree' }))).toBe('treeToggle');
    expect(actionFor('q', scope({ focus: 'chat' }))).toBe('quit');
    expect(actionFor('?', scope({ focus: 'chat' }))).toBe('help');
    expect(actionFor('u', scope({ focus: 'patches' }))).toBe('undo');
    expect(actionFor('escape', scope())).toBe('leaveInput');
    expect(actionFor('C-c', scope({ focus: 'tree' }))).toBe('cancel');
    expect(actionFor('tab', scope())).toBe('focusNext');
    expect(actionFor('tab', scope({ slash: true }))).toBe('complete');
    expect(actionFor('S-tab', scope({ focus: 'plan' }))).toBe('focusPrev');
    expect(actionFor('backspace', scope())).toBe('deleteBack');
    expect(actionFor('backspace', scope({ reason: true, approval: true, focus: 'tree' }))).toBe('deleteBack');
    expect(actionFor('left', scope({ focus: 'chat' }))).toBeUndefined();
  });

  it('ignores the duplicate "return" blessed sends after "enter", and lets typing include reason text', () => {
    expect(routeKey('return', '\r', scope())).toBeNull();
    expect(routeKey('w', 'w', scope({ reason: true, approval: true, focus: 'chat' }))).toEqual({ edit: { op: 'insert', text: 'w' } });
    expect(routeKey('x', 'x', scope({ focus: 'chat' }))).toEqual({ action: 'openOutput' });
    expect(routeKey('z', 'z', scope({ focus: 'chat' }))).toBeNull();
  });

  it('generates status hints from the table, most specific first, naming the approval keys', () => {
    const hints = hintsFor(scope({ approval: true })).map((h) => `${h.key} ${h.label}`);
    expect(hints.slice(0, 5)).toEqual(['y approve', 'n reject', 'a approve all changes this turn', 'e edit', 'd full diff']);
    const command = hintsFor(scope({ approval: true, request: 'command' })).map((h) => `${h.key} ${h.label}`);
    expect(command.slice(0, 3)).toEqual(['y approve', 'n reject', 'A always allow this command']);
    expect(command.join(' ')).not.toMatch(/\be edit|\bd full diff|approve all/);
    expect(hintsFor(scope({ focus: 'chat' })).map((h) => h.key)).toEqual(expect.arrayContaining(['u', '?', 'q', 'Ctrl-C']));
  });

  it('help lists exactly the keymap: every binding once, in order, and nothing else', () => {
    const lines = helpView(100, monochromeTheme());
    const bindingLines = lines.filter((l) => /^ {2}\S/.test(l.replace(/\{[^}]*\}/g, '')) && !/^\s+\/[a-z]/.test(l.replace(/\{[^}]*\}/g, '')));
    expect(bindingLines).toHaveLength(KEYMAP.length);
    KEYMAP.forEach((b, i) => {
      expect(bindingLines[i]).toContain(b.label);
    });
  });
});

describe('README keys section', () => {
  it('is exactly what the keymap table generates', () => {
    const readme = require('node:fs').readFileSync(require('node:path').join(__dirname, '..', '..', 'README.md'), 'utf8') as string;
    const block = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme)?.[1];
    expect(block).toBe(keysMarkdown());
  });
});
