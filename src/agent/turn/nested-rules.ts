// Rules that live next to the code: after the model writes a file, the AGENTS.md / CLAUDE.md of
// the folders on its path (nearest last) are appended to the history once each — appended, so
// the cached prefix stays as it was.
import { nestedRules } from '../../checks/rules';
import { fitRules, rulesShare } from '../../context/rules-budget';
import type { TokenCounter } from '../../context/token-counter';
import type { HistoryStore } from '../history-store';
import { noteMessage } from '../history-format';

export function showNestedRules(root: string, written: string[], shown: Set<string>, history: HistoryStore, counter: TokenCounter, window: number): void {
  const fresh = written.flatMap((p) => nestedRules(root, p)).filter((r) => !shown.has(r.label));
  const unique = fresh.filter((r, i) => fresh.findIndex((o) => o.label === r.label) === i);
  if (unique.length === 0) return;
  for (const r of unique) shown.add(r.label);
  // Half the rules share: the root rules already take their part of the window.
  const fitted = fitRules(unique, Math.floor(rulesShare(window) / 2), (t) => counter.count(t));
  history.append(noteMessage(`The folder you are editing has its own instructions.\n${fitted.text}`));
}
