// The model the real-server suite serves: a vocabulary learned from SmallCode's own sources
// (code and English, like the prompts it will tokenize), Qwen2.5's real chat template from the
// llama.cpp checkout, and random weights. Deterministic for a given source tree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSpmVocab } from './spm-vocab';
import { writeRandomModel } from './random-model';

/** The template llama.cpp keeps among its test templates: ChatML with tools and <tool_call>. */
export const TEMPLATE_FILE = path.join('models', 'templates', 'Qwen-Qwen2.5-7B-Instruct.jinja');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts')) out.push(fs.readFileSync(p, 'utf8'));
  }
  return out;
}

export interface TestModel {
  file: string;
  /** The same model except that its free replies are invalid UTF-8 (see random-model.ts). */
  garbledFile: string;
  vocabSize: number;
  parameters: number;
  /** Ids a test steering native calls needs (see spm-vocab.ts TOOL_CALL_LINE). */
  tokens: { toolCallLine: number; endOfTurn: number };
}

export function writeTestModel(dir: string, o: { llamaCppSource: string; corpusDir: string; layers?: number; width?: number }): TestModel {
  const template = fs.readFileSync(path.join(o.llamaCppSource, TEMPLATE_FILE), 'utf8');
  const vocab = buildSpmVocab(sources(o.corpusDir).join('\n'), 3000);
  const file = path.join(dir, 'random-qwen-chatml.gguf');
  const garbledFile = path.join(dir, 'random-qwen-chatml-garbled.gguf');
  const { parameters } = writeRandomModel(file, { vocab, chatTemplate: template, layers: o.layers, width: o.width });
  writeRandomModel(garbledFile, { vocab, chatTemplate: template, layers: o.layers, width: o.width, garbled: true });
  return { file, garbledFile, vocabSize: vocab.tokens.length, parameters, tokens: { toolCallLine: vocab.toolCallLine, endOfTurn: vocab.endOfTurn } };
}
