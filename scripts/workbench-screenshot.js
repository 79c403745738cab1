// Makes docs/workbench.png from a real run: the CLI (from source) in tmux at 160×45 against the
// scripted model server — one finished turn (plan, read, an approved edit, an approved test run),
// then a second change awaiting approval — captured with `tmux capture-pane -e`, turned into HTML
// here and shot with headless Chromium (Debian: apt-get install chromium). A one-off tool, not a
// dependency of the package. Usage: node scripts/workbench-screenshot.js [out.png]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const ts = require('typescript');

require.extensions['.ts'] = (m, f) => {
  m._compile(
    ts.transpileModule(fs.readFileSync(f, 'utf8'), {
      fileName: f,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText,
    f,
  );
};
const REPO = path.join(__dirname, '..');
const { startScriptedServer } = require(path.join(REPO, 'test', 'support', 'scripted-server.ts'));
const COLS = 160;
const ROWS = 45;
const SOCKET = `smallcode-shot-${process.pid}`;
const tmux = (...a) => execFileSync('tmux', ['-L', SOCKET, ...a], { encoding: 'utf8' });

function workspace() {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'smallcode-demo-')));
  const files = {
    'package.json': '{ "name": "greeter", "version": "1.0.0" }\n',
    'README.md': '# greeter\n',
    'src/greet.ts': "export function greet(name: string): string {\n  return 'Hello ' + name;\n}\n",
    'src/index.ts': "import { greet } from './greet';\nconsole.log(greet('world'));\n",
    'test/greet.test.ts': "import { greet } from '../src/greet';\ntest('greets', () => expect(greet('a')).toBe('Hello a'));\n",
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

// ANSI (as tmux capture-pane -e writes it) → HTML spans.
const BASE = [
  '#000000',
  '#cd3131',
  '#0dbc79',
  '#e5e510',
  '#2472c8',
  '#bc3fbc',
  '#11a8cd',
  '#e5e5e5',
  '#666666',
  '#f14c4c',
  '#23d18b',
  '#f5f543',
  '#3b8eea',
  '#d670d6',
  '#29b8db',
  '#ffffff',
];
function color256(n) {
  if (n < 16) return BASE[n];
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v},${v},${v})`;
  }
  const i = n - 16;
  const c = [Math.floor(i / 36), Math.floor(i / 6) % 6, i % 6].map((x) => (x ? 55 + x * 40 : 0));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
function toHtml(ansi) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let st = { fg: null, bg: null, bold: false, inv: false };
  let out = '';
  const open = () => {
    let fg = st.fg || '#d4d4d4';
    let bg = st.bg || '#1e1e1e';
    if (st.inv) [fg, bg] = [bg, fg];
    return `<span style="color:${fg};background:${bg};${st.bold ? 'font-weight:bold;' : ''}">`;
  };
  for (const line of ansi.replace(/\n$/, '').split('\n')) {
    let html = open();
    const re = /\x1b\[([0-9;]*)m|([^\x1b]+)/g;
    let m;
    let width = 0;
    while ((m = re.exec(line))) {
      if (m[2] !== undefined) {
        html += esc(m[2]);
        width += [...m[2]].length;
        continue;
      }
      const p = m[1] === '' ? [0] : m[1].split(';').map(Number);
      for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === 0) st = { fg: null, bg: null, bold: false, inv: false };
        else if (c === 1) st.bold = true;
        else if (c === 22) st.bold = false;
        else if (c === 7) st.inv = true;
        else if (c === 27) st.inv = false;
        else if (c >= 30 && c <= 37) st.fg = BASE[c - 30];
        else if (c >= 90 && c <= 97) st.fg = BASE[c - 82];
        else if (c >= 40 && c <= 47) st.bg = BASE[c - 40];
        else if (c >= 100 && c <= 107) st.bg = BASE[c - 92];
        else if (c === 39) st.fg = null;
        else if (c === 49) st.bg = null;
        else if ((c === 38 || c === 48) && p[i + 1] === 5) {
          const v = color256(p[i + 2]);
          if (c === 38) st.fg = v;
          else st.bg = v;
          i += 2;
        } else if ((c === 38 || c === 48) && p[i + 1] === 2) {
          const v = `rgb(${p[i + 2]},${p[i + 3]},${p[i + 4]})`;
          if (c === 38) st.fg = v;
          else st.bg = v;
          i += 4;
        }
      }
      html += '</span>' + open();
    }
    html += ' '.repeat(Math.max(0, COLS - width)) + '</span>';
    out += html + '\n';
  }
  return `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#1e1e1e"><pre style="margin:12px;font:14px/1.2 'DejaVu Sans Mono',monospace;color:#d4d4d4">${out}</pre>`;
}

