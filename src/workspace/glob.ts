// A tiny glob → RegExp for list_files and search_files: `*`, `**`, `?`, `[abc]`, `{a,b}`.
// A pattern without a slash matches the file's base name at any depth (like .gitignore).

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** Translates one glob into a RegExp source fragment (no anchors). */
function translate(glob: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a bare `**` matches anything.
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      braceDepth++;
      out += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (c === ',' && braceDepth > 0) {
      out += '|';
    } else {
      out += escapeChar(c);
    }
  }
  return out + ')'.repeat(braceDepth);
}

export interface GlobMatcher {
  /** `rel` uses forward slashes. */
  matches(rel: string): boolean;
}

/** Compiles `glob`; a pattern with no `/` is tested against the base name only. */
export function compileGlob(glob: string): GlobMatcher {
  const clean = glob.trim().replace(/^\.\//, '');
  const baseOnly = !clean.includes('/');
  let re: RegExp;
  try {
    re = new RegExp(`^${translate(clean)}$`);
  } catch {
    re = new RegExp(`^${clean.split('').map(escapeChar).join('')}$`);
  }
  return {
    matches(rel: string): boolean {
      const target = baseOnly ? rel.slice(rel.lastIndexOf('/') + 1) : rel;
      return re.test(target);
    },
  };
}
