// A small, forgiving .env reader: KEY=VALUE lines, optional `export`, quotes, # comments.
// Never throws on a malformed line; reports it so the user can fix the file.
export interface DotenvResult {
  values: Record<string, string>;
  problems: string[];
}

export function parseDotenv(text: string, fileLabel = '.env'): DotenvResult {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      problems.push(`${fileLabel}:${i + 1}: expected KEY=VALUE, got "${line.slice(0, 40)}"`);
      return;
    }
    let value = m[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) {
      value = value.slice(1, value.lastIndexOf(quote));
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    values[m[1]] = value;
  });
  return { values, problems };
}
