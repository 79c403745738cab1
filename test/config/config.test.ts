import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ConfigError } from '../../src/config/config';
import { parseDotenv } from '../../src/config/dotenv';

function workspace(envFile?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-config-'));
  if (envFile !== undefined) fs.writeFileSync(path.join(dir, '.env'), envFile);
  return fs.realpathSync(dir);
}

describe('config precedence: flags > environment > .env > defaults', () => {
  it('takes .env values when nothing else is set', () => {
    const root = workspace('SMALLCODE_PROVIDER=ollama\nSMALLCODE_MODEL="qwen3:8b"\nSMALLCODE_CONTEXT=16384\n');
    const c = loadConfig({}, {}, root);
    expect(c.provider).toBe('ollama');
    expect(c.model).toBe('qwen3:8b');
    expect(c.contextOverride).toBe(16384);
    expect(c.root).toBe(root);
  });

  it('lets the environment override .env and flags override both', () => {
    const root = workspace('SMALLCODE_MODEL=from-file\nSMALLCODE_BASE_URL=http://file:1\n');
    const env = { SMALLCODE_MODEL: 'from-env', SMALLCODE_BASE_URL: 'http://env:2' };
    expect(loadConfig({}, env, root).model).toBe('from-env');
    const c = loadConfig({ model: 'from-flag' }, env, root);
    expect(c.model).toBe('from-flag');
    expect(c.baseUrl).toBe('http://env:2');
  });

  it('uses defaults when nothing is configured', () => {
    const c = loadConfig({}, {}, workspace());
    expect(c.provider).toBeUndefined();
    expect(c.maxSteps).toBe(25);
    expect(c.toolMode).toBe('auto');
  });

  it('resolves --cwd relative to the process directory', () => {
    const root = workspace();
    fs.mkdirSync(path.join(root, 'sub'));
    expect(loadConfig({ cwd: 'sub' }, {}, root).root).toBe(path.join(root, 'sub'));
  });

  it.each([
    [{ provider: 'llama' }, /--provider must be "ollama" or "openai"/],
    [{ baseUrl: 'localhost:11434' }, /not a URL|must start with http/],
    [{ context: 'big' }, /--context must be a positive whole number/],
    [{ maxSteps: '0' }, /--max-steps must be a positive whole number/],
    [{ cwd: '/no/such/dir' }, /--cwd: folder .* does not exist/],
  ])('rejects bad value %p with a one-line message naming it', (flags, re) => {
    expect(() => loadConfig(flags, {}, workspace())).toThrow(ConfigError);
    expect(() => loadConfig(flags, {}, workspace())).toThrow(re);
  });

  it('names the environment variable when the bad value came from there', () => {
    expect(() => loadConfig({}, { SMALLCODE_CONTEXT: '-5' }, workspace())).toThrow(/SMALLCODE_CONTEXT must be a positive whole number/);
  });
});

describe('parseDotenv', () => {
  it('reads quotes, export, comments and reports malformed lines', () => {
    const r = parseDotenv('# c\nexport A=1\nB="two words" \nC=\'x\'\nD=val # trailing\nnot a line\n');
    expect(r.values).toEqual({ A: '1', B: 'two words', C: 'x', D: 'val' });
    expect(r.problems).toEqual([expect.stringContaining(':6: expected KEY=VALUE')]);
  });
});
