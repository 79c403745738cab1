// The string-aware pre-pass before jsonrepair: code inside string values (unclosed braces,
// backticks, regexes, quotes) never decides the structure and never makes the repair throw.
import { parseLooseJson } from '../../src/toolcall/loose-json';
import { toStrictJson } from '../../src/toolcall/strict-json';

describe('strict JSON pre-pass', () => {
  it('reads the issue-11 failure: a single-quoted key and a value ending in an unclosed brace', () => {
    expect(parseLooseJson(`{'a':"f() {"}`)?.value).toEqual({ a: 'f() {' });
    expect(parseLooseJson(`{"a": "f() {",}`)?.value).toEqual({ a: 'f() {' });
  });

  it('names each repair it made', () => {
    const r = toStrictJson(`{'a': 'x\ny', 'b': True, 'c': [1,],}`);
    expect(JSON.parse(r.text)).toEqual({ a: 'x\ny', b: true, c: [1] });
    expect(r.repairs.sort()).toEqual(['Python literals', 'raw newlines in a string', 'single quotes', 'trailing comma']);
  });

  it('keeps apostrophes, escaped quotes, backticks and regexes inside single-quoted strings', () => {
    const v = parseLooseJson(`{'p': 'it's', 'q': 'say \\'hi\\' "there"', 'r': '\`\${a}\` /\\{\\d+\\}/'}`)?.value;
    expect(v).toEqual({ p: "it's", q: `say 'hi' "there"`, r: ['`$', '{a}` /\\{\\d+\\}/'].join('') });
  });

  it('never touches True, commas or braces inside strings', () => {
    expect(parseLooseJson(`{'a': 'True, }', 'b': ',]'}`)?.value).toEqual({ a: 'True, }', b: ',]' });
  });

  it('hands jsonrepair placeholders, not code: bare keys around code values', () => {
    expect(parseLooseJson(`{path: "a.go", search: "func main() {"}`)?.value).toEqual({ path: 'a.go', search: 'func main() {' });
  });

  it('does not complete a string that never closes', () => {
    expect(toStrictJson(`{'a': 'f() {`).masked).toBeUndefined();
  });
});
