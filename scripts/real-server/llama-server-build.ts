// Gets a `llama-server` binary without the internet: the npm package node-llama-cpp ships the
// llama.cpp source as a git bundle; we install it (scripts off) into the user cache, clone the
// bundle, build only the server target, and keep the build keyed by the bundle's commit.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const NODE_LLAMA_CPP = 'node-llama-cpp@3.21.1';

/** The cmake flags: portable code, no curl/tests/examples, and no web UI download. */
export const CMAKE_FLAGS = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DGGML_NATIVE=OFF',
  '-DLLAMA_CURL=OFF',
  '-DLLAMA_BUILD_TESTS=OFF',
  '-DLLAMA_BUILD_EXAMPLES=OFF',
  '-DLLAMA_BUILD_SERVER=ON',
  '-DLLAMA_USE_PREBUILT_UI=OFF',
];

export interface LlamaServerBuild {
  /** build/bin: llama-server plus the shared libraries it finds through RUNPATH. */
  binDir: string;
  server: string;
  /** The llama.cpp checkout (its models/templates/ holds real chat templates). */
  sourceDir: string;
  commit: string;
  /** The upstream tag node-llama-cpp names for this source. */
  tag: string;
}

export class BuildError extends Error {}

/** `${XDG_CACHE_HOME:-~/.cache}/smallcode/real-server`, or SMALLCODE_REAL_SERVER_CACHE. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SMALLCODE_REAL_SERVER_CACHE) return env.SMALLCODE_REAL_SERVER_CACHE;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'smallcode', 'real-server');
}

const TOOLS: { cmd: string; args: string[]; debian: string }[] = [
  { cmd: 'git', args: ['--version'], debian: 'git' },
  { cmd: 'cmake', args: ['--version'], debian: 'cmake' },
  { cmd: 'c++', args: ['--version'], debian: 'g++' },
  { cmd: 'make', args: ['--version'], debian: 'make' },
  { cmd: 'npm', args: ['--version'], debian: 'npm' },
];

function requireTools(): void {
  for (const t of TOOLS) {
    const r = spawnSync(t.cmd, t.args, { stdio: 'ignore' });
    if (r.error || r.status !== 0) throw new BuildError(`${t.cmd} is missing: install it (Debian: apt-get install ${t.debian}) to build llama-server`);
  }
}

function run(cmd: string, args: string[], cwd: string, what: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    const last = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').filter(Boolean).at(-1) ?? String(r.error ?? `exit ${r.status}`);
    throw new BuildError(`${what} failed: ${last}`);
  }
  return r.stdout;
}

/** The long build, niced, with progress lines ("[ 42%] …") passed on at most every 5 %. */
function buildServer(buildDir: string, log: (line: string) => void, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const jobs = String(Math.max(1, Math.min(2, os.cpus().length)));
    const child = spawn('nice', ['-n', '19', 'cmake', '--build', buildDir, '--target', 'llama-server', '-j', jobs], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = fs.createWriteStream(logFile);
    let shown = -5;
    let tail = '';
    const onData = (c: Buffer) => {
      out.write(c);
      tail = (tail + c.toString('utf8')).slice(-4000);
      for (const m of c.toString('utf8').matchAll(/^\[\s*(\d+)%\]/gm)) {
        const pct = Number(m[1]);
        if (pct >= shown + 5) {
          shown = pct;
          log(`building llama-server: ${pct}%`);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => reject(new BuildError(`cmake --build could not start: ${e.message}`)));
    child.on('close', (code) => {
      out.end();
      if (code === 0) return resolve();
      const error = tail.split('\n').find((l) => /error/i.test(l)) ?? tail.trim().split('\n').at(-1) ?? '';
      reject(new BuildError(`building llama-server failed (exit ${code}): ${error.trim()} — full log: ${logFile}`));
    });
  });
}

/** Installs node-llama-cpp (no install scripts, no prebuilt binaries) into the cache. */
function ensureBundle(root: string, log: (line: string) => void): { bundle: string; tag: string } {
  const npmDir = path.join(root, 'npm');
  const pkgDir = path.join(npmDir, 'node_modules', 'node-llama-cpp', 'llama');
  const bundle = path.join(pkgDir, 'gitRelease.bundle');
  if (!fs.existsSync(bundle)) {
    log(`installing ${NODE_LLAMA_CPP} (for its llama.cpp source bundle) into ${npmDir}`);
    fs.mkdirSync(npmDir, { recursive: true });
    fs.writeFileSync(path.join(npmDir, 'package.json'), JSON.stringify({ name: 'smallcode-real-server-cache', private: true }) + '\n');
    run(
      'npm',
      ['install', NODE_LLAMA_CPP, '--ignore-scripts', '--omit=optional', '--no-audit', '--no-fund', '--no-save'],
      npmDir,
      `npm install ${NODE_LLAMA_CPP}`,
    );
    if (!fs.existsSync(bundle)) throw new BuildError(`${NODE_LLAMA_CPP} no longer ships llama/gitRelease.bundle — pin a version that does`);
  }
  let tag = 'unknown';
  try {
    tag = String(JSON.parse(fs.readFileSync(path.join(pkgDir, 'llama.cpp.info.json'), 'utf8')).tag ?? tag);
  } catch {
    /* the tag is informational */
  }
  return { bundle, tag };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One build at a time per cache (two test runs on a shared machine would corrupt it): a lock
 * folder holding the builder's pid; a lock whose process is gone is taken over. */
async function withBuildLock<T>(root: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  const lock = path.join(root, '.build-lock');
  let waiting = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const pid = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (pid && !alive(pid)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!waiting) log(`another process (pid ${pid || '?'}) is building llama-server in ${root}; waiting for it`);
      waiting = true;
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Returns a built llama-server, building it the first time (about 30 minutes on 2 cores).
 * Later calls with the same bundle commit return at once.
 */
export async function ensureLlamaServer(log: (line: string) => void = () => {}, env: NodeJS.ProcessEnv = process.env): Promise<LlamaServerBuild> {
  const root = cacheRoot(env);
  fs.mkdirSync(root, { recursive: true });
  return withBuildLock(root, log, () => ensureUnlocked(root, log));
}

async function ensureUnlocked(root: string, log: (line: string) => void): Promise<LlamaServerBuild> {
  if (spawnSync('git', ['--version'], { stdio: 'ignore' }).status !== 0)
    throw new BuildError('git is missing: install it (Debian: apt-get install git) to build llama-server');
  const { bundle, tag } = ensureBundle(root, log);
  const commit = run('git', ['bundle', 'list-heads', bundle], root, 'reading the llama.cpp bundle').trim().split(/\s+/)[0];
  if (!/^[0-9a-f]{40}$/.test(commit)) throw new BuildError(`could not read the commit of ${bundle}`);
  const sourceDir = path.join(root, `llama.cpp-${commit.slice(0, 12)}`);
  const buildDir = path.join(sourceDir, 'build');
  const binDir = path.join(buildDir, 'bin');
  const server = path.join(binDir, 'llama-server');
  const stamp = path.join(binDir, '.smallcode-built');
  const flags = CMAKE_FLAGS.join(' ');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === `${commit} ${flags}` && fs.existsSync(server)) {
    return { binDir, server, sourceDir, commit, tag };
  }
  requireTools();
  if (!fs.existsSync(path.join(sourceDir, 'CMakeLists.txt'))) {
    const tmp = `${sourceDir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    log(`cloning llama.cpp ${tag} (${commit.slice(0, 12)}) from the bundle`);
    run('git', ['clone', '--quiet', bundle, tmp], root, 'git clone of the llama.cpp bundle');
    fs.renameSync(tmp, sourceDir);
  }
  if (!fs.existsSync(path.join(buildDir, 'CMakeCache.txt'))) {
    log('configuring llama.cpp (cmake)');
    run('cmake', ['-S', sourceDir, '-B', buildDir, ...CMAKE_FLAGS], sourceDir, 'cmake configure');
  }
  const started = Date.now();
  log(`building llama-server (first time: about 30 minutes on 2 cores; log: ${path.join(root, 'build.log')})`);
  await buildServer(buildDir, log, path.join(root, 'build.log'));
  if (!fs.existsSync(server)) throw new BuildError(`the build finished but ${server} is missing`);
  fs.writeFileSync(stamp, `${commit} ${flags}\n`);
  log(`llama-server built in ${Math.round((Date.now() - started) / 1000)} s: ${server}`);
  return { binDir, server, sourceDir, commit, tag };
}
