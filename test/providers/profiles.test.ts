// Model profiles: which profile a model gets (name, chat template, family), how user overrides
// stack with their sources, and the exact sampling fields each server kind receives — recorded
// on the scripted server through the real client libraries, identical on every request.
import { createProvider, type ProviderOptions } from '../../src/providers/create-provider';
import { matchProfile } from '../../src/providers/profiles/match-profile';
import { resolveProfile, ruleMatches } from '../../src/providers/profiles/resolve-profile';
import type { OverrideRule } from '../../src/providers/profiles/profile-types';
import { startScriptedServer, type ScriptedServer, type ScriptedServerOptions } from '../support/scripted-server';
import { collect, FAST_RETRY, never } from '../support/scripted-collect';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** The profile-controlled fields of a recorded chat request (Ollama: its options and `think`). */
const SAMPLING = ['temperature', 'top_p', 'top_k', 'min_p', 'repeat_penalty', 'repetition_penalty', 'presence_penalty', 'stop'];
const EXTRAS = ['think', 'chat_template_kwargs', 'reasoning_effort'];
function sent(body: unknown): Record<string, unknown> {
  const b = body as Record<string, unknown>;
  const source = (b.options as Record<string, unknown> | undefined) ?? b;
  const out: Record<string, unknown> = {};
  for (const k of SAMPLING) if (source[k] !== undefined) out[k] = source[k];
  for (const k of EXTRAS) if (b[k] !== undefined) out[k] = b[k];
  return out;
}

/** Two requests through the real client; returns what each carried. */
async function recorded(opts: Omit<ScriptedServerOptions, 'replies'>, model: string, extra: Partial<ProviderOptions> = {}) {
  const s = await startScriptedServer({ ...opts, models: [model], replies: [{ text: 'one' }, { text: 'two' }] });
  servers.push(s);
  const provider = opts.kind === 'ollama' ? 'ollama' : 'openai';
  const p = createProvider({ provider, baseUrl: s.url, model, retry: FAST_RETRY, ...extra });
  for (const text of ['first', 'second'])
    await collect(
      p.stream(
        {
          messages: [
            { role: 'system', content: 'You code.' },
            { role: 'user', content: text },
          ],
        },
        never(),
      ),
    );
  const [a, b] = s.chatRequests().map((r) => r.body);
  expect(sent(b)).toEqual(sent(a)); // the same on every request of a session
  return { body: a as Record<string, unknown>, fields: sent(a), info: await p.info() };
}

describe("Qwen3-Coder gets its card's sampling in each server kind's own form", () => {
  test('Ollama: options', async () => {
    const r = await recorded({ kind: 'ollama', family: 'qwen3moe' }, 'qwen3-coder:30b');
    expect(r.fields).toEqual({ temperature: 0.7, top_p: 0.8, top_k: 20, repeat_penalty: 1.05 });
  });
  test('llama.cpp: body fields with its extras', async () => {
    const r = await recorded({ kind: 'llamacpp' }, 'Qwen3-Coder-30B-A3B-Instruct-Q4_K_M');
    expect(r.fields).toEqual({ temperature: 0.7, top_p: 0.8, top_k: 20, repeat_penalty: 1.05 });
  });
  test('vLLM: repetition_penalty is its name for it', async () => {
    const r = await recorded({ kind: 'vllm' }, 'Qwen/Qwen3-Coder-30B-A3B-Instruct');
    expect(r.fields).toEqual({ temperature: 0.7, top_p: 0.8, top_k: 20, repetition_penalty: 1.05 });
  });
  test('LM Studio', async () => {
    const r = await recorded({ kind: 'lmstudio' }, 'qwen/qwen3-coder-30b');
    expect(r.fields).toEqual({ temperature: 0.7, top_p: 0.8, top_k: 20, repeat_penalty: 1.05 });
  });
});

