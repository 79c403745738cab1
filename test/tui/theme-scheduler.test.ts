// Themes are validated on load with one clear line; NO_COLOR gives monochrome. The render
// scheduler turns any number of requests in one tick into one render.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadTheme, validateTheme, paint, BUILTIN_THEMES, THEME_ROLES } from '../../src/tui/theme';
import { createRenderScheduler } from '../../src/tui/render-scheduler';
import { terminalName } from '../../src/tui/terminal';

describe('themes', () => {
  it.each(BUILTIN_THEMES)('loads the built-in %s theme with every role coloured', (name) => {
    const r = loadTheme(name, {});
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.theme.colors).sort()).toEqual([...THEME_ROLES].sort());
  });

  it('takes SMALLCODE_THEME when no --theme is given, and NO_COLOR over everything', () => {
    const r = loadTheme(undefined, { SMALLCODE_THEME: 'light' });
    expect(r.ok && r.theme.name).toBe('light');
    const m = loadTheme('light', { NO_COLOR: '1' });
    expect(m.ok && m.theme.mono).toBe(true);
    if (m.ok) expect(paint(m.theme, 'diffAdd', '+x')).toBe('{bold}+x{/bold}');
  });

  it('explains a bad theme in one line naming the file and the fix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-theme-'));
    const file = path.join(dir, 'mine.json');
    fs.writeFileSync(file, '{ "colors": ');
    const bad = loadTheme(file, {});
    expect(!bad.ok && bad.error).toMatch(/^theme .*mine\.json: not valid JSON/);
    const missing = validateTheme({ colors: { text: 'white' } }, 'x.json');
    expect(!missing.ok && missing.error).toMatch(/^theme x\.json: missing colours dim, border, .* copy themes\/default\.json/);
    const colors = Object.fromEntries(THEME_ROLES.map((r) => [r, 'white']));
    const wrong = validateTheme({ colors: { ...colors, warn: 'orangeish' } }, 'x.json');
    expect(!wrong.ok && wrong.error).toBe('theme x.json: "warn" is "orangeish", not a colour — use a name like "red" or "#rrggbb"');
    const none = loadTheme('nope', {});
    expect(!none.ok && none.error).toMatch(/^theme "nope" not found .* use one of default, light, high-contrast/);
    for (const e of [bad, missing, wrong, none]) expect(!e.ok && e.error.includes('\n')).toBe(false);
  });

  it('maps $TERM to a terminfo entry blessed handles', () => {
    expect(terminalName(undefined)).toBe('xterm-256color');
    expect(terminalName('tmux-256color')).toBe('xterm-256color');
    expect(terminalName('screen-256color')).toBe('xterm-256color');
    expect(terminalName('linux')).toBe('linux');
  });
});

describe('render scheduler', () => {
  it('coalesces many requests in one tick into one render', () => {
    const queue: (() => void)[] = [];
    let renders = 0;
    const s = createRenderScheduler(
      () => renders++,
      (fn) => queue.push(fn),
    );
    for (let i = 0; i < 50; i++) s.request();
    expect(queue).toHaveLength(1);
    queue.shift()!();
    expect(renders).toBe(1);
    s.request();
    s.request();
    queue.shift()!();
    expect(renders).toBe(2);
    expect(s.count()).toBe(2);
  });

  it('keeps a failing render from escaping and stops after dispose', () => {
    const queue: (() => void)[] = [];
    const errors: unknown[] = [];
    const s = createRenderScheduler(
      () => {
        throw new Error('bad');
      },
      (fn) => queue.push(fn),
      (e) => errors.push(e),
    );
    s.request();
    expect(() => queue.shift()!()).not.toThrow();
    expect(errors).toHaveLength(1);
    s.dispose();
    s.request();
    expect(queue).toHaveLength(0);
  });
});
