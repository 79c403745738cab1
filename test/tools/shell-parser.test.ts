import { loadShellParser, type ShellParser } from '../../src/tools/shell-parser';

let parser: ShellParser;
beforeAll(async () => {
  parser = await loadShellParser();
});

describe('shell parser: simple commands become argv words', () => {
  it.each([
    ['npm test', ['npm', 'test']],
    ['  npm   test\t-- -t parser ', ['npm', 'test', '--', '-t', 'parser']],
    [`np"m" 't'est`, ['npm', 'test']],
    [`git commit -m "fix: the parser's bug"`, ['git', 'commit', '-m', "fix: the parser's bug"]],
    [`echo 'a $HOME; rm -rf / | sh'`, ['echo', 'a $HOME; rm -rf / | sh']],
    [`echo ''`, ['echo', '']],
    ['git diff HEAD~1 -- src/a.ts', ['git', 'diff', 'HEAD~1', '--', 'src/a.ts']],
    ['npx jest --testNamePattern=x,y:z@1%2+3', ['npx', 'jest', '--testNamePattern=x,y:z@1%2+3']],
    [`cat 'café €😀.txt'`, ['cat', 'café €😀.txt']],
    ['10 20', ['10', '20']],
  ])('%j → %j', (text, argv) => {
    expect(parser.parse(text)).toEqual({ kind: 'simple', text, argv });
  });
});

describe('shell parser: anything beyond one simple command says what it is', () => {
  it.each([
    ['npm test\ntouch pwned', /newline/],
    ['npm test\\\ntouch pwned', /newline/],
    ['npm test\rtouch pwned', /carriage return/],
    ['npm test\u0000touch', /NUL/],
    ['npm test\u2028touch', /invisible Unicode/],
    ['npm test\u202etouch', /invisible Unicode/],
    ['npm test; touch pwned', /more than one command/],
    ['npm test && touch pwned', /command list/],
    ['npm test || touch pwned', /command list/],
    ['npm test | sh', /pipe/],
    ['npm test & touch pwned', /background|more than one/],
    ['npm test &', /background/],
    ['npm test > out', /redirection/],
    ['npm test 2>&1', /redirection/],
    ['npm test < /etc/passwd', /redirection/],
    ['cat <<< x', /here-string/],
    ['cat <<EOF\nx\nEOF', /newline/],
    ['npm test $(touch pwned)', /command substitution/],
    ['npm test `touch pwned`', /command substitution/],
    ['npm test "$(touch pwned)"', /command substitution|inside double quotes/],
    ['npm test <(touch pwned)', /process substitution/],
    ['npm test $IFS', /variable/],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, not a template
    ['npm${IFS}test', /variable/],
    ['npm test "$HOME"', /inside double quotes|variable/],
    ['npm test "a\\"b"', /inside double quotes/],
    ['npm test $((1+2))', /arithmetic/],
    ["npm test $'\\x3btouch'", /ANSI-C/],
    ['npm test *.js', /glob/],
    ['npm test a?', /glob/],
    ['npm test [ab]', /glob|character/],
    ['npm test {a,b}', /brace/],
    ['npm test ~/x', /home-directory/],
    ['npm test --prefix=~/x', /home-directory/],
    ['FOO=x npm test', /assignment/],
    ['PATH=. npm test', /assignment/],
    ['(npm test)', /subshell/],
    ['{ npm test; }', /group/],
    ['! npm test', /negation/],
    ['npm test # hi', /comment/],
    ['npm test \\; touch', /backslash/],
    ['npm test；touch pwned', /character/],
    ['npm\u00a0test', /character/],
    ['if true; then x; fi', /if_statement|shell syntax/],
    ['npm test "unterminated', /could not be read/],
    ['', /empty/],
    ['   ', /empty/],
  ])('%j is not simple (%s)', (text, why) => {
    const parsed = parser.parse(text);
    expect(parsed.kind).toBe('compound');
    if (parsed.kind === 'compound') expect(parsed.reason).toMatch(why);
  });
});
