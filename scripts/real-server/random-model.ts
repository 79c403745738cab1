// Writes a random-weight llama-architecture GGUF that llama-server loads and serves: our SPM
// vocabulary, a real chat template, and output weights arranged so that byte, unknown and
// control tokens are never sampled (the reply stays valid UTF-8) and the reply ends by itself.
import { writeGguf, type GgufTensor, type GgufValue } from './gguf-writer';
import type { SpmVocab } from './spm-vocab';

export interface RandomModelOptions {
  vocab: SpmVocab;
  /** Jinja chat template, e.g. Qwen2.5's ChatML with tools. */
  chatTemplate: string;
  layers?: number;
  width?: number;
  heads?: number;
  feedForward?: number;
  trainedContext?: number;
  seed?: number;
  /**
   * The broken variant: UTF-8 continuation bytes (0x80-0xBF) become the likeliest tokens, so
   * every free reply is invalid UTF-8 — what makes llama-server fail after a whole generation.
   */
  garbled?: boolean;
  /** Logit lift of the end-of-turn token: higher → shorter free replies (default 2.5: 5-40 tokens). */
  endOfTurnBias?: number;
}

/** Deterministic N(0, 1) samples (mulberry32 + Box-Muller). */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
}

/**
 * Residual dimension 0 carries a constant: every embedding has ANCHOR there and no layer
 * writes to it (row 0 of attn_output and ffn_down is zero). After the final norm it is a
 * steady positive number, so an output row's dim-0 weight acts as a per-token logit bias.
 */
const ANCHOR = 4;
const NEVER = -100;
const GARBLE = 10;

export function writeRandomModel(file: string, o: RandomModelOptions): { parameters: number } {
  const { vocab } = o;
  const nVocab = vocab.tokens.length;
  const nEmbd = o.width ?? 64;
  const nHead = o.heads ?? 4;
  const nFf = o.feedForward ?? nEmbd * 2;
  const nLayer = o.layers ?? 2;
  const headDim = nEmbd / nHead;
  const rnd = gaussian(o.seed ?? 1234);
  const tensors: GgufTensor[] = [];
  const matrix = (name: string, inDim: number, outDim: number, scale: number, row0Zero = false) => {
    const data = new Float32Array(inDim * outDim);
    for (let i = 0; i < data.length; i++) data[i] = rnd() * scale;
    if (row0Zero) data.fill(0, 0, inDim);
    tensors.push({ name, dims: [inDim, outDim], data });
  };
  const ones = (name: string) => tensors.push({ name, dims: [nEmbd], data: new Float32Array(nEmbd).fill(1) });

  const embd = new Float32Array(nEmbd * nVocab);
  for (let t = 0; t < nVocab; t++) {
    embd[t * nEmbd] = ANCHOR;
    for (let d = 1; d < nEmbd; d++) embd[t * nEmbd + d] = rnd();
  }
  tensors.push({ name: 'token_embd.weight', dims: [nEmbd, nVocab], data: embd });
  for (let l = 0; l < nLayer; l++) {
    const p = `blk.${l}.`;
    ones(`${p}attn_norm.weight`);
    matrix(`${p}attn_q.weight`, nEmbd, nEmbd, 1 / Math.sqrt(nEmbd));
    matrix(`${p}attn_k.weight`, nEmbd, nEmbd, 1 / Math.sqrt(nEmbd));
    matrix(`${p}attn_v.weight`, nEmbd, nEmbd, 1 / Math.sqrt(nEmbd));
    matrix(`${p}attn_output.weight`, nEmbd, nEmbd, 1 / Math.sqrt(nEmbd), true);
    ones(`${p}ffn_norm.weight`);
    matrix(`${p}ffn_gate.weight`, nEmbd, nFf, 1 / Math.sqrt(nEmbd));
    matrix(`${p}ffn_up.weight`, nEmbd, nFf, 1 / Math.sqrt(nEmbd));
    matrix(`${p}ffn_down.weight`, nFf, nEmbd, 1 / Math.sqrt(nFf), true);
  }
  ones('output_norm.weight');
  const out = new Float32Array(nEmbd * nVocab);
  const never = new Set(vocab.neverEmit);
  for (let t = 0; t < nVocab; t++) {
    for (let d = 1; d < nEmbd; d++) out[t * nEmbd + d] = rnd() * 0.3;
    if (never.has(t)) out[t * nEmbd] = NEVER;
    if (o.garbled && /^<0x[89AB][0-9A-F]>$/.test(vocab.tokens[t].text)) out[t * nEmbd] = GARBLE;
  }
  out[vocab.endOfTurn * nEmbd] = o.endOfTurnBias ?? 2.5;
  tensors.push({ name: 'output.weight', dims: [nEmbd, nVocab], data: out });

  const kv: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: 'llama' },
    'general.name': { type: 'string', value: 'smallcode-random-test-model' },
    'general.file_type': { type: 'u32', value: 0 },
    'llama.context_length': { type: 'u32', value: o.trainedContext ?? 32768 },
    'llama.embedding_length': { type: 'u32', value: nEmbd },
    'llama.block_count': { type: 'u32', value: nLayer },
    'llama.feed_forward_length': { type: 'u32', value: nFf },
    'llama.attention.head_count': { type: 'u32', value: nHead },
    'llama.attention.head_count_kv': { type: 'u32', value: nHead },
    'llama.rope.dimension_count': { type: 'u32', value: headDim },
    'llama.rope.freq_base': { type: 'f32', value: 10000 },
    'llama.attention.layer_norm_rms_epsilon': { type: 'f32', value: 1e-5 },
    'llama.vocab_size': { type: 'u32', value: nVocab },
    'tokenizer.ggml.model': { type: 'string', value: 'llama' },
    'tokenizer.ggml.tokens': { type: 'string[]', value: vocab.tokens.map((t) => t.text) },
    'tokenizer.ggml.scores': { type: 'f32[]', value: vocab.tokens.map((t) => t.score) },
    'tokenizer.ggml.token_type': { type: 'i32[]', value: vocab.tokens.map((t) => t.type) },
    'tokenizer.ggml.unknown_token_id': { type: 'u32', value: vocab.unk },
    'tokenizer.ggml.bos_token_id': { type: 'u32', value: vocab.bos },
    'tokenizer.ggml.eos_token_id': { type: 'u32', value: vocab.eos },
    'tokenizer.ggml.padding_token_id': { type: 'u32', value: vocab.bos },
    'tokenizer.ggml.add_bos_token': { type: 'bool', value: false },
    'tokenizer.ggml.add_eos_token': { type: 'bool', value: false },
    // SPM's default (true) puts a space after every special token; llama.cpp then replays the
    // generation prompt through tool-call and json_schema grammars, which fail to initialise.
    'tokenizer.ggml.add_space_prefix': { type: 'bool', value: false },
    'tokenizer.chat_template': { type: 'string', value: o.chatTemplate },
  };
  writeGguf(file, kv, tensors);
  return { parameters: tensors.reduce((n, t) => n + t.data.length, 0) };
}
