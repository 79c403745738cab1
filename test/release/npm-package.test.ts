// The npm package as a user meets it (issue 13): `npm pack`, then a global install into a temp
// prefix (no warnings about install scripts), its size on disk, and the same checks as the
// release tarball run through the installed `smallcode` on PATH.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { npm, npmRun, RegistryUnreachable } from '../../scripts/release/node-runtime';
import { closeServers, describeInstalledChecks, run, tempDir, userEnv } from './support/installed-checks';

jest.setTimeout(120000);

const ROOT = path.join(__dirname, '..', '..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** The promise in the README's install section (issue 13: peers install 55–354 MB). */
const MAX_INSTALLED_MB = 40;

let skip = '';
let files: string[] = [];
let prefix: string;
let installLog: string;
let launcher: string;
let env: Record<string, string>;

beforeAll(async () => {
  const packDir = tempDir('sc-pack-');
  // dist/ is fresh (npm test builds first), so prepack's build is skipped here; `npm pack` runs it.
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = packed[0].files.map((f) => f.path);
  prefix = tempDir('sc-prefix-');
  try {
    const r = npmRun(['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', path.join(packDir, packed[0].filename)], packDir);
    installLog = `${r.stdout}${r.stderr}`;
  } catch (err) {
    if (!(err instanceof RegistryUnreachable)) throw err;
    skip = `the npm registry is unreachable (${err.message.split('\n').at(-1)})`;
    return;
  }
  launcher = path.join(prefix, 'bin', 'smallcode');
  env = userEnv(tempDir('sc-home-'), `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`);
}, 600000);
afterAll(closeServers);

const skipped = () => {
  if (skip) console.warn(`npm package: skipped — ${skip}`);
  return skip !== '';
};

test('the package holds what runs and what the README shows, and nothing else', () => {
  for (const f of [
    'LICENSE',
    'README.md',
    '.env.example',
    'docs/workbench.png',
    'bin/smallcode',
    'package.json',
    'dist/src/cli/main.js',
    'dist/grammars/tree-sitter-bash.wasm',
  ]) {
    expect(files).toContain(f);
  }
  expect(files.filter((f) => f.startsWith('themes/')).length).toBeGreaterThan(0);
  expect(files.filter((f) => /^dist\/(test|bench|scripts)\/|\.map$|\.d\.ts$|^src\/|^test\//.test(f))).toEqual([]);
});

test('the README it ships names only files the package holds', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const local = [...readme.matchAll(/\]\(([^)#:]+)\)/g)].map((m) => m[1]);
  expect(local.filter((f) => !files.includes(f))).toEqual([]);
});

test(`installs with no script warnings, and in at most ${MAX_INSTALLED_MB} MB`, () => {
  if (skipped()) return;
  expect(installLog).not.toMatch(/install-scripts|prepare/i);
  const kb = Number(spawnSync('du', ['-sk', prefix], { encoding: 'utf8' }).stdout.split(/\s/)[0]);
  console.log(`npm package: installed size ${(kb / 1024).toFixed(1)} MB`);
  expect(kb / 1024).toBeLessThanOrEqual(MAX_INSTALLED_MB);
});

test('--version', async () => {
  if (skipped()) return;
  expect(await run(launcher, ['--version'], { cwd: tempDir('sc-v-'), env })).toEqual({ code: 0, stdout: `smallcode ${VERSION}\n`, stderr: '' });
});

describeInstalledChecks(() => (skipped() ? undefined : { launcher, env }));
