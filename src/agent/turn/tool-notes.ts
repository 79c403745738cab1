// Text tools are described in the append-only history, each once (again only after compaction
// folded its description away); the step note just names the step's set. Re-sending descriptions
// after the cached prefix on every step would cost prefill each time.
import type { ChatMessage } from '../../types/messages';
import type { Tool } from '../../tools/types';
import type { TokenCounter } from '../../context/token-counter';
import { describeToolsCompact, signatureLine } from '../../tools/tool-text';
import type { HistoryStore } from '../history-store';

/** Appends descriptions of the offered tools the history does not describe yet; returns the
 * tokens all tool descriptions in the history take (the gauge's tools share). */
export function describeInHistory(history: HistoryStore, notes: Map<string, ChatMessage>, offered: Tool[], counter: TokenCounter): number {
  const live = new Set(history.get());
  for (const [name, message] of [...notes]) if (!live.has(message)) notes.delete(name);
  const missing = offered.filter((t) => !notes.has(t.name));
  if (missing.length > 0) {
    // The first description carries the call format; later ones only add signature lines.
    const content = notes.size === 0 ? describeToolsCompact(missing) : ['More tools you can use:', ...missing.map(signatureLine)].join('\n');
    const message: ChatMessage = { role: 'user', content, origin: 'harness' };
    history.append(message);
    for (const t of missing) notes.set(t.name, message);
  }
  let tokens = 0;
  for (const m of new Set(notes.values())) tokens += counter.count(m.content);
  return tokens;
}

export function routedToolsText(offered: Tool[]): string {
  return `Tools for this step: ${offered.map((t) => t.name).join(', ')}.`;
}
