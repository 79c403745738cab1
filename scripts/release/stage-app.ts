// Stages the app once for every platform: the npm package exactly as `npm pack` makes it, plus
// its production dependencies from the lockfile (pure JavaScript and WebAssembly — nothing is
// compiled, no install script runs), with the files nothing loads at run time pruned away.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tar from 'tar';
import { npm } from './node-runtime';

/** Type declarations, TypeScript sources, source maps and docs: never loaded at run time. */
const PRUNED = /\.(d\.[cm]?ts|[cm]?ts|map|md|markdown)$/i;
const KEPT = /^(licen[cs]e|copying|notice)/i;

function prune(dir: string): number {
  let removed = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removed += prune(full);
    else if (PRUNED.test(entry.name) && !KEPT.test(entry.name)) {
      removed += fs.statSync(full).size;
      fs.rmSync(full);
    }
  }
  return removed;
}

/** Packs the project at `root` (already built) and installs it with its production dependencies into `dir`. */
export async function stageApp(root: string, dir: string): Promise<{ version: string; prunedBytes: number }> {
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('dist/ is missing — run `npm run build` first (npm run release does)');
  const packDir = fs.mkdtempSync(path.join(path.dirname(dir), 'pack-'));
  // The build just ran (npm run release builds first), so prepack need not build again.
  const out = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], root)) as { filename: string; version: string }[];
  fs.mkdirSync(dir, { recursive: true });
  await tar.x({ file: path.join(packDir, out[0].filename), cwd: dir, strip: 1 });
  fs.rmSync(packDir, { recursive: true, force: true });
  fs.copyFileSync(path.join(root, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  npm(['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  fs.rmSync(path.join(dir, 'package-lock.json'));
  fs.rmSync(path.join(dir, 'node_modules', '.package-lock.json'), { force: true });
  return { version: out[0].version, prunedBytes: prune(path.join(dir, 'node_modules')) };
}