async function waitFor(name, text, ms = 60000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (tmux('capture-pane', '-p', '-t', name).includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never saw ${text}:\n${tmux('capture-pane', '-p', '-t', name)}`);
}

async function main() {
  const out = path.resolve(process.argv[2] || path.join(REPO, 'docs', 'workbench.png'));
  const root = workspace();
  const server = await startScriptedServer({
    kind: 'ollama',
    contextWindow: 16384,
    models: ['qwen2.5-coder:7b'],
    replies: [
      {
        text: 'I will keep a short plan.',
        toolCalls: [
          {
            name: 'update_plan',
            arguments: {
              items: [
                { text: 'Read src/greet.ts', done: false },
                { text: 'Add an optional greeting', done: false },
                { text: 'Run the tests', done: false },
              ],
            },
          },
        ],
        promptTokens: 2100,
        completionTokens: 60,
      },
      { toolCalls: [{ name: 'read_file', arguments: { path: 'src/greet.ts' } }], promptTokens: 2300, completionTokens: 20 },
      {
        text: 'The function hard-codes "Hello". I will add a `greeting` parameter with a default.',
        toolCalls: [
          {
            name: 'edit_file',
            arguments: {
              path: 'src/greet.ts',
              search: "export function greet(name: string): string {\n  return 'Hello ' + name;\n}",
              // biome-ignore lint/suspicious/noTemplateCurlyInString: the code the scripted model writes
              replace: "export function greet(name: string, greeting = 'Hello'): string {\n  return `${greeting}, ${name}!`;\n}",
            },
          },
        ],
        promptTokens: 2600,
        completionTokens: 90,
        chunkDelayMs: 15,
      },
      {
        toolCalls: [
          {
            name: 'update_plan',
            arguments: {
              items: [
                { text: 'Read src/greet.ts', done: true },
                { text: 'Add an optional greeting', done: true },
                { text: 'Run the tests', done: false },
              ],
            },
          },
        ],
        promptTokens: 2800,
        completionTokens: 40,
      },
      {
        toolCalls: [
          { name: 'run_command', arguments: { command: "node -e \"console.log('PASS test/greet.test.ts'); console.log('Tests: 3 passed, 3 total')\"" } },
        ],
        promptTokens: 2900,
        completionTokens: 35,
      },
      {
        text: 'Done: `greet(name, greeting = \'Hello\')` returns "Hello, name!" and the tests pass.',
        toolCalls: [
          {
            name: 'update_plan',
            arguments: {
              items: [
                { text: 'Read src/greet.ts', done: true },
                { text: 'Add an optional greeting', done: true },
                { text: 'Run the tests', done: true },
              ],
            },
          },
        ],
        promptTokens: 3100,
        completionTokens: 45,
      },
      { text: 'Done: greet() takes an optional greeting word, and the 3 tests pass.', promptTokens: 3200, completionTokens: 20 },
      {
        text: 'I will add `farewell()` next to `greet()`, in the same style:',
        toolCalls: [
          {
            name: 'edit_file',
            arguments: {
              path: 'src/greet.ts',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: the code the scripted model writes
              search: '  return `${greeting}, ${name}!`;\n}',
              replace:
                // biome-ignore lint/suspicious/noTemplateCurlyInString: the code the scripted model writes
                "  return `${greeting}, ${name}!`;\n}\n\n/** The goodbye counterpart of greet(). */\nexport function farewell(name: string, word = 'Goodbye'): string {\n  return `${word}, ${name}.`;\n}",
            },
          },
        ],
        promptTokens: 3500,
        completionTokens: 110,
        chunkDelayMs: 15,
      },
    ],
  });
  const launch = path.join(REPO, 'test', 'tui', 'support', 'run-from-source.js');
  const cmd = `node '${launch}' tui --provider ollama --base-url ${server.url} --model qwen2.5-coder:7b --cwd '${root}'; exec cat`;
  try {
    tmux(
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      'shot',
      '-x',
      String(COLS),
      '-y',
      String(ROWS),
      '-e',
      'TERM=xterm-256color',
      '-e',
      'NCURSES_NO_UTF8_ACS=1',
      '-e',
      `HOME=${root}`,
      cmd,
    );
    await waitFor('shot', 'Enter send');
    const approve = async () => {
      await waitFor('shot', 'Approval needed');
      await new Promise((r) => setTimeout(r, 700)); // a person's pause: an answer key counts on its own
      tmux('send-keys', '-t', 'shot', 'y');
      await new Promise((r) => setTimeout(r, 700));
    };
    tmux('send-keys', '-t', 'shot', '-l', 'Let greet() take an optional greeting word');
    tmux('send-keys', '-t', 'shot', 'Enter');
    await approve(); // the edit
    await approve(); // the test run
    await waitFor('shot', 'and the 3 tests pass');
    tmux('send-keys', '-t', 'shot', '-l', 'Now add a farewell() next to it');
    tmux('send-keys', '-t', 'shot', 'Enter');
    await waitFor('shot', 'Approval needed');
    await new Promise((r) => setTimeout(r, 800)); // let the tree and plan panes settle for the picture
    const ansi = tmux('capture-pane', '-e', '-p', '-t', 'shot');
    const html = path.join(root, 'shot.html');
    fs.writeFileSync(html, toHtml(ansi));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const shot = spawnSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--screenshot=${out}`,
        `--window-size=${Math.ceil(COLS * 8.45) + 26},${ROWS * 17 + 30}`,
        `file://${html}`,
      ],
      { encoding: 'utf8' },
    );
    if (shot.status !== 0) throw new Error(`chromium failed: ${shot.stderr.split('\n')[0]}`);
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    await server.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
});
