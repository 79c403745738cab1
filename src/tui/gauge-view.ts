// The context gauge: how much of the model's window the prompt uses, segmented by share
// (system, project rules when there are any, tools, plan, history, free), live while streaming, coloured at 70 % and 90 %.
import type { UiState } from './state';
import { paint, paintBg, type Theme, type ThemeRole } from './theme';
import { fmtTokens } from './text';

export const WARN_AT = 0.7;
export const DANGER_AT = 0.9;

export interface GaugeNumbers {
  window: number;
  used: number;
  pct: number;
  segments: { name: string; role: ThemeRole; tokens: number }[];
  warning?: string;
}

/** The numbers behind the gauge; streamed text counts ≈ 4 characters per token until the next report. */
export function gaugeNumbers(state: Pick<UiState, 'budget' | 'streamChars' | 'header'>): GaugeNumbers {
  const b = state.budget;
  const window = b?.window || state.header.contextWindow || 0;
  const streaming = Math.ceil(state.streamChars / 4);
  // The project rules are part of the system text, drawn as their own segment.
  const rules = b?.rules ?? 0;
  const system = (b?.system ?? 0) - rules;
  const tools = b?.tools ?? 0;
  const plan = (b?.plan ?? 0) + (b?.pinned ?? 0);
  const history = (b ? Math.max(0, b.prompt - b.system - b.tools - b.plan - b.pinned) : 0) + streaming;
  const used = system + rules + tools + plan + history;
  const pct = window > 0 ? used / window : 0;
  const reserve = b?.reserve ?? 0;
  let warning: string | undefined;
  // "Over" only when the prompt itself no longer fits; crowding the answer's reserve is "full".
  if (window > 0 && used > window) warning = 'over the window: old turns will be compacted before the next request';
  else if (window > 0 && used + reserve > window) warning = 'little room left for the answer: old turns will be compacted before the next request';
  else if (pct >= DANGER_AT) warning = 'nearly full: old turns will be compacted soon';
  return {
    window,
    used,
    pct,
    segments: [
      { name: 'sys', role: 'gaugeSystem', tokens: system },
      ...(rules > 0 ? [{ name: 'rules', role: 'gaugePlan' as const, tokens: rules }] : []),
      { name: 'tools', role: 'gaugeTools', tokens: tools },
      { name: 'plan', role: 'gaugePlan', tokens: plan },
      { name: 'hist', role: 'gaugeHistory', tokens: history },
      { name: 'free', role: 'gaugeFree', tokens: Math.max(0, window - used) },
    ],
    warning,
  };
}

function bar(g: GaugeNumbers, width: number, theme: Theme): string {
  if (width <= 0) return '';
  if (g.window <= 0) return paintBg(theme, 'gaugeFree', ' '.repeat(width));
  let out = '';
  let usedCells = 0;
  const filled = g.segments.filter((s) => s.role !== 'gaugeFree');
  for (const s of filled) {
    // A share that is there at all gets at least one cell, so small shares stay visible.
    const cells = s.tokens > 0 ? Math.max(1, Math.round((s.tokens / g.window) * width)) : 0;
    const n = Math.min(width - usedCells, cells);
    if (n <= 0) continue;
    out += theme.mono ? '█'.repeat(n) : paintBg(theme, s.role, ' '.repeat(n));
    usedCells += n;
  }
  const free = width - usedCells;
  if (free > 0) out += theme.mono ? '░'.repeat(free) : paintBg(theme, 'gaugeFree', ' '.repeat(free));
  return out;
}

function pctText(g: GaugeNumbers, theme: Theme): string {
  const t = `${Math.round(g.pct * 100)}%`;
  return g.pct >= DANGER_AT ? paint(theme, 'gaugeDanger', t) : g.pct >= WARN_AT ? paint(theme, 'gaugeWarn', t) : t;
}

/** `lines` = 1 (tabs layout) or 2+ (side pane). */
export function gaugeView(state: Pick<UiState, 'budget' | 'streamChars' | 'header'>, width: number, theme: Theme, lines = 2): string[] {
  const g = gaugeNumbers(state);
  const nums = g.window > 0 ? `${fmtTokens(g.used)}/${fmtTokens(g.window)}` : `${fmtTokens(g.used)}/? (window unknown)`;
  if (lines <= 1) {
    const warn = g.warning ? ' ⚠' : '';
    const label = `ctx ${nums} `;
    const barW = Math.max(4, width - label.length - 6 - warn.length);
    return [`${label}${bar(g, barW, theme)} ${pctText(g, theme)}${warn ? paint(theme, 'gaugeWarn', warn) : ''}`];
  }
  const head = `${nums} tokens `;
  const out = [`${head}${pctText(g, theme)} ${bar(g, Math.max(4, width - head.length - 6), theme)}`];
  if (g.warning) out.push(paint(theme, 'gaugeWarn', `⚠ ${g.warning}`.slice(0, width)));
  else {
    const legend = g.segments.map((s) => `${s.name} ${fmtTokens(s.tokens)}`);
    let line = '';
    g.segments.forEach((_s, i) => {
      const piece = (line ? ' ' : '') + legend[i];
      if (line.length + piece.length > width) return;
      line += piece;
    });
    let painted = '';
    let len = 0;
    g.segments.forEach((s, i) => {
      const piece = (len ? ' ' : '') + legend[i];
      if (len + piece.length > width) return;
      painted += (len ? ' ' : '') + paint(theme, s.role === 'gaugeFree' ? 'dim' : s.role, legend[i]);
      len += piece.length;
    });
    out.push(theme.mono ? line : painted);
  }
  return out;
}
