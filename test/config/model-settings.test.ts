// models.yaml and the sampling flags as loadConfig reads them: the user file (from the process
// environment's config dir only), then the workspace file, then flags; a bad entry in a file is a
// warning naming the file and the key, a bad flag or timeout is a ConfigError.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';

const dir = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-models-')));

function setup(userYaml?: string, workspaceYaml?: string, dotenv?: string) {
  const config = dir();
  const root = dir();
  if (userYaml !== undefined) {
    fs.mkdirSync(path.join(config, 'smallcode'));
    fs.writeFileSync(path.join(config, 'smallcode', 'models.yaml'), userYaml);
  }
  if (workspaceYaml !== undefined) {
    fs.mkdirSync(path.join(root, '.smallcode'));
    fs.writeFileSync(path.join(root, '.smallcode', 'models.yaml'), workspaceYaml);
  }
  if (dotenv !== undefined) fs.writeFileSync(path.join(root, '.env'), dotenv);
  return { config, root, userFile: path.join(config, 'smallcode', 'models.yaml'), workspaceFile: path.join(root, '.smallcode', 'models.yaml') };
}

test('rules come in order: user file, workspace file, flags — each naming its source', () => {
  const s = setup('"*":\n  temperature: 0.4\n', 'qwen3-coder*:\n  top_k: 30\n  thinking: off\n  stop: "<|im_end|>"\n  profile: qwen3-coder\n');
  const c = loadConfig({ sampling: { '--top-p': '0.85' } }, { XDG_CONFIG_HOME: s.config }, s.root);
  expect(c.profileRules).toEqual([
    { match: '*', values: { temperature: 0.4 }, source: `${s.userFile} (*)` },
    { match: 'qwen3-coder*', profile: 'qwen3-coder', values: { topK: 30, thinking: 'off', stop: ['<|im_end|>'] }, source: `${s.workspaceFile} (qwen3-coder*)` },
    { match: '*', values: { topP: 0.85 }, source: '--top-p' },
  ]);
  expect(c.warnings).toEqual([]);
});

test('bad entries in a file are skipped with one warning each, naming the file and the key', () => {
  const s = setup('m:\n  temperature: 9\n  tools: sometimes\n  profile: nope\n  colour: red\n', 'just a string\n');
  const c = loadConfig({}, { XDG_CONFIG_HOME: s.config }, s.root);
  expect(c.profileRules).toEqual([{ match: 'm', values: {}, source: `${s.userFile} (m)` }]);
  expect(c.warnings).toEqual([
    `${s.userFile}: m: temperature must be a number from 0 to 2 — skipped`,
    `${s.userFile}: m: tools must be one of native, text — skipped`,
    expect.stringMatching(new RegExp(`^${s.userFile.replace(/[.]/g, '\\.')}: m: profile must be one of qwen3-coder, .*generic — skipped$`)),
    `${s.userFile}: m: unknown setting "colour" (known: profile, temperature, top_p, top_k, min_p, repeat_penalty, presence_penalty, tools, thinking, stop) — skipped`,
    `${s.workspaceFile} must map model names to settings, e.g. "qwen3-coder*: { temperature: 0.6 }" — it was ignored`,
  ]);
});

test('a file that is not YAML is ignored with a warning, not a crash', () => {
  const s = setup(undefined, 'a: [unclosed\n');
  const c = loadConfig({}, { XDG_CONFIG_HOME: s.config }, s.root);
  expect(c.profileRules).toEqual([]);
  expect(c.warnings).toEqual([expect.stringMatching(/models\.yaml is not valid YAML \(.*\) — it was ignored$/)]);
});

test('a workspace .env cannot move the user config dir; it may set the stream timeouts', () => {
  const other = setup('"*":\n  temperature: 1.5\n');
  const s = setup(undefined, undefined, `XDG_CONFIG_HOME=${other.config}\nSMALLCODE_FIRST_BYTE_TIMEOUT=900\nSMALLCODE_IDLE_TIMEOUT=45.5\n`);
  const c = loadConfig({}, { XDG_CONFIG_HOME: s.config }, s.root);
  expect(c.profileRules).toEqual([]);
  expect(c.firstByteTimeoutMs).toBe(900_000);
  expect(c.idleTimeoutMs).toBe(45_500);
});

test('bad flags and timeouts are ConfigErrors naming the setting', () => {
  const s = setup();
  expect(() => loadConfig({ sampling: { '--top-k': '2.5' } }, { XDG_CONFIG_HOME: s.config }, s.root)).toThrow(
    new ConfigError('--top-k must be a whole number from 0 to 1000, got "2.5"'),
  );
  expect(() => loadConfig({}, { XDG_CONFIG_HOME: s.config, SMALLCODE_FIRST_BYTE_TIMEOUT: '-1' }, s.root)).toThrow(
    /SMALLCODE_FIRST_BYTE_TIMEOUT must be a number of seconds above 0/,
  );
});