describe("gpt-oss: temperature 1, top_p 1, reasoning effort low in each kind's form", () => {
  test('Ollama: think "low" when the model has the thinking capability', async () => {
    const r = await recorded({ kind: 'ollama', family: 'gptoss', thinking: true }, 'gpt-oss:20b');
    expect(r.fields).toEqual({ temperature: 1, top_p: 1, think: 'low' });
  });
  test('Ollama: no think field for a model without the capability (it would be a 400)', async () => {
    const r = await recorded({ kind: 'ollama', family: 'gptoss', thinking: false }, 'gpt-oss:20b');
    expect(r.fields).toEqual({ temperature: 1, top_p: 1 });
  });
  test('llama.cpp: chat_template_kwargs', async () => {
    const r = await recorded({ kind: 'llamacpp' }, 'gpt-oss-20b-mxfp4');
    expect(r.fields).toEqual({ temperature: 1, top_p: 1, chat_template_kwargs: { reasoning_effort: 'low' } });
  });
  test('vLLM: reasoning_effort', async () => {
    const r = await recorded({ kind: 'vllm' }, 'openai/gpt-oss-20b');
    expect(r.fields).toEqual({ temperature: 1, top_p: 1, reasoning_effort: 'low' });
  });
  test('LM Studio: reasoning_effort', async () => {
    const r = await recorded({ kind: 'lmstudio' }, 'openai/gpt-oss-20b');
    expect(r.fields).toEqual({ temperature: 1, top_p: 1, reasoning_effort: 'low' });
  });
});

describe('an unknown model gets greedy sampling and nothing else', () => {
  test.each([
    ['ollama', 'mystery-model:7b'],
    ['llamacpp', 'mystery-model'],
    ['vllm', 'org/mystery-model'],
    ['lmstudio', 'mystery-model'],
  ] as const)('%s', async (kind, model) => {
    const r = await recorded({ kind, family: 'llama' }, model);
    expect(r.fields).toEqual({ temperature: 0 });
    expect(r.info.profile).toMatchObject({ id: 'generic', reason: expect.stringContaining('no built-in profile') });
  });
});

describe('Qwen3 thinking off, however the server kind allows it', () => {
  test('Ollama: think false (model has the capability)', async () => {
    const r = await recorded({ kind: 'ollama', family: 'qwen3', thinking: true }, 'qwen3:8b');
    expect(r.fields).toEqual({ temperature: 0.7, top_p: 0.8, top_k: 20, min_p: 0, think: false });
  });
  test('llama.cpp and vLLM: enable_thinking false in chat_template_kwargs', async () => {
    for (const kind of ['llamacpp', 'vllm'] as const) {
      const r = await recorded({ kind }, 'Qwen/Qwen3-8B');
      expect(r.fields).toMatchObject({ chat_template_kwargs: { enable_thinking: false } });
    }
  });
  test('LM Studio (no switch): the /no_think soft tag ends the system prompt', async () => {
    const r = await recorded({ kind: 'lmstudio' }, 'qwen/qwen3-8b');
    expect(r.fields).toEqual({ temperature: 0.7, top_p: 0.8, top_k: 20 }); // no min_p: not in LM Studio's documented fields
    const messages = r.body.messages as { role: string; content: string }[];
    expect(messages[0]).toEqual({ role: 'system', content: 'You code.\n\n/no_think' });
  });
});

test('user overrides win in order, each with its source; a rule may choose the profile', async () => {
  const rules: OverrideRule[] = [
    { match: 'qwen3-coder*', values: { temperature: 0.5, topK: 40 }, source: '/home/u/.config/smallcode/models.yaml (qwen3-coder*)' },
    { match: 'qwen3-coder:30b', values: { temperature: 0.3 }, source: '/w/.smallcode/models.yaml (qwen3-coder:30b)' },
    { match: '*', values: { topP: 0.9 }, source: '--top-p' },
  ];
  const r = await recorded({ kind: 'ollama', family: 'qwen3moe' }, 'qwen3-coder:30b', { profileRules: rules });
  expect(r.fields).toEqual({ temperature: 0.3, top_p: 0.9, top_k: 40, repeat_penalty: 1.05 });
  expect(r.info.profile?.values).toMatchObject({
    temperature: { value: 0.3, source: '/w/.smallcode/models.yaml (qwen3-coder:30b)' },
    topP: { value: 0.9, source: '--top-p' },
    topK: { value: 40, source: '/home/u/.config/smallcode/models.yaml (qwen3-coder*)' },
    repeatPenalty: { value: 1.05, source: expect.stringContaining('built-in: https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct') },
  });
  const chosen = resolveProfile({ model: 'my-finetune' }, [
    { match: 'my-finetune', profile: 'qwen2.5-coder', values: {}, source: 'models.yaml (my-finetune)' },
  ]);
  expect(chosen).toMatchObject({ id: 'qwen2.5-coder', reason: 'models.yaml (my-finetune) chose profile "qwen2.5-coder" for "my-finetune"' });
});

