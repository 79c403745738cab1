// The workbench's view of the project checks, as pure state and strings: a check run becomes a
// card, the status line names the running one with its seconds, then marks its result.
import { initialState } from '../../src/tui/state';
import { reduce } from '../../src/tui/store';
import { statusView } from '../../src/tui/status-view';
import { monochromeTheme } from '../../src/tui/theme';
import type { AgentEvent } from '../../src/agent/events';

const theme = monochromeTheme();
const strip = (s: string) => s.replace(/\{[^}]*\}/g, '');

describe('checks in the workbench state', () => {
  it('running → the status line counts seconds; finished → a failed card with its output, and a mark', () => {
    let s = initialState({ server: 'ollama', model: 'm', contextWindow: 8192 });
    const events: AgentEvent[] = [
      { type: 'check.started', name: 'test', command: 'npm test', phase: 'verify' },
      { type: 'check.running', name: 'test', seconds: 3 },
    ];
    for (const e of events) s = reduce(s, e);
    expect(strip(statusView(s, 120, theme)[0])).toContain('running check test… 3 s');
    s = reduce(s, {
      type: 'check.finished',
      name: 'test',
      command: 'npm test',
      phase: 'verify',
      status: 'failed',
      verdict: 'new',
      exitCode: 1,
      ms: 3200,
      digest: 'check "test" (npm test) failed: exit code 1',
      digestTokens: 12,
      output: 'FAIL a.test.js\nexpected 1, got 2',
    });
    const card = s.chat.at(-1);
    expect(card).toMatchObject({ kind: 'tool', name: 'check test', status: 'failed', summary: 'failed (new) · 3.2 s' });
    expect(card?.kind === 'tool' && card.details?.output?.text).toBe('FAIL a.test.js\nexpected 1, got 2');
    const line = strip(statusView(s, 120, theme)[0]);
    expect(line).toContain('test ✗');
    expect(line).not.toContain('running check');
  });

  it('a skipped check gets a card that says why, and no mark', () => {
    let s = initialState({ server: 'ollama', model: 'm', contextWindow: 8192 });
    s = reduce(s, {
      type: 'check.finished',
      name: 'lint',
      command: 'npm run lint',
      phase: 'baseline',
      status: 'skipped',
      exitCode: null,
      ms: 0,
      digest: '',
      digestTokens: 0,
      output: '',
      skipped: 'declined by the user',
    });
    expect(s.chat.at(-1)).toMatchObject({ kind: 'tool', status: 'rejected', summary: 'not run: declined by the user' });
    expect(s.checkResults).toEqual([]);
  });
});
