// The shapes of model profiles: what a family's authors recommend (sampling, tool protocol,
// thinking), the user's overrides, and the resolved result where every value names its source.

export type ThinkingSetting = 'off' | 'on' | 'low' | 'medium' | 'high';
export type ToolPreference = 'native' | 'text';

export interface Sampling {
  temperature?: number;
  topP?: number;
  topK?: number;
  minP?: number;
  repeatPenalty?: number;
  presencePenalty?: number;
}

/** Everything a profile, a models.yaml rule or a flag may set. */
export interface ProfileValues extends Sampling {
  /** Which tool protocol works better with this family (used when SMALLCODE_TOOLS=auto). */
  tools?: ToolPreference;
  thinking?: ThinkingSetting;
  stop?: string[];
}

export type ProfileKey = keyof ProfileValues;
export const SAMPLING_KEYS = ['temperature', 'topP', 'topK', 'minP', 'repeatPenalty', 'presencePenalty'] as const satisfies readonly (keyof Sampling)[];
export const PROFILE_KEYS = [...SAMPLING_KEYS, 'tools', 'thinking', 'stop'] as const satisfies readonly ProfileKey[];

/** How a family's reasoning can be steered. */
export type ThinkingControl =
  | { kind: 'none' } // the model never thinks
  | { kind: 'switch'; noThinkTag?: string } // hybrid: on/off (Ollama `think`, `enable_thinking`, or a soft tag)
  | { kind: 'effort' } // always reasons; only its effort can be lowered (gpt-oss)
  | { kind: 'always' }; // always reasons and cannot be steered; its text is kept out of the history

export interface ModelProfile {
  id: string;
  name: string;
  /** Model-name patterns, tried on the lower-cased name; the table lists specific families first. */
  names: RegExp[];
  /** Fragments of the chat template (llama.cpp /props chat_template) that identify the family. */
  templates?: string[][];
  /** Architecture / family names servers report (Ollama details.family, LM Studio arch). */
  families?: string[];
  values: ProfileValues;
  /** Sampling when thinking is on, where the card gives a separate set. */
  thinkingValues?: Sampling;
  thinking: ThinkingControl;
  /** Where the figures come from (the model card or generation_config.json). */
  source: string;
  /** The family's end-of-turn token, for the record: servers stop on it by themselves, and sending
   * `stop` would replace an Ollama Modelfile's own list, so profiles never send it. */
  endOfTurn?: string;
}

/** What the server told us about the model, for matching. */
export interface ModelFacts {
  model: string;
  /** Ollama details.family / general.architecture, LM Studio arch. */
  family?: string;
  /** llama.cpp /props chat_template (Jinja). */
  chatTemplate?: string;
  /** llama.cpp /props model_path. */
  modelPath?: string;
  /** Ollama lists the 'thinking' capability: only then may `think` be sent. */
  thinkingCapable?: boolean;
}

/** One user override: from models.yaml (user or workspace) or a flag. */
export interface OverrideRule {
  /** A model name or a glob with `*` (case-insensitive). */
  match: string;
  /** Use this built-in profile for matching models. */
  profile?: string;
  values: ProfileValues;
  /** Where the rule comes from, e.g. `~/.config/smallcode/models.yaml (qwen3-coder*)` or `--temperature`. */
  source: string;
}

export interface ResolvedValue<T> {
  value: T;
  source: string;
}

export type ResolvedValues = { [K in ProfileKey]?: ResolvedValue<NonNullable<ProfileValues[K]>> };

export interface ResolvedProfile {
  id: string;
  name: string;
  /** Why this profile: which rule matched. */
  reason: string;
  thinking: ThinkingControl;
  /** The server may be sent `think` (Ollama: the model has the 'thinking' capability). */
  thinkingCapable?: boolean;
  values: ResolvedValues;
}