test("thinking on switches to the card's thinking-mode sampling, keeping the user's own values", () => {
  const p = resolveProfile({ model: 'qwen3:8b' }, [{ match: '*', values: { thinking: 'on', topK: 30 }, source: 'flags' }]);
  expect(p?.values).toMatchObject({ temperature: { value: 0.6 }, topP: { value: 0.95 }, topK: { value: 30, source: 'flags' }, thinking: { value: 'on' } });
});

test('a cloud or unknown OpenAI-compatible endpoint gets nothing the user did not set', () => {
  expect(resolveProfile({ model: 'claude-sonnet-4' }, [], { fallback: false })).toBeUndefined();
  const only = resolveProfile({ model: 'claude-sonnet-4' }, [{ match: 'claude*', values: { temperature: 0.2 }, source: 'models.yaml (claude*)' }], {
    fallback: false,
  });
  expect(only).toMatchObject({ id: 'user', values: { temperature: { value: 0.2 } } });
  expect(Object.keys(only?.values ?? {})).toEqual(['temperature']);
});

describe('matching', () => {
  test.each([
    ['qwen3-coder:30b', 'qwen3-coder'],
    ['hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:Q4_K_M', 'qwen3-coder'],
    ['qwen3:8b', 'qwen3'],
    ['qwen3:30b-a3b-instruct-2507-q4_K_M', 'qwen3-instruct'],
    ['qwen3:4b-thinking-2507', 'qwen3-thinking'],
    ['qwen3.5:9b', 'qwen3.5'],
    ['deepseek-r1-0528-qwen3-8b', 'deepseek-r1'],
    ['qwen2.5-coder:7b-instruct-q4_K_M', 'qwen2.5-coder'],
    ['Qwen/Qwen2.5-7B-Instruct', 'qwen2.5'],
    ['gpt-oss:20b', 'gpt-oss'],
    ['mistralai/devstral-small-2507', 'devstral'],
    ['mistral-small3.2:24b', 'mistral-small'],
    ['gemma3:12b', 'gemma3'],
    ['google/gemma-4-31b-it', 'gemma4'],
    ['llama3.1:8b', 'llama3'],
    ['Meta-Llama-3.3-70B-Instruct', 'llama3'],
    ['deepseek-coder-v2:16b', 'deepseek-coder'],
    ['granite4:micro', 'granite'],
    ['phi4-mini', 'phi'],
    ['phi4-reasoning:14b', 'phi-reasoning'],
    ['codellama:7b', 'generic'],
  ])('%s → %s', (model, id) => {
    expect(matchProfile({ model }).profile.id).toBe(id);
  });

  test('a llama.cpp alias says nothing: the chat template, then the GGUF file name decide', () => {
    expect(matchProfile({ model: 'default', chatTemplate: '{{- "<|start|>assistant<|channel|>final<|message|>" }}' })).toMatchObject({
      profile: { id: 'gpt-oss' },
      reason: 'the server\'s chat template contains "<|channel|>"',
    });
    expect(matchProfile({ model: 'default', modelPath: '/models/Qwen2.5-Coder-7B-Instruct-Q4_K_M.gguf' }).profile.id).toBe('qwen2.5-coder');
  });

  test('an unhelpful name falls back to the family the server reports', () => {
    expect(matchProfile({ model: 'my-model:latest', family: 'gemma3' })).toMatchObject({
      profile: { id: 'gemma3' },
      reason: 'the server reports family "gemma3"',
    });
    expect(matchProfile({ model: 'my-model:latest', family: 'llama' }).profile.id).toBe('generic'); // llama is every second finetune
  });

  test('rule patterns: exact names (with or without :latest) and globs, case-insensitive', () => {
    expect(ruleMatches('qwen3-coder*', 'Qwen3-Coder:30B')).toBe(true);
    expect(ruleMatches('llama3.1', 'llama3.1:latest')).toBe(true);
    expect(ruleMatches('llama3.1', 'llama3.1:8b')).toBe(false);
    expect(ruleMatches('*', 'anything')).toBe(true);
    expect(ruleMatches('a.b*', 'axb')).toBe(false);
  });
});
