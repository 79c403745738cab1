import { createCallRepeatGuard, canonicalJson } from '../../src/guard/call-repeat-guard';

describe('call repeat guard', () => {
  it('flags the third identical call, whatever the key order', () => {
    const g = createCallRepeatGuard();
    expect(g.record('read_file', { path: 'a.ts', start_line: 1 })).toEqual({ loop: false });
    expect(g.record('read_file', { start_line: 1, path: 'a.ts' })).toEqual({ loop: false });
    const v = g.record('read_file', { path: 'a.ts', start_line: 1 });
    expect(v.loop).toBe(true);
    if (v.loop) {
      expect(v.count).toBe(3);
      expect(v.message).toContain('read_file');
      expect(v.message).toContain('3 times');
    }
  });

  it('tells different arguments and different tools apart', () => {
    const g = createCallRepeatGuard(2);
    expect(g.record('read_file', { path: 'a.ts' }).loop).toBe(false);
    expect(g.record('read_file', { path: 'b.ts' }).loop).toBe(false);
    expect(g.record('list_files', { path: 'a.ts' }).loop).toBe(false);
    expect(g.record('read_file', { path: 'a.ts', extra: { x: [1, 2] } }).loop).toBe(false);
    expect(g.record('read_file', { path: 'a.ts' }).loop).toBe(true);
  });

  it('forgets after progress', () => {
    const g = createCallRepeatGuard(2);
    g.record('run_command', { command: 'npm test' });
    g.reset();
    expect(g.record('run_command', { command: 'npm test' }).loop).toBe(false);
    expect(g.record('run_command', { command: 'npm test' }).loop).toBe(true);
  });

  it('canonicalises nested objects and drops undefined fields', () => {
    expect(canonicalJson({ b: { d: 1, c: [2, { f: 1, e: 0 }] }, a: undefined })).toBe('{"b":{"c":[2,{"e":0,"f":1}],"d":1}}');
  });
});

describe('createCallRepeatGuard recent window', () => {
  it('does not call three identical calls spread over a long session a loop', () => {
    const g = createCallRepeatGuard(3, 8);
    const verdicts = [];
    for (let i = 0; i < 30; i++) {
      verdicts.push(g.record('list_files', { path: 'src' }).loop);
      for (let k = 0; k < 4; k++) g.record('read_file', { path: `f${i}-${k}.ts` });
    }
    expect(verdicts.every((v) => v === false)).toBe(true);
  });

  it('still catches three identical calls among the recent ones', () => {
    const g = createCallRepeatGuard(3, 8);
    g.record('read_file', { path: 'a' });
    g.record('list_files', {});
    g.record('read_file', { path: 'a' });
    expect(g.record('read_file', { path: 'a' }).loop).toBe(true);
  });
});

describe('call repeat guard: a retry is not a loop', () => {
  it('counts a call together with its result: a changed result is not a repeat', () => {
    const g = createCallRepeatGuard();
    expect(g.record('read_file', { path: 'a.ts' }, 'v1').loop).toBe(false);
    expect(g.record('read_file', { path: 'a.ts' }, 'v2').loop).toBe(false);
    expect(g.record('read_file', { path: 'a.ts' }, 'v3').loop).toBe(false);
    expect(g.record('read_file', { path: 'a.ts' }, 'v3').loop).toBe(false);
    const v = g.record('read_file', { path: 'a.ts' }, 'v3');
    expect(v.loop).toBe(true);
    if (v.loop) expect(v.message).toMatch(/same result/);
  });

  it('forgets the calls on one file after an edit on it, and only those', () => {
    const g = createCallRepeatGuard();
    for (let i = 0; i < 2; i++) {
      g.record('read_file', { path: './a.ts' }, 'same');
      g.record('list_files', { path: 'src' }, 'same');
    }
    g.forget('a.ts');
    expect(g.record('read_file', { path: 'a.ts' }, 'same').loop).toBe(false);
    expect(g.record('list_files', { path: 'src' }, 'same').loop).toBe(true);
  });

  it('forgets the files an unreadable reply names', () => {
    const g = createCallRepeatGuard();
    g.record('read_file', { path: 'src/a.ts' }, 'x');
    g.record('read_file', { path: 'src/a.ts' }, 'x');
    g.record('read_file', { path: 'b.ts' }, 'y');
    g.record('read_file', { path: 'b.ts' }, 'y');
    g.forgetMentionedIn('<tool_call>{"name": "edit_file", "arguments": {"path": "src/a.ts", "search": "f() {');
    expect(g.record('read_file', { path: 'src/a.ts' }, 'x').loop).toBe(false);
    expect(g.record('read_file', { path: 'b.ts' }, 'y').loop).toBe(true);
  });
});
