// A SentencePiece-style ("llama" tokenizer) vocabulary for the random test model: control and
// byte tokens, printable characters, and a few thousand multi-character pieces learned by BPE
// from a text corpus, so prompts tokenize about as densely as with a real model's tokenizer.

/** GGUF token types (llama.cpp `llama_token_type`). */
export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, byte: 6 } as const;

export interface VocabToken {
  text: string;
  score: number;
  type: number;
}

export interface SpmVocab {
  tokens: VocabToken[];
  unk: number;
  bos: number;
  eos: number;
  /** Ids the model must never emit on its own (the writer gives them strongly negative logits). */
  neverEmit: number[];
  /** The end-of-turn token the chat template closes each message with. */
  endOfTurn: number;
  /** A normal piece "<tool_call>\n" (see TOOL_CALL_LINE). */
  toolCallLine: number;
}

/**
 * One normal token for the whole opening line of a call. Prompts never use it (the tokenizer
 * splits `<tool_call>` out as its own token first), and the model never emits it unprompted;
 * a test that must make the model start a native call gives it a logit bias: llama.cpp's
 * "required" grammar lets content come before `<tool_call>\n`, and biasing `<tool_call>` alone
 * only repeats it as content.
 */
export const TOOL_CALL_LINE = '<tool_call>\n';

/** SPM writes a space as U+2581. */
export const SPACE = '\u2581';

/** Qwen2.5's ChatML control tokens and its tool-call tags. */
const CONTROL = ['<|im_start|>', '<|im_end|>', '<|endoftext|>'];
const USER_DEFINED = ['<tool_call>', '</tool_call>', '<tool_response>', '</tool_response>'];

/** Splits corpus text into word-like units (a leading space is part of the word, as in SPM). */
function words(corpus: string): Map<string, number> {
  const counts = new Map<string, number>();
  const text = corpus.replace(/ /g, SPACE);
  for (const m of text.matchAll(/▁?[A-Za-z]+|▁?[0-9]+|▁?[^A-Za-z0-9▁\s]+|▁+|\n+|\t+/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/**
 * Learns `pieces` merges by byte-pair encoding over the corpus's words. Scores are minus the
 * merge rank: llama.cpp's SPM tokenizer merges the highest-scoring pair first, which replays
 * the merges in the order they were learned.
 */
function learnPieces(corpus: string, alphabet: Map<string, number>, pieces: number): string[] {
  const symbols: string[] = [...alphabet.keys()];
  const entries = [...words(corpus)].filter(([w]) => [...w].every((c) => alphabet.has(c)));
  const seqs = entries.map(([w]) => [...w].map((c) => alphabet.get(c)!));
  const freq = entries.map(([, n]) => n);
  const key = (a: number, b: number) => a * 1_000_003 + b;
  const pairs = new Map<number, number>();
  const add = (seq: number[], n: number) => {
    for (let i = 0; i + 1 < seq.length; i++) pairs.set(key(seq[i], seq[i + 1]), (pairs.get(key(seq[i], seq[i + 1])) ?? 0) + n);
  };
  for (const [i, s] of seqs.entries()) add(s, freq[i]);
  const learned: string[] = [];
  const known = new Set(symbols);
  while (learned.length < pieces) {
    let best = -1;
    let bestCount = 1;
    for (const [k, n] of pairs) if (n > bestCount || (n === bestCount && best >= 0 && k < best)) [best, bestCount] = [k, n];
    if (best < 0) break;
    const a = Math.floor(best / 1_000_003);
    const b = best % 1_000_003;
    const merged = symbols[a] + symbols[b];
    const id = symbols.length;
    symbols.push(merged);
    if (!known.has(merged)) {
      known.add(merged);
      learned.push(merged);
    }
    for (let w = 0; w < seqs.length; w++) {
      const seq = seqs[w];
      let hit = false;
      for (let i = 0; i + 1 < seq.length; i++) if (seq[i] === a && seq[i + 1] === b) hit = true;
      if (!hit) continue;
      add(seq, -freq[w]);
      const next: number[] = [];
      for (let i = 0; i < seq.length; i++) {
        if (i + 1 < seq.length && seq[i] === a && seq[i + 1] === b) {
          next.push(id);
          i++;
        } else next.push(seq[i]);
      }
      seqs[w] = next;
      add(next, freq[w]);
    }
    for (const [k, n] of pairs) if (n <= 0) pairs.delete(k);
  }
  return learned;
}

/** Builds the vocabulary: ids 0-2 unk/bos/eos, ChatML specials, 256 byte tokens, characters, pieces. */
export function buildSpmVocab(corpus: string, pieces = 3000): SpmVocab {
  const tokens: VocabToken[] = [
    { text: '<unk>', score: 0, type: TOKEN_TYPE.unknown },
    { text: '<s>', score: 0, type: TOKEN_TYPE.control },
    { text: '</s>', score: 0, type: TOKEN_TYPE.control },
  ];
  for (const t of CONTROL) tokens.push({ text: t, score: 0, type: TOKEN_TYPE.control });
  for (const t of USER_DEFINED) tokens.push({ text: t, score: 0, type: TOKEN_TYPE.userDefined });
  for (let b = 0; b < 256; b++) tokens.push({ text: `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, score: 0, type: TOKEN_TYPE.byte });
  // Characters: printable ASCII, newline and tab, and any other character the corpus uses often.
  const charCounts = new Map<string, number>();
  for (const c of corpus.replace(/ /g, SPACE)) charCounts.set(c, (charCounts.get(c) ?? 0) + 1);
  const chars = new Set<string>([SPACE, '\n', '\t']);
  for (let c = 0x21; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const [c, n] of charCounts) if (n >= 3) chars.add(c);
  const alphabet = new Map<string, number>();
  for (const c of chars) alphabet.set(c, alphabet.size);
  for (const c of chars) tokens.push({ text: c, score: -1_000_000, type: TOKEN_TYPE.normal });
  for (const [rank, p] of learnPieces(corpus, alphabet, pieces).entries()) tokens.push({ text: p, score: -rank, type: TOKEN_TYPE.normal });
  tokens.push({ text: TOOL_CALL_LINE, score: -1_000_000, type: TOKEN_TYPE.normal });
  const id = (t: string) => tokens.findIndex((x) => x.text === t);
  const toolCallLine = tokens.length - 1;
  const neverEmit = tokens.flatMap((t, i) => ((t.type === TOKEN_TYPE.normal && i !== toolCallLine) || t.text === '<|im_end|>' ? [] : [i]));
  return { tokens, unk: 0, bos: id('<|endoftext|>'), eos: id('<|im_end|>'), neverEmit, endOfTurn: id('<|im_end|>'), toolCallLine };
}
