// Check helper for TypeScript tasks: type-checks files strictly with the TypeScript compiler the
// bench found (SMALLCODE_TYPESCRIPT, else a global `typescript`), then lets `.ts` files be required.
'use strict';
const fs = require('fs');
const path = require('path');

function loadTypeScript() {
  for (const candidate of [process.env.SMALLCODE_TYPESCRIPT, 'typescript']) {
    if (!candidate) continue;
    try {
      return require(candidate);
    } catch {
      // try the next one
    }
  }
  console.error('this check needs TypeScript: run the bench from a SmallCode checkout, or `npm i -g typescript`');
  process.exit(2);
}

const ts = loadTypeScript();

/** Prints diagnostics as `file(line,col): error TSnnnn: message`; true when there are none. */
function typeCheck(files) {
  const options = {
    strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es2020.d.ts'],
    target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16,
  };
  const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(files, options));
  for (const d of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      console.error(`${path.relative(process.cwd(), d.file.fileName)}(${line + 1},${character + 1}): error TS${d.code}: ${message}`);
    } else console.error(`error TS${d.code}: ${message}`);
  }
  return diagnostics.length === 0;
}

require.extensions['.ts'] = (module, filename) => {
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 };
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(out.outputText, filename);
};

module.exports = { typeCheck };
