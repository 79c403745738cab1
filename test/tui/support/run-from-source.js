// Runs the CLI straight from src/ (no build step): .ts files are transpiled on require with the
// project's TypeScript, cached by path + mtime + size. Used by the tmux end-to-end tests and the
// screenshot script.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const CACHE = path.join(os.tmpdir(), 'smallcode-ts-cache');
let ts;

require.extensions['.ts'] = function (module, filename) {
  const st = fs.statSync(filename);
  const key = crypto.createHash('sha1').update(`${filename}|${st.mtimeMs}|${st.size}`).digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    ts = ts || require('typescript');
    code = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
    }).outputText;
    try {
      fs.mkdirSync(CACHE, { recursive: true });
      fs.writeFileSync(`${cached}.${process.pid}`, code);
      fs.renameSync(`${cached}.${process.pid}`, cached);
    } catch {
      // a cache we cannot write only costs time
    }
  }
  module._compile(code, filename);
};

const main = require(path.join(__dirname, '..', '..', '..', 'src', 'cli', 'main.ts')).main;
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`smallcode: internal error: ${err && err.message ? err.message : err}\n`); process.exitCode = 70; },
);
