// `npm run release`: smallcode-<version>-<platform>.tar.gz (.zip for Windows) for every platform,
// each a folder with bin/ (launchers), node/ (the bundled runtime), app/ (the npm package and its
// production dependencies), README and LICENSE; then SHA256SUMS and a table of sizes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sha256, writeArchive } from './archive';
import { POSIX_LAUNCHER, WINDOWS_LAUNCHER } from './launchers';
import { extractNode, releaseCache } from './node-runtime';
import { archiveName, hostPlatform, NODE_VERSION, PLATFORMS, type Platform } from './platforms';
import { stageApp } from './stage-app';
import { stripNode } from './strip-node';

export interface ReleaseOptions {
  root: string;
  out: string;
  platforms: readonly Platform[];
  /** gzip/deflate level: 9 for a release; a test may trade size for time. */
  level?: number;
  cache?: string;
  log?: (line: string) => void;
}

export interface Artifact {
  platform: string;
  file: string;
  bytes: number;
  sha256: string;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

function duBytes(dir: string): number {
  let sum = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }))
    sum += e.isDirectory() ? duBytes(path.join(dir, e.name)) : fs.lstatSync(path.join(dir, e.name)).size;
  return sum;
}

export async function buildRelease(o: ReleaseOptions): Promise<Artifact[]> {
  const log = o.log ?? (() => {});
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'smallcode-release-'));
  try {
    const app = path.join(work, 'app');
    const { version, prunedBytes } = await stageApp(o.root, app);
    log(`app staged: ${mb(duBytes(app))} (${mb(prunedBytes)} of declarations, sources, maps and docs pruned)`);
    fs.mkdirSync(o.out, { recursive: true });
    const artifacts: Artifact[] = [];
    for (const p of o.platforms) {
      const name = `smallcode-${version}-${p.name}`;
      const dir = path.join(work, name);
      fs.cpSync(app, path.join(dir, 'app'), { recursive: true });
      await extractNode(p, path.join(dir, 'node'), o.cache ?? releaseCache());
      log(`${p.name}: node ${stripNode(p, path.join(dir, 'node', path.basename(p.nodeBinary)))}`);
      fs.mkdirSync(path.join(dir, 'bin'));
      fs.writeFileSync(path.join(dir, 'bin', 'smallcode'), POSIX_LAUNCHER, { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'bin', 'smallcode.cmd'), WINDOWS_LAUNCHER);
      for (const f of ['README.md', 'LICENSE']) fs.copyFileSync(path.join(app, f), path.join(dir, f));
      const file = path.join(o.out, archiveName(version, p));
      fs.rmSync(file, { force: true });
      await writeArchive(work, name, file, p.archive, o.level ?? 9);
      fs.rmSync(dir, { recursive: true, force: true });
      const artifact = { platform: p.name, file, bytes: fs.statSync(file).size, sha256: await sha256(file) };
      artifacts.push(artifact);
      log(`${path.basename(file)}  ${mb(artifact.bytes)}`);
    }
    fs.writeFileSync(path.join(o.out, 'SHA256SUMS'), artifacts.map((a) => `${a.sha256}  ${path.basename(a.file)}\n`).join(''));
    return artifacts;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const USAGE = `Usage: npm run release [-- --host] [-- --platform NAME[,NAME…]] [-- --out DIR]
  Builds smallcode-<version>-<platform>.tar.gz (.zip for win-x64) with Node ${NODE_VERSION} inside,
  for ${PLATFORMS.map((p) => p.name).join(', ')}, plus SHA256SUMS (default out: dist/release).
  --host  only the platform of this machine`;

async function cli(argv: string[]): Promise<number> {
  const root = path.join(__dirname, '..', '..', '..');
  let out = path.join(root, 'dist', 'release');
  let platforms: readonly Platform[] = PLATFORMS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (a === '--host') {
      const host = hostPlatform();
      if (!host) {
        process.stderr.write(`release: no prebuilt platform for this machine (${process.platform}-${process.arch}) — use --platform NAME\n`);
        return 2;
      }
      platforms = [host];
    } else if (a === '--platform' && argv[i + 1]) {
      const names = argv[++i].split(',');
      const unknown = names.filter((n) => !PLATFORMS.some((p) => p.name === n));
      if (unknown.length) {
        process.stderr.write(`release: unknown platform ${unknown.join(', ')} — one of ${PLATFORMS.map((p) => p.name).join(', ')}\n`);
        return 2;
      }
      platforms = PLATFORMS.filter((p) => names.includes(p.name));
    } else if (a === '--out' && argv[i + 1]) out = path.resolve(argv[++i]);
    else {
      process.stderr.write(`release: unknown option ${a}\n${USAGE}\n`);
      return 2;
    }
  }
  const started = Date.now();
  const artifacts = await buildRelease({ root, out, platforms, log: (line) => process.stdout.write(`${line}\n`) });
  const width = Math.max(...artifacts.map((a) => path.basename(a.file).length));
  process.stdout.write(`\n${out}  (Node ${NODE_VERSION}, ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  for (const a of artifacts) process.stdout.write(`  ${path.basename(a.file).padEnd(width)}  ${mb(a.bytes).padStart(8)}\n`);
  process.stdout.write(`  ${'SHA256SUMS'.padEnd(width)}\n`);
  return 0;
}

if (require.main === module) {
  cli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: Error) => {
      process.stderr.write(`release: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
