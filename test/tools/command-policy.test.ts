// The allow-list judges the parsed command: every bypass found against the text-based check (and
// the ones tried since) is a row here.
import { alwaysKey, isAllowlisted, parseAllowlist, type AllowEntry } from '../../src/tools/command-policy';
import { loadShellParser, type ShellParser } from '../../src/tools/shell-parser';

let parser: ShellParser;
let allow: AllowEntry[];
beforeAll(async () => {
  parser = await loadShellParser();
  allow = parseAllowlist(parser, ['npm test', 'git', 'make', 'node', 'python3', 'find', 'sh', 'bash', 'env', 'xargs', 'tar', 'cat']).entries;
});

const allowed = (cmd: string) => isAllowlisted(parser.parse(cmd), allow);

describe('allow-list: plain commands extending an entry run unasked', () => {
  it.each([
    'npm test',
    '  npm   test ',
    'npm test -- -t parser',
    `npm "test"`,
    'git status',
    'git --no-pager log --oneline -5',
    'git diff HEAD~1 -- src/a.ts',
    'git commit -c ORIG_HEAD',
    'make build',
    'node scripts/check.js',
    'python3 -m pytest -q',
    'find src -name x.ts -type f',
    'bash scripts/test.sh',
    'tar -tzf a.tgz',
    `cat 'a file with spaces.txt'`,
  ])('%j', (cmd) => expect(allowed(cmd)).toBe(true));
});

