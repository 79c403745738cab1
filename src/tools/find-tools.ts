// find_tools: the model searches every tool it could use (MCP servers' included) by keyword when
// the step's routed set lacks what it needs; the tools it finds are offered on its next step.
import type { Tool } from './types';
import { toolOk, toolError } from './result';
import { signatureLine } from './tool-text';
import { toolScore, wordsOf } from './tool-match';

const MAX_HITS = 5;

export function createFindToolsTool(all: () => Tool[]): Tool<{ query?: unknown }> {
  return {
    name: 'find_tools',
    description: 'Search all tools (MCP servers too) by keywords; the ones found are offered on your next step',
    parameters: { type: 'object', properties: { query: { type: 'string', description: 'keywords, e.g. "github issue"' } }, required: ['query'] },
    risk: 'read',
    async run(args) {
      const query = typeof args.query === 'string' ? args.query.trim() : '';
      if (query === '') return toolError('bad_args', 'find_tools needs a "query": a few keywords for what the tool should do.');
      const words = wordsOf(query);
      const hits = all()
        .filter((t) => t.name !== 'find_tools')
        .map((tool, i) => ({ tool, i, score: toolScore(tool, query, words) }))
        .filter((h) => h.score > 0)
        .sort((a, b) => b.score - a.score || a.i - b.i)
        .slice(0, MAX_HITS);
      if (hits.length === 0) {
        return toolOk(`No tool matches "${query}". Try other words, or do the step with the tools you have.`, `"${query}" · no match`, { kind: 'text' });
      }
      const lines = hits.map((h) => signatureLine(h.tool));
      return toolOk(
        [`Tools matching "${query}" (you can call them on your next step):`, ...lines].join('\n'),
        `"${query}" · ${hits.length} tool${hits.length === 1 ? '' : 's'}`,
        { kind: 'text' },
      );
    },
  };
}
