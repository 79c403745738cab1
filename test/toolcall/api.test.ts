// The parser's contract beyond the corpus: native calls, repair messages, leftover prose,
// diagnostics naming the strategy, and callSchema.
import { callSchema, parseToolCalls } from '../../src/toolcall/index';
import { toolSpecsForNames } from '../../src/tools/registry';
import { PRODUCT_TOOLS } from './corpus';

const tools = toolSpecsForNames(PRODUCT_TOOLS);

describe('parseToolCalls', () => {
  it('keeps native calls first, with their ids, then calls from the text in order', () => {
    const r = parseToolCalls('{"name": "list_files", "arguments": {}}', [{ id: 'n1', name: 'read_file', arguments: { path: 'a' } }], { tools });
    expect(r.calls.map((c) => [c.name, c.id, c.strategy])).toEqual([
      ['read_file', 'n1', 'native'],
      ['list_files', undefined, 'json'],
    ]);
  });

  it('repairs native arguments the server could not parse', () => {
    const r = parseToolCalls('', [{ id: 'x', name: 'run_command', arguments: { __raw: '{"command": "ls", "timeout": "5",}' } }], { tools });
    expect(r.calls[0].arguments).toEqual({ command: 'ls', timeout: 5 });
    expect(r.diagnostics.some((d) => d.kind === 'repaired')).toBe(true);
  });

  it('tells the model the exact form when a required argument is missing', () => {
    const r = parseToolCalls('<tool_call>{"name": "edit_file", "arguments": {"path": "a.ts"}}</tool_call>', undefined, { tools });
    expect(r.calls).toEqual([]);
    expect(r.intendedButUnreadable).toBe(true);
    expect(r.repair).toContain('missing argument "search"');
    expect(r.repair).toContain('<tool_call>{"name":"edit_file","arguments":{"path":"...","search":"...","replace":"..."}}</tool_call>');
  });

  it('names the offered tools when the model calls one that does not exist', () => {
    const r = parseToolCalls('<tool_call>{"name": "browse_web", "arguments": {"url": "x"}}</tool_call>', undefined, { tools });
    expect(r.calls).toEqual([]);
    expect(r.diagnostics).toContainEqual({ strategy: 'tagged', kind: 'unknown_tool', detail: 'browse_web' });
    expect(r.repair).toMatch(/no tool named "browse_web".*read_file, list_files/);
  });

  it('asks for a complete call when one was cut off, never completing it', () => {
    const r = parseToolCalls('<tool_call>{"name": "write_file", "arguments": {"path": "a", "content": "half', undefined, { tools });
    expect(r.calls).toEqual([]);
    expect(r.intendedButUnreadable).toBe(true);
    expect(r.repair).toMatch(/cut off/);
  });

  it('returns the prose without the call, the think block or special tokens', () => {
    const r = parseToolCalls('<think>plan</think>I will look.\n\n```json\n{"name": "read_file", "arguments": {"path": "a"}}\n```\n<|im_end|>', undefined, {
      tools,
    });
    expect(r.text).toBe('I will look.');
    expect(r.calls).toHaveLength(1);
  });

  it('records which strategy matched and what it repaired', () => {
    const r = parseToolCalls("{'name': 'read_file', 'arguments': {'file_path': 'a', 'start_line': '2'}}", undefined, { tools });
    expect(r.calls[0]).toEqual({ name: 'read_file', arguments: { path: 'a', start_line: 2 }, strategy: 'json' });
    const details = r.diagnostics.map((d) => `${d.kind}:${d.detail}`);
    expect(details).toEqual(expect.arrayContaining(['repaired:single quotes', 'repaired:argument file_path → path', 'repaired:start_line: string → integer']));
  });

  it('applies argument aliases only when the target tool is offered', () => {
    const onlyOther = toolSpecsForNames(['get_weather']);
    const r = parseToolCalls('{"name": "get_weather", "arguments": {"file_path": "x"}}', undefined, { tools: onlyOther });
    expect(r.calls[0].arguments).toEqual({ file_path: 'x' });
  });

  it('reads an MCP tool called without its server prefix, only when one server has that tool', () => {
    const mcp = toolSpecsForNames([...PRODUCT_TOOLS, 'memory__read_graph', 'memory__open_nodes', 'notes__open_nodes']);
    const call = (name: string) =>
      parseToolCalls(`<tool_call>{"name": "${name}", "arguments": {"path": "a"}}</tool_call>`, undefined, { tools: mcp }).calls.map((c) => c.name);
    expect(call('read_graph')).toEqual(['memory__read_graph']);
    expect(call('open_nodes')).toEqual([]); // two servers have it: not guessed
    expect(call('read_file')).toEqual(['read_file']); // our own tool wins
  });

  it('is not fooled by non-string input', () => {
    expect(parseToolCalls(undefined as unknown as string, undefined).calls).toEqual([]);
  });
});

describe('callSchema', () => {
  it("is one {name, arguments} object per tool, arguments being that tool's schema", () => {
    const s = callSchema(tools) as { oneOf: { properties: { name: { const: string }; arguments: { required?: string[] } }; required: string[] }[] };
    expect(s.oneOf).toHaveLength(PRODUCT_TOOLS.length);
    const edit = s.oneOf.find((v) => v.properties.name.const === 'edit_file');
    expect(edit?.required).toEqual(['name', 'arguments']);
    expect(edit?.properties.arguments.required).toEqual(['path', 'search', 'replace']);
  });

  it('needs no oneOf for a single tool', () => {
    const s = callSchema(toolSpecsForNames(['read_file']));
    expect(s.oneOf).toBeUndefined();
    expect((s.properties as { name: { const: string } }).name.const).toBe('read_file');
  });
});
