// Build step after tsc: copies tree-sitter-bash's WebAssembly grammar (and its licence) into
// dist/grammars/, so the package ships 1.4 MB instead of depending on the 20 MB grammar package.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const from = path.dirname(require.resolve('tree-sitter-bash/package.json', { paths: [root] }));
const to = path.join(root, 'dist', 'grammars');
fs.mkdirSync(to, { recursive: true });
fs.copyFileSync(path.join(from, 'tree-sitter-bash.wasm'), path.join(to, 'tree-sitter-bash.wasm'));
fs.copyFileSync(path.join(from, 'LICENSE'), path.join(to, 'tree-sitter-bash.LICENSE'));