describe('allow-list: never auto-approved', () => {
  it.each([
    // the bypasses
    ['npm test\ntouch pwned', 'a newline the old check collapsed into a space'],
    ["git -c alias.x='!touch pwned' x", 'git -c defines an alias that runs a shell'],
    // operators and syntax
    ['npm test; touch pwned', 'a second command'],
    ['npm test && touch pwned', 'a command list'],
    ['npm test || touch pwned', 'a command list'],
    ['npm test | sh', 'a pipe'],
    ['npm test & touch pwned', 'a background job'],
    ['npm test > ~/.bashrc', 'a redirection'],
    ['npm test $(touch pwned)', 'command substitution'],
    ['npm test `touch pwned`', 'backquote substitution'],
    ['npm test <(touch pwned)', 'process substitution'],
    ['npm test *', 'a glob'],
    ['npm test $IFS touch', 'a variable'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, not a template
    ['npm${IFS}test', 'a variable splitting words'],
    ['npm test\\\ntouch pwned', 'a backslash-newline'],
    ['npm test\rtouch pwned', 'a carriage return'],
    ['npm test\u0000touch', 'a NUL byte'],
    ['npm test # ; touch pwned', 'a comment'],
    ['FOO=x npm test', 'an assignment prefix'],
    ['GIT_EXTERNAL_DIFF=./x git diff', 'a GIT_* assignment'],
    ['NODE_OPTIONS=--require=./evil.js npm test', 'an environment prefix'],
    ['npm test；touch pwned', 'a fullwidth semicolon is a word character, not an operator: no entry matches that word'],
    ['npm tеst', 'a Cyrillic е: the word is not "test"'],
    ['ｎpm test', 'a fullwidth n'],
    ['npm test\u202e', 'a bidi override'],
    // exec-style options of shells, interpreters and launchers
    ["sh -c 'touch pwned'", 'sh -c'],
    ["bash -c 'touch pwned'", 'bash -c'],
    ["bash -ec 'touch pwned'", 'a -c inside an option cluster'],
    ['bash --init-file x', 'bash options'],
    ['env touch pwned', 'env runs its arguments'],
    ['env -i sh', 'env with options'],
    ['/usr/bin/env sh -c x', 'a launcher named by path'],
    ['xargs touch', 'xargs runs commands'],
    ['git --exec-path=/tmp x', 'git --exec-path'],
    ['git -C /tmp status', 'git -C leaves the workspace'],
    ['git --git-dir=evil status', 'another repository and its config'],
    ['git --work-tree=.. status', 'another work tree'],
    ['git --config-env=core.pager=X log', 'git --config-env'],
    ["git rebase -x 'touch pwned' HEAD~1", 'git rebase -x'],
    ["git rebase --exec='touch pwned' HEAD~1", 'git rebase --exec'],
    ["git grep -O'touch pwned' x", 'git grep -O (open in pager)'],
    ['git clone -u x y', 'git clone --upload-pack'],
    ["git fetch --upload-pack='touch pwned' origin", 'git fetch --upload-pack'],
    ['git submodule foreach touch', 'git submodule foreach'],
    ['git bisect run touch', 'git bisect run'],
    ['git config core.fsmonitor x', 'git config writes what runs next'],
    ['git difftool -x touch', 'git difftool'],
    ["find . -exec touch pwned ';'", 'find -exec'],
    ['find . -execdir touch pwned +', 'find -execdir'],
    ['find . -delete', 'find -delete'],
    ['npm exec touch', 'npm exec'],
    ['npm x touch', 'npm x'],
    ['npx touch', 'npx'],
    ['npm test --script-shell=./evil.sh', 'npm --script-shell'],
    ['npm test -- --script-shell=./evil.sh', 'options after -- are checked too'],
    ['npm test --node-options=--require=./evil.js', 'npm --node-options'],
    ['npm test --userconfig=./npmrc', 'a config naming the script shell'],
    ["node -e 'x'", 'node -e'],
    ["node -pe 'x'", 'node -p in a cluster'],
    ["node --eval='x'", 'node --eval='],
    ['node --require ./evil.js app.js', 'node --require'],
    ["python3 -c 'x'", 'python -c'],
    ["python3 -Ic 'x'", 'python -c in a cluster'],
    ["python3.12 -c 'x'", 'a versioned python'],
    ["make SHELL='sh -c touch' build", 'make SHELL='],
    ["make --eval='x:' x", 'make --eval'],
    ["tar --to-command='touch pwned' -xf a.tar", 'tar --to-command'],
    ['tar -I ./evil -xf a.tar', 'tar -I'],
    ['git log --output=/root/.bashrc', 'git --output writes anywhere'],
    ["'npm test'", 'one quoted word is not two words'],
    ['\\npm test', 'a backslash before the program name'],
    ['command npm test', 'command runs its arguments'],
    ['exec npm test', 'exec replaces the shell'],
    ['./npm test', 'another program called npm'],
    ['bash -', 'a shell reading its script from stdin'],
    ['rm -rf /', 'no entry'],
    ['npm testing', 'an entry is a word prefix, not a text prefix'],
    ['', 'empty'],
  ])('%j (%s)', (cmd) => expect(allowed(cmd)).toBe(false));
});

describe('allow-list entries', () => {
  it('drops entries that are not plain commands, naming them', () => {
    const r = parseAllowlist(parser, ['npm test', 'npm test && rm -rf /', 'sh -c x', 'FOO=1 make']);
    expect(r.entries).toEqual([['npm', 'test']]);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/"npm test && rm -rf \/" is ignored: it contains a command list/);
    expect(r.problems[1]).toMatch(/"sh -c x" is ignored: sh -c can run any code/);
  });
});

describe('always allow this command', () => {
  it('remembers the exact argv of a simple command, never a prefix', () => {
    const key = alwaysKey(parser.parse('npm test'));
    expect(alwaysKey(parser.parse(`npm  'test'`))).toBe(key);
    expect(alwaysKey(parser.parse('npm test -- x'))).not.toBe(key);
    expect(alwaysKey(parser.parse('npm'))).not.toBe(key);
  });

  it('remembers the exact text of anything else', () => {
    expect(alwaysKey(parser.parse('npm test | tail'))).toBe(alwaysKey(parser.parse('npm test | tail')));
    expect(alwaysKey(parser.parse('npm test | tail'))).not.toBe(alwaysKey(parser.parse('npm test  | tail')));
  });
});
