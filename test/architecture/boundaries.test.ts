// Enforces the dependency direction of ../shared/ARCHITECTURE.md by scanning imports: the whole
// layer order (no back-arrows), the TUI's narrow view of the agent, and where the network and
// disk writes may live (STYLE.md rule 5).
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

/**
 * Each folder's layer; an import must point to a strictly lower layer (or stay in its folder).
 * Equal layers are siblings that do not know each other. A new folder must be placed here.
 */
const LAYER: Record<string, number> = {
  cli: 100,
  tui: 90,
  bench: 90,
  session: 85, // a subscriber of agent events, like the front ends
  config: 85,
  agent: 80,
  checks: 70,
  mcp: 70,
  tools: 60,
  context: 50,
  guard: 50,
  plan: 40,
  toolcall: 40,
  patch: 40,
  providers: 40,
  sandbox: 30,
  workspace: 20,
  types: 10,
  util: 10,
};

/** The agent's public surface: the only agent modules a front end may import. */
const AGENT_SURFACE = new Set(['agent/types.ts', 'agent/events.ts']);

const NETWORK_MODULES = /^(node:)?(http|https|http2|net|tls|dgram)$|^(undici|ollama|openai|@anthropic-ai\/sdk|@modelcontextprotocol\/sdk)(\/|$)/;
const NETWORK_HOME = /^(providers|mcp)\//;
const DISK_WRITE =
  /\.(writeFile|writeFileSync|appendFile|appendFileSync|rename|renameSync|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|mkdir|mkdirSync|mkdtemp|mkdtempSync|copyFile|copyFileSync|cp|cpSync|createWriteStream|symlink|symlinkSync|truncate|truncateSync|chmod|chmodSync|utimes|utimesSync)\(/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
const folderOf = (relPath: string) => relPath.split('/')[0];

interface Import {
  spec: string;
  /** The imported file relative to src/ (relative imports only). */
  target?: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const re = /(import\s+type\s[^'"]*?from\s+|export\s+type\s[^'"]*?from\s+|from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g;
  return [...text.matchAll(re)].map((m) => {
    const spec = m[2];
    const abs = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : undefined;
    const target = abs && (fs.existsSync(`${abs}.ts`) ? `${abs}.ts` : path.join(abs, 'index.ts'));
    return { spec, target: target && rel(target), typeOnly: /^(import|export)\s+type\s/.test(m[1]) };
  });
}

describe('architecture boundaries', () => {
  const files = sourceFiles(SRC);

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('places every source folder in the layer order', () => {
    const unknown = [...new Set(files.map((f) => folderOf(rel(f))))].filter((d) => !(d in LAYER));
    expect(unknown).toEqual([]);
  });

  it('imports only downward: no module imports a higher or sibling layer', () => {
    const backArrows: string[] = [];
    for (const f of files) {
      const from = folderOf(rel(f));
      for (const imp of importsOf(f)) {
        if (!imp.target) continue;
        const to = folderOf(imp.target);
        if (to === from) continue;
        if (!(LAYER[from] > (LAYER[to] ?? Infinity))) backArrows.push(`${rel(f)} → ${imp.target}`);
      }
    }
    expect(backArrows).toEqual([]);
  });

  it('lets the TUI talk to the agent only through its public surface', () => {
    const offenders = files
      .filter((f) => rel(f).startsWith('tui/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => i.target?.startsWith('agent/') && !AGENT_SURFACE.has(i.target))
          .map((i) => `${rel(f)} → ${i.target}`),
      );
    expect(offenders).toEqual([]);
  });

  it('imports blessed only inside src/tui/', () => {
    const offenders = files
      .filter((f) => !rel(f).startsWith('tui/'))
      .filter((f) => importsOf(f).some((i) => i.spec === 'blessed' || i.spec === 'neo-blessed' || i.spec.startsWith('blessed/')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('keeps chalk out of the core', () => {
    const offenders = files.filter((f) => !/^(tui|cli)\//.test(rel(f))).filter((f) => importsOf(f).some((i) => i.spec === 'chalk'));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('speaks to the network only from src/providers/ and src/mcp/', () => {
    const offenders = files
      .filter((f) => !NETWORK_HOME.test(rel(f)))
      .filter((f) => importsOf(f).some((i) => !i.typeOnly && NETWORK_MODULES.test(i.spec)) || /(^|[^.\w])fetch\(/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('writes to the disk only through src/workspace/ helpers', () => {
    const offenders = files
      .filter((f) => !rel(f).startsWith('workspace/'))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, i }))
          .filter(({ line }) => DISK_WRITE.test(line) && !line.trim().startsWith('//'))
          .map(({ i }) => `${rel(f)}:${i + 1}`),
      );
    expect(offenders).toEqual([]);
  });

  it('resolves relative imports to files (the scanner itself works)', () => {
    const imp = importsOf(path.join(SRC, 'agent', 'controller.ts'));
    expect(imp.some((i) => i.target === 'agent/history-store.ts' && !i.typeOnly)).toBe(true);
    expect(imp.some((i) => i.target === 'types/messages.ts' && i.typeOnly)).toBe(true);
  });
});
