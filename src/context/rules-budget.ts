// The project's rules within their share of the window: whole sections while they fit, then a
// note naming what was left out and how to read it — never an overflow. On an 8k window the
// share is ~650 tokens, so a long AGENTS.md is cut to its first sections.

export interface RulesInput {
  label: string;
  text: string;
}

export interface FittedRules {
  /** The text for the prompt ('' when there are no rules). */
  text: string;
  tokens: number;
  /** Per file: sections shown of all, for /rules. */
  files: { label: string; tokens: number; sections: number; shown: number }[];
}

/** The rules share: 8 % of the window, at least 200 tokens. */
export function rulesShare(window: number): number {
  return Math.max(200, Math.round(window * 0.08));
}

/** Splits Markdown at its headings; text before the first heading is a section of its own. */
export function sections(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^#{1,6}\s/.test(line) && current.some((l) => l.trim() !== '')) {
      out.push(current.join('\n').trim());
      current = [];
    }
    current.push(line);
  }
  if (current.some((l) => l.trim() !== '')) out.push(current.join('\n').trim());
  return out;
}

const header = (label: string) => `Project instructions from ${label} (follow them):`;

export function fitRules(files: RulesInput[], maxTokens: number, count: (text: string) => number): FittedRules {
  const parts: string[] = [];
  const report: FittedRules['files'] = [];
  const used = () => count(parts.join('\n\n'));
  for (const file of files) {
    const secs = sections(file.text);
    const before = used();
    parts.push(header(file.label));
    let shown = 0;
    for (const s of secs) {
      parts.push(s);
      if (used() > maxTokens) {
        parts.pop();
        // Not even the first section fits: its first lines, so the rules are never dropped whole.
        if (shown === 0) {
          const lines = s.split('\n');
          while (lines.length > 1 && count([...parts, lines.join('\n')].join('\n\n')) > maxTokens - 40) lines.pop();
          parts.push(lines.join('\n'));
        }
        break;
      }
      shown++;
    }
    if (shown < secs.length) {
      const left = secs.length - shown;
      parts.push(`(${file.label} continues: ${left} more section${left === 1 ? '' : 's'} not shown here — read_file ${file.label} when you need them.)`);
    }
    report.push({ label: file.label, tokens: used() - before, sections: secs.length, shown });
    if (used() >= maxTokens) break;
  }
  const text = parts.join('\n\n');
  return { text, tokens: text === '' ? 0 : count(text), files: report };
}
