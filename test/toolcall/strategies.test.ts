// Each dialect is claimed by its own named strategy, and the result says which one: the UI, the
// logs and the benchmarks rely on that name.
import { parseToolCalls } from '../../src/toolcall/index';
import { toolSpecsForNames } from '../../src/tools/registry';
import { PRODUCT_TOOLS } from './corpus';

const tools = toolSpecsForNames(PRODUCT_TOOLS);

const CASES: [string, string][] = [
  ['tagged', '<tool_call>{"name": "read_file", "arguments": {"path": "a"}}</tool_call>'],
  ['json', '{"name": "read_file", "arguments": {"path": "a"}}'],
  ['function-xml', '<function=read_file>\n<parameter=path>\na\n</parameter>\n</function>'],
  ['mistral', '[TOOL_CALLS]read_file[ARGS]{"path": "a"}'],
  ['python-tag', '<|python_tag|>{"name": "read_file", "parameters": {"path": "a"}}'],
  ['harmony', '<|channel|>commentary to=functions.read_file <|constrain|>json<|message|>{"path": "a"}<|call|>'],
  ['gemma', 'call:read_file{path:<escape>a<escape>}'],
  ['react', 'Action: read_file\nAction Input: {"path": "a"}'],
  ['yaml', '```yaml\nname: read_file\narguments:\n  path: a\n```'],
  ['xml-element', '<read_file>\n<path>a</path>\n</read_file>'],
  ['xml-attributes', '<read_file path="a" />'],
  ['pythonic', 'read_file(path="a")'],
  ['edit-blocks', 'Makefile\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE'],
];

describe('dialect strategies', () => {
  it.each(CASES)('%s reads its own dialect', (strategy, text) => {
    const r = parseToolCalls(text, undefined, { tools });
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0].strategy).toBe(strategy);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ strategy, kind: 'matched' }));
    expect(r.text).toBe('');
  });

  it('reads the canonical form the agent teaches even when it is large', () => {
    const content = 'line with "quotes" and </tool_call> inside\n'.repeat(2000);
    const text = `<tool_call>${JSON.stringify({ name: 'write_file', arguments: { path: 'big.txt', content } })}</tool_call>`;
    const r = parseToolCalls(text, undefined, { tools });
    expect(r.calls).toEqual([{ name: 'write_file', arguments: { path: 'big.txt', content }, strategy: 'tagged' }]);
    expect(r.intendedButUnreadable).toBe(false);
  });

  it('keeps several calls in text order across dialects', () => {
    const r = parseToolCalls(
      '<tool_call>{"name": "read_file", "arguments": {"path": "1"}}</tool_call>\nthen\n{"name": "read_file", "arguments": {"path": "2"}}',
      undefined,
      { tools },
    );
    expect(r.calls.map((c) => c.arguments.path)).toEqual(['1', '2']);
    expect(r.text).toBe('then');
  });

  it('names each repair it made, so the logs can say why a call was accepted', () => {
    const detail = (text: string) =>
      parseToolCalls(text, undefined, { tools })
        .diagnostics.filter((d) => d.kind === 'repaired')
        .map((d) => d.detail);
    expect(detail('<|channel|>commentary to=functions.read_filejson<|message|>{"path": "a"}<|call|>')).toContain(
      'content type glued to the name (read_filejson)',
    );
    expect(detail('<tool_call>{"name": "read_file", "arguments": {"path": \\n"a"\\n}}</tool_call>')).toContain('literal \\n between tokens');
    expect(detail('<read_file path="a" />')).toContain('arguments as attributes');
    expect(detail('<tool_call name="read_file">{"path": "a"}</tool_call>')).toContain('name attribute on the call tag');
  });

  it('turns literal \\n into whitespace only between tokens, never inside a string', () => {
    const r = parseToolCalls('{"name": "write_file", "arguments": {"path": "a",\\n"content": "x\\ny\\\\n"}}', undefined, { tools });
    expect(r.calls.map((c) => c.arguments)).toEqual([{ path: 'a', content: 'x\ny\\n' }]);
  });

  it('keeps a glued "json" when the name without it is not a tool', () => {
    const r = parseToolCalls('<|channel|>commentary to=functions.geojson<|message|>{"path": "a"}<|call|>', undefined, { tools });
    expect(r.calls).toEqual([]);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ kind: 'unknown_tool', detail: 'geojson' }));
  });

  it('reads attribute forms only for offered tools', () => {
    const only = toolSpecsForNames(['run_command']);
    expect(parseToolCalls('<read_file path="a" />', undefined, { tools: only }).calls).toEqual([]);
    expect(parseToolCalls('<tool_call name="read_file">{"path": "a"}</tool_call>', undefined, { tools: only }).calls).toEqual([]);
    expect(parseToolCalls('<run_command command="ls" timeout="5"/>', undefined, { tools: only }).calls).toEqual([
      { name: 'run_command', arguments: { command: 'ls', timeout: 5 }, strategy: 'xml-attributes' },
    ]);
  });

  it('reports a <tool_call name=…> whose JSON is cut off as unreadable', () => {
    const r = parseToolCalls('<tool_call name="write_file">{"path": "a", "content": "hel', undefined, { tools });
    expect(r.calls).toEqual([]);
    expect(r.intendedButUnreadable).toBe(true);
  });
});
