// Fast token estimates (one O(n) pass over char codes, no tokenizer) calibrated by the server's
// reported prompt tokens, plus a per-message cache so counting a long history is incremental.
import type { ChatMessage } from '../types/messages';

/** Template tokens per message, e.g. `<|im_start|>role\n … <|im_end|>\n`. */
export const MESSAGE_OVERHEAD = 5;
/** Tokens the template adds once per prompt (assistant priming, BOS). */
export const PROMPT_OVERHEAD = 3;
/** Head-room multiplied into every `count`: estimates err, overflows cost far more. */
export const SAFETY = 1.05;

const RATIO_MIN = 0.5;
const RATIO_MAX = 2.5;
const EMA_ALPHA = 0.3;
/** A sample whose ratio falls outside this is a truncation or a mismatched prompt: ignored. */
const SAMPLE_MIN = 0.35;
const SAMPLE_MAX = 3.5;
/** Prompts below this size are dominated by template noise: not used for calibration. */
const MIN_CALIBRATION_TOKENS = 64;
/** Once calibrated, a sample this far from the current ratio is an outlier (e.g. a server that
 * silently dropped half the prompt) — unless OUTLIER_RUN such samples in a row agree. */
const OUTLIER_LOW = 0.7;
const OUTLIER_HIGH = 1.4;
const OUTLIER_RUN = 3;

export interface TokenCounter {
  /** Raw (uncalibrated) estimate for a text. */
  estimate(text: string): number;
  /** Raw estimate for one message including its template overhead (cached per message object). */
  estimateMessage(message: ChatMessage): number;
  /** Raw estimate for a whole prompt; `toolsText` is the rendered tool schemas, if any. */
  estimateMessages(messages: ChatMessage[], toolsText?: string): number;
  /** Feeds one observation: our raw estimate of a prompt vs the server's prompt tokens. Returns whether it was used. */
  calibrate(estimated: number, reported: number): boolean;
  /** Current calibration ratio (server tokens per estimated token). */
  ratio(): number;
  /** Calibrated budget count of a text: estimate × ratio × SAFETY, rounded up. */
  count(text: string): number;
  /** Calibrated budget count of a prompt (same scaling as `count`). */
  countMessages(messages: ChatMessage[], toolsText?: string): number;
  /** Scales a raw estimate into a budget count. */
  scale(raw: number): number;
  /** How many calibration samples were accepted. */
  samples(): number;
}

function isCjk(c: number): boolean {
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Coefficients fitted against the Qwen3 tokenizer on code, prose, Markdown and JSON samples:
 * a letter run costs ~0.9 plus ~0.11 per letter beyond 6 (long identifiers split), digits are
 * single tokens (Qwen splits numbers per digit), a punctuation run ~0.58 + 0.25 per char, a
 * newline run (with its indentation) ~1.3, CJK ~0.6 per char, other non-ASCII ~1.5.
 */
export function estimateTokens(text: string): number {
  let t = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isLetter(text.charCodeAt(j))) j++;
      const len = j - i;
      t += 0.9 + (len > 6 ? (len - 6) * 0.11 : 0);
      i = j;
    } else if (c >= 48 && c <= 57) {
      t += 1;
      i++;
    } else if (c === 10 || c === 13) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d !== 10 && d !== 13 && d !== 32 && d !== 9) break;
        j++;
      }
      t += 1.3;
      i = j;
    } else if (c === 32 || c === 9) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j - i > 1) t += 1;
      i = j;
    } else if (c < 128) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d >= 128 || d <= 32 || (d >= 48 && d <= 57) || isLetter(d)) break;
        j++;
      }
      t += 0.58 + 0.25 * (j - i);
      i = j;
    } else if (isCjk(c)) {
      t += 0.6;
      i++;
    } else {
      // Surrogate pairs (emoji) count once for the pair.
      t += 1.5;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
  }
  return Math.ceil(t);
}

function toolCallsText(m: ChatMessage): string {
  if (!m.toolCalls?.length) return '';
  return m.toolCalls.map((c) => `{"name":"${c.name}","arguments":${JSON.stringify(c.arguments)}}`).join('\n');
}

export function createTokenCounter(initialRatio = 1): TokenCounter {
  let r = clamp(initialRatio);
  let accepted = 0;
  let outliers: number[] = [];
  // Keyed by message object; the content is re-checked so a mutated message is recounted.
  const cache = new WeakMap<ChatMessage, { content: string; calls: unknown; n: number }>();

  const estimateMessage = (m: ChatMessage): number => {
    const hit = cache.get(m);
    if (hit && hit.content === m.content && hit.calls === m.toolCalls) return hit.n;
    let n = MESSAGE_OVERHEAD + estimateTokens(m.content);
    if (m.toolCalls?.length) n += estimateTokens(toolCallsText(m)) + 4 * m.toolCalls.length;
    cache.set(m, { content: m.content, calls: m.toolCalls, n });
    return n;
  };

  const estimateMessages = (messages: ChatMessage[], toolsText?: string): number => {
    let n = PROMPT_OVERHEAD;
    for (const m of messages) n += estimateMessage(m);
    if (toolsText) n += estimateTokens(toolsText);
    return n;
  };

  const scale = (raw: number): number => Math.ceil(raw * r * SAFETY);

  return {
    estimate: estimateTokens,
    estimateMessage,
    estimateMessages,
    calibrate(estimated, reported) {
      if (!(estimated >= MIN_CALIBRATION_TOKENS) || !(reported > 0) || !Number.isFinite(reported)) return false;
      const sample = reported / estimated;
      if (sample < SAMPLE_MIN || sample > SAMPLE_MAX) return false;
      if (accepted > 0 && (sample / r < OUTLIER_LOW || sample / r > OUTLIER_HIGH)) {
        // A different model or template really does shift the ratio: accept it when it persists.
        outliers.push(sample);
        if (outliers.length < OUTLIER_RUN) return false;
        const recent = outliers.slice(-OUTLIER_RUN);
        const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
        if (!recent.every((x) => Math.abs(x - mean) <= mean * 0.15)) return false;
        r = clamp(mean);
        outliers = [];
        accepted++;
        return true;
      }
      outliers = [];
      r = clamp(accepted === 0 ? sample : r + EMA_ALPHA * (sample - r));
      accepted++;
      return true;
    },
    ratio: () => r,
    count: (text) => scale(estimateTokens(text)),
    countMessages: (messages, toolsText) => scale(estimateMessages(messages, toolsText)),
    scale,
    samples: () => accepted,
  };
}

function clamp(x: number): number {
  if (!Number.isFinite(x)) return 1;
  return Math.min(RATIO_MAX, Math.max(RATIO_MIN, x));
}
