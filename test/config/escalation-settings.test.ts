// Bad SMALLCODE_ESCALATE* values stop loading the config with one line naming the variable and
// the fix (the CLI exits 2 on it); good ones, unset ones and a missing vendor key do not.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ConfigError } from '../../src/config/config';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-esc-')));
// An empty config home, so the tester's own config file plays no part.
const HOME = { XDG_CONFIG_HOME: root };
const load = (env: Record<string, string>) => loadConfig({}, { ...HOME, ...env }, root);

describe('SMALLCODE_ESCALATE* values', () => {
  it.each([
    [{ SMALLCODE_ESCALATE: 'gemini' }, 'SMALLCODE_ESCALATE must be anthropic, deepseek, openai, auto (the first with a key) or off, got "gemini"'],
    [{ SMALLCODE_ESCALATE_AFTER: 'soon' }, 'SMALLCODE_ESCALATE_AFTER must be a whole number (1 or more), got "soon" — e.g. SMALLCODE_ESCALATE_AFTER=3'],
    [{ SMALLCODE_ESCALATE_AFTER: '0' }, 'SMALLCODE_ESCALATE_AFTER must be a whole number (1 or more), got "0"'],
    [{ SMALLCODE_ESCALATE_MAX: '-1' }, 'SMALLCODE_ESCALATE_MAX must be a whole number, got "-1" — e.g. SMALLCODE_ESCALATE_MAX=3'],
    [{ SMALLCODE_ESCALATE_MAX: '2.5' }, 'SMALLCODE_ESCALATE_MAX must be a whole number, got "2.5"'],
    [{ SMALLCODE_ESCALATE_BASE_URL: 'api.example.com' }, 'SMALLCODE_ESCALATE_BASE_URL must be an http:// or https:// address, got "api.example.com"'],
  ])('%p is refused in one line', (env, start) => {
    let message = '';
    try {
      load({ SMALLCODE_ESCALATE: 'anthropic', ANTHROPIC_API_KEY: 'k', ...env });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message.startsWith(start)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it.each([
    [{}],
    [{ SMALLCODE_ESCALATE: 'off' }],
    [{ SMALLCODE_ESCALATE: 'Auto' }],
    [{ SMALLCODE_ESCALATE: 'anthropic' }], // no key: escalation is off and the run says so, not a bad value
    [
      {
        SMALLCODE_ESCALATE: 'openai',
        OPENAI_API_KEY: 'k',
        SMALLCODE_ESCALATE_AFTER: '2',
        SMALLCODE_ESCALATE_MAX: '0',
        SMALLCODE_ESCALATE_BASE_URL: 'http://127.0.0.1:9/v1',
      },
    ],
  ])('%p is accepted', (env) => {
    expect(() => load(env)).not.toThrow();
  });
});
