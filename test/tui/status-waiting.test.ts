// The workbench's side of issue 9 and 15: "waiting for the model… N s" on the status line while
// the server is silent, a discarded partial reply said in the chat, and the profile's name next
// to the model.
import { reduce } from '../../src/tui/store';
import { statusView } from '../../src/tui/status-view';
import { initialState, type UiState } from '../../src/tui/state';
import { monochromeTheme } from '../../src/tui/theme';
import type { AgentEvent } from '../../src/agent/events';
import type { ProviderInfo } from '../../src/providers/types';

const mono = monochromeTheme();
const plain = (lines: string[]) => lines.map((l) => l.replace(/\{[^}]*\}/g, ''));
const play = (events: AgentEvent[], s: UiState = initialState({ server: 'finding a model server…', model: '', contextWindow: 0 })) => events.reduce(reduce, s);

const info: ProviderInfo = {
  provider: 'ollama',
  kind: 'ollama',
  baseUrl: 'http://127.0.0.1:11434',
  model: 'qwen3-coder:30b',
  contextWindow: 32768,
  contextSource: 'server',
  nativeTools: true,
  structuredOutput: true,
  canTokenize: false,
  profile: { id: 'qwen3-coder', name: 'Qwen3-Coder', reason: 'model name', thinking: { kind: 'none' }, values: {} },
  warnings: [],
};

test('the status line names the profile and counts the silence, until the first delta', () => {
  let s = play([
    { type: 'session.start', sessionId: 's', info },
    { type: 'turn.start', turn: 1, text: 'go' },
    { type: 'step.start', step: 1, tools: [] },
    { type: 'model.waiting', seconds: 7 },
  ]);
  expect(plain(statusView(s, 120, mono))[0]).toBe(' ollama http://127.0.0.1:11434 · qwen3-coder:30b (Qwen3-Coder) · step 1 · waiting for the model… 7 s');
  s = play([{ type: 'model.delta', text: 'Hel' }], s);
  expect(plain(statusView(s, 120, mono))[0]).toMatch(/· writing…$/);
});

test('a retried reply: the streamed part is closed and the chat says it was discarded', () => {
  const s = play([
    { type: 'turn.start', turn: 1, text: 'go' },
    { type: 'model.delta', text: 'half of it' },
    { type: 'model.retry', attempt: 2, tries: 3, reason: 'http://127.0.0.1:8080/v1 closed the connection in the middle of the reply', discarded: true },
  ]);
  expect(s.chat.at(-2)).toMatchObject({ kind: 'assistant', text: 'half of it', streaming: false });
  expect(s.chat.at(-1)).toMatchObject({
    kind: 'notice',
    level: 'warn',
    text: 'http://127.0.0.1:8080/v1 closed the connection in the middle of the reply — the reply above was discarded; asking again (2/3)',
  });
  expect(s.waitingSeconds).toBeUndefined();
});
