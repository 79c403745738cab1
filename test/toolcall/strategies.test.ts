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
    const r = parseToolCalls('<tool_call>{"name": "read_file", "arguments": {"path": "1"}}</tool_call>\nthen\n{"name": "read_file", "arguments": {"path": "2"}}', undefined, { tools });
    expect(r.calls.map((c) => c.arguments.path)).toEqual(['1', '2']);
    expect(r.text).toBe('then');
  });
});
