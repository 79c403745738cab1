// Builds the real patch engine (and the layers below it) as plain CommonJS in a temp folder, so
// child processes in the kill and concurrency tests run the real modules without ts-jest.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

/** Transpiles src/{patch,workspace,types,util} into `out` and links node_modules beside them. */
export function transpileEngine(out: string): void {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) sources.push(p);
    }
  };
  for (const dir of ['patch', 'workspace', 'types', 'util']) walk(path.join(ROOT, 'src', dir));
  for (const src of sources) {
    const js = ts.transpileModule(fs.readFileSync(src, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    const dest = path.join(out, path.relative(ROOT, src)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, js);
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'));
}
