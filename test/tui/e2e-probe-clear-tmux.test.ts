// Issue 14 items 9 and 10 in a real terminal (the real CLI inside tmux, scripted model server):
// a server started after the workbench is picked up without a message being sent, /clear stops a
// streaming reply, and the input's word motions arrive as a terminal sends them (Alt-b, Ctrl-←).
import * as net from 'node:net';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { HAS_TMUX, closeAll, openSession as open } from './support/tmux';

if (!HAS_TMUX) console.warn('e2e-probe-clear-tmux: skipped — tmux is not installed (apt-get install tmux)');
const suite = HAS_TMUX ? describe : describe.skip;

jest.setTimeout(120000);

/** A port nothing listens on yet (taken from the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

suite('long sessions in tmux (end to end)', () => {
  const late: ScriptedServer[] = [];
  afterAll(async () => {
    await closeAll();
    await Promise.all(late.map((s) => s.close()));
  });

  it('with no server says none is found, keeps probing, and picks up a server started later', async () => {
    const port = await freePort();
    const s = await open([], { cols: 100, rows: 30 }, {}, `--provider ollama --base-url http://127.0.0.1:${port} --model test-model`);
    const missing = await s.waitFor('no model server found — still looking');
    expect(missing).not.toMatch(/·\s+·/);
    late.push(await startScriptedServer({ kind: 'ollama', port, replies: [{ text: 'hello' }] }));
    // No message sent: the workbench's own probing finds it.
    await s.waitFor(`ollama http://127.0.0.1:${port} · test-model`, 30000);
    await s.waitFor(`found a model server: ollama http://127.0.0.1:${port}`);
    expect(s.screen()).not.toContain('no model server found — still looking');
  });

  it('/clear while the model streams stops the reply: nothing continues in the cleared chat', async () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const s = await open([{ text: words, chunkDelayMs: 150 }], { cols: 100, rows: 30 });
    s.type('talk to me');
    s.keys('Enter');
    await s.waitFor('word2');
    s.type('/clear');
    s.keys('Enter');
    await s.waitFor('conversation cleared');
    await new Promise((r) => setTimeout(r, 1000));
    const after = s.screen();
    expect(after).not.toMatch(/word\d/);
    expect(after).not.toContain('▍');
    expect(s.server.abortedRequests).toBeGreaterThanOrEqual(1);
  });

  it('word motions and Ctrl-W / Ctrl-K as the terminal sends them', async () => {
    const s = await open([], { cols: 100, rows: 30 });
    s.type('fix the flaky test');
    s.keys('M-b', 'M-b', 'C-w'); // back before "flaky", then delete the word before it: "the "
    await s.waitFor('› fix flaky test');
    s.keys('C-Right', 'C-k'); // to the end of "flaky", then delete to the end of the line
    await s.waitFor((t) => t.includes('› fix flaky') && !t.includes('flaky test'));
    s.keys('C-Left', 'C-Left');
    s.type('please ');
    await s.waitFor('› please fix flaky');
  });
});
