// Enforces the dependency direction of ../shared/ARCHITECTURE.md by scanning imports.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const re = /(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g;
  return [...text.matchAll(re)].map((m) => m[1]);
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

describe('architecture boundaries', () => {
  const files = sourceFiles(SRC);

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('imports blessed only inside src/tui/', () => {
    const offenders = files
      .filter((f) => !rel(f).startsWith('tui/'))
      .filter((f) => importsOf(f).some((m) => m === 'blessed' || m === 'neo-blessed' || m.startsWith('blessed/')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('keeps the core (below tui) from importing the UI or the CLI', () => {
    const core = files.filter((f) => !/^(tui|cli)\//.test(rel(f)) && !rel(f).startsWith('bench/'));
    const offenders = core.filter((f) =>
      importsOf(f).some((m) => m.startsWith('.') && /\/(tui|cli)\//.test(path.resolve(path.dirname(f), m) + '/')),
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it('keeps chalk out of the core', () => {
    const offenders = files.filter((f) => !/^(tui|cli)\//.test(rel(f))).filter((f) => importsOf(f).includes('chalk'));
    expect(offenders.map(rel)).toEqual([]);
  });
});
