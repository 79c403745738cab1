// Check discovery from a project's own files, in real temp folders: which checks, in which order,
// from where — and SMALLCODE_CHECKS overriding or turning it off.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverChecks, parseChecksSetting } from '../../src/checks/discover';
import { agentsMdCommands } from '../../src/checks/discover-agents-md';

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-disc-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const commands = (root: string, setting?: string) => discoverChecks(root, parseChecksSetting(setting)).checks.map((c) => c.command);

describe('check discovery', () => {
  it('package.json scripts run with the lockfile package manager, cheap ones first', () => {
    const scripts = { test: 'jest', lint: 'eslint .', typecheck: 'tsc --noEmit', build: 'tsc' };
    expect(commands(project({ 'package.json': JSON.stringify({ scripts }), 'pnpm-lock.yaml': '' }))).toEqual([
      'pnpm run typecheck',
      'pnpm run lint',
      'pnpm test',
    ]);
    expect(commands(project({ 'package.json': JSON.stringify({ scripts: { test: 'jest' } }), 'yarn.lock': '' }))).toEqual(['yarn test']);
    expect(commands(project({ 'package.json': JSON.stringify({ scripts: { test: 'bun test' } }), 'bun.lockb': '' }))).toEqual(['bun run test']);
    const found = discoverChecks(project({ 'package.json': JSON.stringify({ scripts: { test: 'jest' } }), 'package-lock.json': '{}' }));
    expect(found.checks[0]).toMatchObject({ name: 'test', command: 'npm test', kind: 'test', source: 'package.json scripts.test (package-lock.json)' });
  });

  it('skips the placeholder test script npm init writes', () => {
    const root = project({ 'package.json': JSON.stringify({ scripts: { test: 'echo "Error: no test specified" && exit 1' } }) });
    expect(commands(root)).toEqual([]);
    expect(discoverChecks(root).note).toMatch(/no checks found/);
  });

  it('tsconfig with a local compiler adds tsc --noEmit, unless a typecheck script exists', () => {
    expect(commands(project({ 'tsconfig.json': '{}', 'node_modules/.bin/tsc': '' }))).toEqual(['node_modules/.bin/tsc --noEmit']);
    expect(commands(project({ 'tsconfig.json': '{}' }))).toEqual([]); // never npx from the network
    const both = project({ 'tsconfig.json': '{}', 'node_modules/.bin/tsc': '', 'package.json': JSON.stringify({ scripts: { typecheck: 'tsc -p .' } }) });
    expect(commands(both)).toEqual(['npm run typecheck']);
  });

  it('python, go, cargo and Makefile projects', () => {
    expect(commands(project({ 'pyproject.toml': '[tool.pytest.ini_options]\n' }))).toEqual(['python3 -m pytest -q']);
    expect(commands(project({ 'setup.cfg': '[tool:pytest]\n' }))).toEqual(['python3 -m pytest -q']);
    expect(commands(project({ 'go.mod': 'module x\n' }))).toEqual(['go vet ./...', 'go test ./...']);
    expect(commands(project({ 'Cargo.toml': '[package]\n' }))).toEqual(['cargo check', 'cargo test']);
    expect(commands(project({ Makefile: 'CC := cc\ntest: build\n\t./run\ncheck:\n\ttrue\n' }))).toEqual(['make check', 'make test']);
    expect(commands(project({ Makefile: 'test := 1\n' }))).toEqual([]);
  });

  it('commands AGENTS.md names under a testing heading win', () => {
    const agents = [
      '# Project',
      'Use `npm run nothing` only for fun.',
      '## Style',
      'Tabs. `npm run format` before anything.',
      '## Testing',
      'Run the tests with `pnpm vitest run` and type-check:',
      '```sh',
      '$ pnpm tsc --noEmit',
      '# a comment',
      '```',
      '## Other',
      '`make deploy`',
    ].join('\n');
    const root = project({ 'AGENTS.md': agents, 'package.json': JSON.stringify({ scripts: { test: 'jest' } }) });
    const found = discoverChecks(root).checks;
    expect(found.map((c) => c.command)).toEqual(['pnpm tsc --noEmit', 'pnpm vitest run']);
    expect(found[1].source).toBe('AGENTS.md "Testing"');
    expect(agentsMdCommands('## Checks\n- `cargo clippy -- -D warnings`\n- see `src/a.ts`\n')).toEqual([
      { command: 'cargo clippy -- -D warnings', heading: 'Checks' },
    ]);
  });

  it('SMALLCODE_CHECKS: a list replaces discovery and runs unasked; off turns checks off', () => {
    const root = project({ 'package.json': JSON.stringify({ scripts: { test: 'jest' } }) });
    const listed = discoverChecks(root, parseChecksSetting('npm test, npx tsc --noEmit')).checks;
    expect(listed.map((c) => [c.name, c.command, c.configured])).toEqual([
      ['tsc', 'npx tsc --noEmit', true],
      ['test', 'npm test', true],
    ]);
    expect(discoverChecks(root, parseChecksSetting('off'))).toEqual({ checks: [], note: 'checks are off (SMALLCODE_CHECKS=off)' });
    expect(commands(root, '')).toEqual(['npm test']);
  });
});
