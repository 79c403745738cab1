// Router stage 1 for MCP tools: a step gets only the outside tools it points to, and however many
// exist, its tool text stays within the budget (≤ 600 tokens on an 8k window). Runs the real
// prepare stage on a real temp workspace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Tool } from '../../src/tools/types';
import { createToolbox } from '../../src/tools/toolbox';
import { describeToolsCompact } from '../../src/tools/tool-text';
import { toolTextBudget } from '../../src/tools/external-router';
import { createTokenCounter } from '../../src/context/token-counter';
import { createEventBus } from '../../src/agent/event-bus';
import { prepareStep } from '../../src/agent/turn/prepare';

/** An MCP-like tool (what src/mcp/mcp-tool.ts makes), with a realistic schema. */
function outside(server: string, tool: string, description: string): Tool {
  return {
    name: `${server}__${tool}`,
    description,
    parameters: {
      type: 'object',
      properties: {
        owner: { type: 'string' },
        repo: { type: 'string' },
        title: { type: 'string' },
        body: { type: 'string' },
        labels: { type: 'array', items: { type: 'string' } },
      },
      required: ['owner', 'repo'],
    },
    risk: 'exec',
    external: { server, tool, from: 'user' },
    run: async () => ({ ok: true, forModel: '', summary: '' }),
  };
}

/** 90 tools over three servers, all about issues, pull requests and repositories. */
const MANY: Tool[] = ['github', 'gitlab', 'gitea'].flatMap((server) =>
  Array.from({ length: 30 }, (_, i) =>
    outside(server, `issue_action_${i}`, `Create, update or comment on an issue or pull request in a repository (variant ${i}); needs owner and repo`),
  ),
);

async function route(userText: string, tools: Tool[], lastResults: { name: string; ok: boolean; text?: string }[] = [], window = 8192) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-xroute-')));
  const counter = createTokenCounter();
  const { offered } = await prepareStep({
    root,
    bus: createEventBus(),
    lastPlan: { items: [] },
    userText,
    lastResults,
    excluded: new Set(),
    step: lastResults.length > 0 ? 2 : 1,
    tools: createToolbox(() => tools),
    window,
    counter,
  });
  return { names: offered.map((t) => t.name), tokens: counter.count(describeToolsCompact(offered)) };
}

describe('MCP tools in router stage 1', () => {
  it('offers none of them on a step that does not point to them (find_tools stays as the way in)', async () => {
    const r = await route('fix the off-by-one in src/range.ts', MANY);
    expect(r.names.filter((n) => n.includes('__'))).toEqual([]);
    expect(r.names).toContain('find_tools');
  });

  it('is not pointed to by the generic verbs every coding request uses', async () => {
    const memory = [
      outside('memory', 'create_entities', 'Create multiple new entities in the knowledge graph'),
      outside('memory', 'add_observations', 'Add new observations to existing entities in the knowledge graph'),
      outside('memory', 'search_nodes', 'Search for nodes in the knowledge graph based on a query'),
    ];
    const plain = await route('add a test for parse() and create the fixture, then search for other callers', memory);
    expect(plain.names.filter((n) => n.includes('__'))).toEqual([]);
    const pointed = await route('create entities in the knowledge graph for the new modules', memory);
    expect(pointed.names).toContain('memory__create_entities');
  });

  it('keeps the tool text within 600 tokens on an 8k window however many tools match', async () => {
    const r = await route('open an issue in the github repository about the crash and comment on the pull request', MANY);
    const outsideNames = r.names.filter((n) => n.includes('__'));
    expect(outsideNames.length).toBeGreaterThan(0);
    expect(outsideNames.length).toBeLessThanOrEqual(4);
    expect(outsideNames.every((n) => n.startsWith('github__'))).toBe(true); // the server named wins
    expect(r.tokens).toBeLessThanOrEqual(600);
    expect(toolTextBudget(8192)).toBe(600);
  });

  it('routes in a tool that the last find_tools result named', async () => {
    const last = [{ name: 'find_tools', ok: true, text: 'Tools matching "labels":\ngitea__issue_action_7(owner, repo, …) — …' }];
    const r = await route('continue', MANY, last);
    expect(r.names).toContain('gitea__issue_action_7');
  });

  it('adds no find_tools and no outside tool when there are none (the default session is unchanged)', async () => {
    const r = await route('open an issue about the crash', []);
    expect(r.names).not.toContain('find_tools');
  });
});

describe('find_tools', () => {
  it('finds tools by keyword across every server and says they come next step', async () => {
    const box = createToolbox(() => [outside('weather', 'forecast', 'Get the weather forecast for a city'), ...MANY.slice(0, 3)]);
    const r = await box.byName('find_tools')!.run({ query: 'weather forecast' }, { root: '/', signal: new AbortController().signal, outputCap: 4000 });
    expect(r.ok).toBe(true);
    expect(r.forModel.split('\n')[1]).toMatch(/^weather__forecast\(owner, repo/);
    expect(r.forModel).toMatch(/next step/);
  });
});
