// Overflow against the real server. (1) Files of dense data tokenize far worse than the prose
// SmallCode calibrated on; it must still never send more than the server's window. (2) When the
// server's slot is smaller than the window SmallCode was told (SMALLCODE_CONTEXT above the
// server's -c; an older llama-server splitting -c over its slots does the same), the real
// exceed_context_size_error arrives, carrying n_ctx: SmallCode must compact to fit and retry.
import * as crypto from 'node:crypto';
import { cliEnv, dig, startRig, workspace, smallcode, type Rig } from './suite-setup';
import { steering, isSummaryRequest, type Move } from './steer';

const ANSWER = 'The files in data/ hold base64 noise; nothing to change.';
const TASK = 'Read the files in data/ and tell me what they hold.';

/** Deterministic base64 lines: about one token per 1.3 characters with a prose-trained vocabulary. */
function noise(seed: string, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(crypto.createHash('sha512').update(`${seed}${i}`).digest('base64'));
  return out.join('\n') + '\n';
}

function dataFiles(names: string[], lines: number): { files: Record<string, string>; moves: Move[] } {
  const paths = names.map((n) => `data/${n}.txt`);
  return {
    files: Object.fromEntries(paths.map((p) => [p, noise(p, lines)])),
    moves: [...paths.map((path): Move => ({ call: 'read_file', args: { path } })), { answer: ANSWER }],
  };
}

describe('dense data on a real llama-server', () => {
  let rig: Rig;
  const { files, moves } = dataFiles(['a', 'b', 'c', 'd', 'e', 'f'], 40);
  const steer = steering(moves);
  beforeAll(async () => {
    rig = await startRig(4096, { rewriteChat: steer.rewrite });
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop('overflow'));

  test('never exceeds the real window: SmallCode compacts in time and finishes', async () => {
    const r = await smallcode('overflow', ['run', TASK, '--yes', '--max-steps', '12'], { cwd: workspace(files), env: cliEnv(rig.proxy.url) });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
    expect(r.stdout.trim()).toBe(ANSWER);
    expect(rig.proxy.chats().map((c) => c.status)).not.toContain(400);
    expect(r.stderr).toContain('compacted history');
  });
});

describe('a real exceed_context_size_error', () => {
  const WINDOW = 2048;
  let rig: Rig;
  const { files, moves } = dataFiles(['a', 'b', 'c', 'd', 'e'], 12);
  const steer = steering(moves);
  beforeAll(async () => {
    rig = await startRig(WINDOW, { rewriteChat: steer.rewrite });
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop('overflow-2'));

  test('is answered by compacting to the n_ctx the server named and retrying the step (fails on main: a second overflow in the turn ends the task)', async () => {
    const r = await smallcode('overflow-2', ['run', TASK, '--yes', '--max-steps', '8'], {
      cwd: workspace(files),
      env: cliEnv(rig.proxy.url, { SMALLCODE_CONTEXT: '8192' }),
    });
    const chats = rig.proxy.chats();
    const refused = chats.findIndex((c) => c.status === 400);
    expect(refused).toBeGreaterThan(0);
    const error = JSON.parse(chats[refused].response);
    expect(dig(error, 'error', 'type')).toBe('exceed_context_size_error');
    expect(dig(error, 'error', 'n_ctx')).toBe(WINDOW);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
    expect(r.stdout.trim()).toBe(ANSWER);
    // After the refusal SmallCode fits its requests into the window the server named.
    const after = chats.slice(refused + 1).filter((c) => !isSummaryRequest(c.sent!));
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((c) => c.status)).toEqual(after.map(() => 200));
  });
});
