// Public result shapes of the tool-call parser and the internal shapes its strategies share.
// Strategies find raw calls in text; the finalizer resolves names and validates arguments.
import type { ToolSpec } from '../types/tool-spec';

export interface ParseOptions {
  /** The offered tools; undefined = any name is accepted verbatim. */
  tools?: ToolSpec[];
}

export interface ParsedCall {
  name: string;
  arguments: Record<string, unknown>;
  id?: string;
  /** The strategy (dialect) that found the call, e.g. "tagged", "json", "function-xml". */
  strategy: string;
}

export interface Diagnostic {
  strategy: string;
  kind: 'matched' | 'repaired' | 'unknown_tool' | 'invalid_args' | 'ignored';
  detail: string;
}

export interface ParseResult {
  calls: ParsedCall[];
  /** Leftover prose: calls and <think> blocks removed, trimmed. */
  text: string;
  diagnostics: Diagnostic[];
  /** Text for the model when a call was intended but cannot be used: short, with the exact form. */
  repair?: string;
  /** True when the text looks like an intended tool call we could not read or use. */
  intendedButUnreadable: boolean;
}

/** A call as a strategy found it: name and arguments not yet resolved or validated. */
export interface RawCall {
  name: string;
  args: unknown;
  id?: string;
  /** True when the dialect states a call unambiguously (tags, special tokens, call-shaped JSON):
   * an unknown name is then reported to the model instead of being silently ignored. */
  explicit: boolean;
}

/** One region of the text a strategy claimed. */
export interface Found {
  start: number;
  end: number;
  calls: RawCall[];
  /** Named repairs applied while reading this region ("trailing comma", "unclosed tag" …). */
  repairs: string[];
  /** Set when the region is clearly a call attempt that could not be read. */
  unreadable?: string;
  /** Set when the region was recognised but deliberately not taken as a call (an example, a
   * hallucinated result …): it stays in the prose and is reported as 'ignored'. */
  ignored?: string;
}

/** What every strategy gets: the offered tools (if any) and a cheap name check. */
export interface StrategyContext {
  tools?: ToolSpec[];
  /** True when `name` resolves to an offered tool without a near-miss guess (always true without tools
   * when `loose` is set). Weak dialects (pythonic, XML elements, YAML) only accept such names. */
  knows(name: string): boolean;
  /** knows(), and the name cannot be an ordinary word: it has a separator or camel case, or it is
   * exactly an offered tool. `<edit>`, `view(…)` or {"search": …} alone are not taken as calls. */
  knowsStrongly(name: string): boolean;
  /** True when `pos` lies inside an argument value of a call in a dialect that delimits its values
   * (see value-spans.ts): a tag or call written there is the value's text. */
  inValue(pos: number): boolean;
}

export interface Strategy {
  name: string;
  /** Pure: text in (already-claimed regions blanked out), regions out. */
  find(text: string, ctx: StrategyContext): Found[];
}
