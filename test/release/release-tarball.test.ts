// The prebuilt tarball as a user meets it (issue 13): `npm run release`'s own code builds the
// host platform's archive, which is unpacked into an empty folder and run through its launcher
// with a PATH that has no `node` — version, doctor, a whole task and the workbench's first paint.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as tar from 'tar';
import { buildRelease, type Artifact } from '../../scripts/release/release';
import { RegistryUnreachable } from '../../scripts/release/node-runtime';
import { hostPlatform, NODE_VERSION } from '../../scripts/release/platforms';
import { closeServers, describeInstalledChecks, pathWithoutNode, run, tempDir, userEnv } from './support/installed-checks';

jest.setTimeout(120000);

const ROOT = path.join(__dirname, '..', '..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const host = hostPlatform();
let skip = host ? '' : `no prebuilt platform for ${process.platform}-${process.arch}`;
let artifact: Artifact;
let launcher: string;
let env: Record<string, string>;

beforeAll(async () => {
  if (skip || !host) return;
  const out = tempDir('sc-release-');
  try {
    // Level 1: the same archive a release makes, compressed fast (the suite has a time budget).
    [artifact] = await buildRelease({ root: ROOT, out, platforms: [host], level: 1 });
  } catch (err) {
    if (!(err instanceof RegistryUnreachable)) throw err;
    skip = `the npm registry is unreachable (${err.message.split('\n').at(-1)})`;
    return;
  }
  const unpacked = tempDir('sc-unpacked-');
  if (host.archive === 'tar.gz') await tar.x({ file: artifact.file, cwd: unpacked });
  else throw new Error('a zip host is not unpacked by this test');
  const home = tempDir('sc-home-');
  env = userEnv(home, pathWithoutNode());
  launcher = path.join(unpacked, `smallcode-${VERSION}-${host.name}`, 'bin', 'smallcode');
}, 600000);
afterAll(closeServers);

const skipped = () => {
  if (skip) console.warn(`release tarball: skipped — ${skip}`);
  return skip !== '';
};

test('the archive is named for the version and platform and listed in SHA256SUMS', () => {
  if (skipped() || !host) return;
  expect(path.basename(artifact.file)).toBe(`smallcode-${VERSION}-${host.name}.tar.gz`);
  const sums = fs.readFileSync(path.join(path.dirname(artifact.file), 'SHA256SUMS'), 'utf8');
  expect(sums).toBe(`${artifact.sha256}  ${path.basename(artifact.file)}\n`);
  console.log(`release tarball: ${path.basename(artifact.file)} ${(artifact.bytes / 1e6).toFixed(1)} MB at gzip level 1`);
});

test('the PATH these checks use really has no node', () => {
  if (skipped()) return;
  expect(spawnSync('node', ['-e', '0'], { env }).error).toMatchObject({ code: 'ENOENT' });
});

test('--version answers with the bundled Node', async () => {
  if (skipped()) return;
  const r = await run(launcher, ['--version'], { cwd: tempDir('sc-v-'), env });
  expect(r).toEqual({ code: 0, stdout: `smallcode ${VERSION}\n`, stderr: '' });
  const node = path.join(path.dirname(launcher), '..', 'node', 'node');
  expect(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(`v${NODE_VERSION}`);
});

test('the launcher works through a symlink on PATH, as the README suggests', async () => {
  if (skipped()) return;
  const linkDir = tempDir('sc-link-');
  fs.symlinkSync(launcher, path.join(linkDir, 'smallcode'));
  const r = await run('smallcode', ['--version'], { cwd: linkDir, env: { ...env, PATH: `${linkDir}${path.delimiter}${env.PATH}` } });
  expect(r).toEqual({ code: 0, stdout: `smallcode ${VERSION}\n`, stderr: '' });
});

describeInstalledChecks(() => (skipped() ? undefined : { launcher, env }));
