// Node's official Linux binaries carry their symbol tables (124.8 MB for x64); stripping them
// saves ~4 MB compressed per archive and keeps the dynamic symbols native addons link against.
// macOS binaries are left alone (stripping breaks their code signature), and so is Windows.
import { spawnSync } from 'node:child_process';
import type { Platform } from './platforms';

/** A strip tool that handles `p`'s binaries: llvm-strip for any ELF, binutils' strip for the host's own arch. */
function stripTool(p: Platform): string | undefined {
  const works = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
  if (works('llvm-strip')) return 'llvm-strip';
  if (p.host === `${process.platform}-${process.arch}` && works('strip')) return 'strip';
  return undefined;
}

/** Strips `binary` in place when `p` is Linux and a tool exists; says what happened. */
export function stripNode(p: Platform, binary: string): string {
  if (!p.name.startsWith('linux-')) return 'not stripped (only Linux binaries are)';
  const tool = stripTool(p);
  if (!tool) return 'not stripped: no llvm-strip (apt-get install llvm) or host strip for this architecture';
  const r = spawnSync(tool, ['--strip-all', binary], { encoding: 'utf8' });
  return r.status === 0 ? `stripped with ${tool}` : `not stripped: ${tool} failed: ${(r.stderr || '').trim().split('\n')[0]}`;
}
