// Fetches a platform's Node runtime from the npm registry with `npm pack` (the ordinary client,
// so the user's registry settings and proxy apply), keeps the package in the user cache, and
// extracts just the binary and its licence.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar';
import { NODE_VERSION, type Platform } from './platforms';

/** The registry could not be reached: the one failure the tests may skip on. */
export class RegistryUnreachable extends Error {}

const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network/i;

/** `${XDG_CACHE_HOME:-~/.cache}/smallcode/release`, or SMALLCODE_RELEASE_CACHE. */
export function releaseCache(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SMALLCODE_RELEASE_CACHE) return env.SMALLCODE_RELEASE_CACHE;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'smallcode', 'release');
}

/** Runs npm; a failure throws with npm's own last lines (RegistryUnreachable when offline). */
export function npmRun(args: string[], cwd: string): { stdout: string; stderr: string } {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', shell: process.platform === 'win32', maxBuffer: 64 * 1024 * 1024 });
  if (r.status === 0) return { stdout: r.stdout, stderr: r.stderr };
  const said = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim().split('\n').slice(-6).join('\n');
  const message = `npm ${args.join(' ')} failed (exit ${r.status}):\n${said}`;
  throw OFFLINE.test(said) ? new RegistryUnreachable(message) : new Error(message);
}

/** npm's stdout (see npmRun). */
export const npm = (args: string[], cwd: string): string => npmRun(args, cwd).stdout;

/** The cached package tarball of `p`'s Node, downloaded once. */
export function nodePackage(p: Platform, cache = releaseCache()): string {
  const file = path.join(cache, `${p.nodePackage}-${NODE_VERSION}.tgz`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cache, { recursive: true });
  npm(['pack', `${p.nodePackage}@${NODE_VERSION}`, '--pack-destination', cache, '--silent'], cache);
  if (!fs.existsSync(file)) throw new Error(`npm pack ${p.nodePackage}@${NODE_VERSION} did not leave ${file}`);
  return file;
}

/** Puts `node` (or `node.exe`) and Node's LICENSE into `dir`. */
export async function extractNode(p: Platform, dir: string, cache = releaseCache()): Promise<void> {
  const file = nodePackage(p, cache);
  fs.mkdirSync(dir, { recursive: true });
  const only = (name: string) => ({ file, cwd: dir, strip: name.split('/').length - 1, filter: (f: string) => f === name });
  await tar.x(only(p.nodeBinary));
  await tar.x(only('package/LICENSE'));
  const binary = path.join(dir, path.basename(p.nodeBinary));
  if (!fs.existsSync(binary)) throw new Error(`${p.nodePackage}@${NODE_VERSION} has no ${p.nodeBinary}`);
  fs.chmodSync(binary, 0o755);
}
