// `smallcode doctor` data: what discovery learned plus one tiny round trip that measures
// time to first token and generation speed. Never throws; problems land in `error`.
import { ProviderFailure } from './errors';
import { profileReport, type ProfileReport } from './profiles/profile-report';
import type { Provider, ProviderInfo, ServerKind } from './types';

export interface DoctorReport {
  ok: boolean;
  provider: ProviderInfo['provider'] | 'unknown';
  kind: ServerKind | 'unknown';
  baseUrl: string;
  model: string;
  serverVersion?: string;
  models: string[];
  contextWindow: number;
  contextSource: ProviderInfo['contextSource'];
  nativeTools: boolean;
  structuredOutput: boolean;
  numCtx?: number;
  /** The model profile: which, why, every value and its source, what each request carries. */
  profile?: ProfileReport;
  /** False when the server could not be reached or identified: then nothing above describes a
   * real server, and only `error` means anything. */
  discovered: boolean;
  /** Time to the first streamed token, ms. */
  latencyMs?: number;
  tokensPerSecond?: number;
  warnings: string[];
  error?: string;
}

export const DOCTOR_PROMPT = 'Reply with the single word: ok';

export async function diagnose(provider: Provider, signal?: AbortSignal): Promise<DoctorReport> {
  let info: ProviderInfo;
  try {
    info = await provider.info();
  } catch (err) {
    const failure = err instanceof ProviderFailure ? err : undefined;
    return {
      ok: false,
      provider: 'unknown',
      kind: failure?.context.kind ?? 'unknown',
      baseUrl: failure?.error.url ?? '',
      model: failure?.context.model ?? '',
      models: failure?.error.availableModels ?? [],
      contextWindow: 0,
      contextSource: 'default',
      nativeTools: false,
      structuredOutput: false,
      discovered: false,
      warnings: [],
      error: err instanceof Error ? err.message : String(err),
    };
  }
  const report: DoctorReport = {
    ok: true,
    provider: info.provider,
    kind: info.kind,
    baseUrl: info.baseUrl,
    model: info.model,
    serverVersion: info.serverVersion,
    models: info.models ?? [],
    contextWindow: info.contextWindow,
    contextSource: info.contextSource,
    nativeTools: info.nativeTools,
    structuredOutput: info.structuredOutput,
    numCtx: info.numCtx,
    profile: profileReport(info.kind, info.profile),
    discovered: true,
    warnings: [...info.warnings],
  };
  const started = performance.now();
  let first: number | undefined;
  let tokens = 0;
  let serverTps: number | undefined;
  for await (const chunk of provider.stream(
    { messages: [{ role: 'user', content: DOCTOR_PROMPT }], maxTokens: 16, temperature: 0 },
    signal ?? new AbortController().signal,
  )) {
    if ((chunk.type === 'text' || chunk.type === 'reasoning' || chunk.type === 'tool_call') && first === undefined) first = performance.now();
    if (chunk.type === 'usage') {
      tokens = chunk.usage.completionTokens;
      serverTps = chunk.usage.tokensPerSecond;
    }
    if (chunk.type === 'retry') report.warnings.push(`retried: ${chunk.error.message}`);
    if (chunk.type === 'error') {
      report.ok = false;
      report.error = chunk.error.message;
    }
    if (chunk.type === 'done' && chunk.finishReason === 'cancelled') {
      report.ok = false;
      report.error = 'cancelled';
    }
  }
  const end = performance.now();
  if (first !== undefined) report.latencyMs = Math.round(first - started);
  else if (report.ok) report.warnings.push('the model answered with no tokens');
  if (serverTps) report.tokensPerSecond = serverTps;
  else if (first !== undefined && tokens > 1 && end > first) report.tokensPerSecond = (tokens - 1) / ((end - first) / 1000);
  return report;
}
