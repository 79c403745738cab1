// `smallcode doctor` says where commands run: the sandbox this machine offers, or none and why.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';
import { bwrapWorks } from '../support/sandbox-available';

const workspace = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-doctor-sandbox-')));

describe('smallcode doctor: the sandbox', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('reports sandbox "bwrap" (or "none" with the reason) in --json', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'pong' }] });
    const r = await runCli(['doctor', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model', '--json'], { cwd: workspace() });
    const report = JSON.parse(r.stdout) as { sandbox: string; sandboxReason: string; sandboxNetwork: boolean };
    expect(report.sandbox).toBe(bwrapWorks() ? 'bwrap' : 'none');
    expect(report.sandboxReason).toEqual(expect.any(String));
    expect(report.sandboxNetwork).toBe(false);
  });

  it('says "none" and why when the user turned it off, even with no server', async () => {
    const r = await runCli(['doctor', '--provider', 'ollama', '--base-url', 'http://127.0.0.1:9', '--model', 'm', '--json'], {
      cwd: workspace(),
      env: { SMALLCODE_SANDBOX: 'off' },
    });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, sandbox: 'none', sandboxReason: expect.stringMatching(/SMALLCODE_SANDBOX=off/) });
  });

  it('prints a sandbox line in the text report', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'pong' }] });
    const r = await runCli(['doctor', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model', '--sandbox-network'], { cwd: workspace() });
    expect(r.stdout).toMatch(bwrapWorks() ? /^sandbox\s+bwrap \(network allowed\) — bubblewrap/m : /^sandbox\s+none — /m);
  });
});
