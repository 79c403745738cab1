// The project checks in the workbench: each run is a card in the chat (so `x` opens its full
// output like any command's), the running one is named in the status line with its time, and
// the last result of each check is kept for the status line's pass/fail marks.
import type { AgentEvent } from '../agent/events';
import type { ChatItem, UiState } from './state';

type CheckEvent = Extract<AgentEvent, { type: 'check.started' | 'check.running' | 'check.finished' }>;
type ToolItem = Extract<ChatItem, { kind: 'tool' }>;

function card(s: UiState, id: string, name: string, command: string): UiState {
  const item: ToolItem = { kind: 'tool', key: s.nextKey, id, name: `check ${name}`, args: { command }, risk: 'exec', status: 'running' };
  return { ...s, chat: [...s.chat, item], nextKey: s.nextKey + 1 };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function reduceCheck(s: UiState, e: CheckEvent): UiState {
  switch (e.type) {
    case 'check.started': {
      const id = `check-${s.nextKey}`;
      return { ...card(s, id, e.name, e.command), check: { id, name: e.name, seconds: 0 }, phase: 'command' };
    }
    case 'check.running':
      return s.check?.name === e.name ? { ...s, check: { ...s.check, seconds: e.seconds } } : s;
    case 'check.finished': {
      // A skipped check never started: its card appears with the reason.
      const started = s.check?.name === e.name ? s : card(s, `check-${s.nextKey}`, e.name, e.command);
      const id = started.check?.name === e.name ? started.check.id : `check-${s.nextKey}`;
      const verdict = e.verdict && e.verdict !== 'passed' && e.verdict !== 'skipped' ? ` (${e.verdict})` : '';
      const what = e.status === 'skipped' ? `not run: ${e.skipped ?? 'skipped'}` : `${e.status.replace('_', ' ')}${verdict} · ${seconds(e.ms)}`;
      let i = started.chat.length - 1;
      while (i >= 0 && !(started.chat[i].kind === 'tool' && (started.chat[i] as ToolItem).id === id)) i--;
      const chat = started.chat.slice();
      if (i >= 0) {
        chat[i] = {
          ...(chat[i] as ToolItem),
          status: e.status === 'passed' ? 'ok' : e.status === 'skipped' ? 'rejected' : 'failed',
          summary: what,
          details: {
            kind: 'command',
            command: e.command,
            cwd: '.',
            exitCode: e.exitCode,
            timedOut: e.status === 'timed_out',
            output: { text: e.output || e.digest || what },
          },
        };
      }
      const results =
        e.status === 'skipped' ? s.checkResults : [...s.checkResults.filter((r) => r.name !== e.name), { name: e.name, passed: e.status === 'passed' }];
      return { ...started, chat, check: undefined, checkResults: results, phase: s.busy ? 'thinking' : 'idle' };
    }
  }
}
