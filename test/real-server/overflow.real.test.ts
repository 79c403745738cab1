// An overflow the real way: SmallCode budgets with its calibrated estimate, but a file of dense
// data tokenizes far worse than the prose it calibrated on, so the real llama-server refuses
// the next request with exceed_context_size_error. SmallCode must compact and retry, not fail.
import * as crypto from 'node:crypto';
import { runBin } from '../support/cli-harness';
import { cliEnv, dig, startRig, workspace, type Rig } from './suite-setup';
import { steering, isSummaryRequest, type Move } from './steer';

const ANSWER = 'data.txt holds base64 noise; nothing to change.';
const MOVES: Move[] = [{ call: 'read_file', args: { path: 'data.txt' } }, { answer: ANSWER }];
const WINDOW = 1536;

/** Deterministic base64 lines: about one token per character with a prose-trained vocabulary. */
function noise(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(crypto.createHash('sha512').update(String(i)).digest('base64'));
  return out.join('\n') + '\n';
}

describe('a real exceed_context_size_error', () => {
  let rig: Rig;
  const steer = steering(MOVES);
  beforeAll(async () => {
    rig = await startRig(WINDOW, { rewriteChat: steer.rewrite });
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop());

  test('is answered by compacting and retrying the step, which then fits', async () => {
    const ws = workspace({ 'data.txt': noise(40) });
    const r = await runBin(['run', 'Read data.txt and tell me what it holds.', '--yes', '--max-steps', '6'], { cwd: ws, env: cliEnv(rig.proxy.url) });
    const chats = rig.proxy.chats();
    const refused = chats.findIndex((c) => c.status === 400);
    expect(refused).toBeGreaterThan(0);
    const error = JSON.parse(chats[refused].response);
    expect(dig(error, 'error', 'type')).toBe('exceed_context_size_error');
    expect(dig(error, 'error', 'n_ctx')).toBe(WINDOW);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(ANSWER);
    // The step after the refusal went through, smaller than the window.
    const after = chats.slice(refused + 1).filter((c) => !isSummaryRequest(c.sent!));
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.status === 200)).toBe(true);
  });
});
