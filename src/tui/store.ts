// The TUI store: one pure `reduce(state, agentEvent | uiAction)` and a tiny subscribable holder.
// Every pane is a view of this state; nothing else mutates what the screen shows.
import { assertNever } from '../util/assert-never';
import { reduceCheck } from './check-state';
import type { AgentEvent, ApprovalRequest, TurnEndReason } from '../agent/events';
import { applyInput, emptyInput } from './input-editor';
import { focusOrder } from './layout';
import { revealIn, shownTreeRows } from './tree-rows';
import { editQuery, reduceSearch, treeFilter } from './search';
import type { ChatItem, PatchEntry, UiState, NoticeLevel } from './state';
import type { BudgetReport } from '../types/budget';
import type { UiAction } from './ui-actions';
import { reduceLongSession } from './long-session-reduce';

export type StoreInput = AgentEvent | UiAction;

const TURN_END_TEXT: Record<Exclude<TurnEndReason, 'done' | 'refused'>, string> = {
  cancelled: 'turn cancelled',
  max_steps: 'stopped: the step limit was reached',
  error: 'stopped by an error',
  unreadable: "stopped: the model's replies could not be read",
  stuck: 'stopped: the model was stuck',
  cut: "stopped: the model's reply was cut off by the output limit",
  checks_failing: "stopped: the project's checks still fail",
};

/** The status line's server segment while no server answers (the workbench keeps probing). */
export const SERVER_MISSING = 'no model server found — still looking';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

function push(s: UiState, item: DistributiveOmit<ChatItem, 'key'>): UiState {
  return { ...s, chat: [...s.chat, { ...item, key: s.nextKey } as ChatItem], nextKey: s.nextKey + 1 };
}
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const notice = (s: UiState, level: NoticeLevel, text: string) => push(s, { kind: 'notice', level, text });

function updateTool(s: UiState, id: string, patch: Partial<Extract<ChatItem, { kind: 'tool' }>>): UiState {
  const i = findLastIndex(s.chat, (c) => c.kind === 'tool' && c.id === id);
  if (i < 0) return s;
  const chat = s.chat.slice();
  chat[i] = { ...(chat[i] as Extract<ChatItem, { kind: 'tool' }>), ...patch };
  return { ...s, chat };
}

/** Tool card ids in chat order. */
export function toolIds(s: Pick<UiState, 'chat'>): string[] {
  const out: string[] = [];
  for (const c of s.chat) if (c.kind === 'tool') out.push(c.id);
  return out;
}

/** The tool card `x` opens: the selected one, else the newest. */
export function selectedToolId(s: Pick<UiState, 'chat' | 'selectedTool'>): string | null {
  if (s.selectedTool !== null) return s.selectedTool;
  for (let i = s.chat.length - 1; i >= 0; i--) {
    const c = s.chat[i];
    if (c.kind === 'tool') return c.id;
  }
  return null;
}

function findLastIndex<T>(a: readonly T[], f: (x: T) => boolean): number {
  for (let i = a.length - 1; i >= 0; i--) if (f(a[i])) return i;
  return -1;
}

/** Finds the patch an event is about: by id, else the newest pending one for the path. */
function patchIndex(s: UiState, id: string, path?: string): number {
  const byId = findLastIndex(s.patches, (p) => p.id === id);
  if (byId >= 0 || path === undefined) return byId;
  return findLastIndex(s.patches, (p) => p.path === path && (p.status === 'pending' || p.status === 'stale'));
}

function setPatch(s: UiState, i: number, patch: Partial<PatchEntry>): UiState {
  const patches = s.patches.slice();
  patches[i] = { ...patches[i], ...patch };
  return { ...s, patches };
}

function upsertPatch(s: UiState, id: string, entry: Omit<PatchEntry, 'id'>): UiState {
  const i = patchIndex(s, id, entry.path);
  if (i >= 0) {
    const prev = s.patches[i];
    const revalidated = prev.revalidated || (prev.status === 'stale' && prev.proposal.diff !== entry.proposal.diff);
    return setPatch(s, i, { ...entry, id, revalidated });
  }
  return { ...s, patches: [...s.patches, { id, ...entry }], selectedPatch: s.patches.length, diffScroll: 0 };
}

/** A reply still marked streaming when its turn ended (cancelled, failed) loses its cursor. */
function closeStreaming(chat: readonly ChatItem[]): readonly ChatItem[] {
  const last = chat[chat.length - 1];
  if (last?.kind !== 'assistant' || !last.streaming) return chat;
  return [...chat.slice(0, -1), { ...last, streaming: false }];
}

/** The gauge right after a compaction: the history share shrinks by what it saved (the next
 * request's budget report replaces this estimate). */
function compacted(b: BudgetReport, saved: number): BudgetReport {
  const cut = Math.max(0, Math.min(saved, b.history));
  return { ...b, history: b.history - cut, prompt: b.prompt - cut, free: b.free + cut };
}

function onApproval(s: UiState, req: ApprovalRequest): UiState {
  let next: UiState = {
    ...s,
    approvals: [...s.approvals.filter((a) => a.id !== req.id), req],
    phase: 'approval',
    diffScroll: s.approvals.length ? s.diffScroll : 0,
    diffCol: s.approvals.length ? s.diffCol : 0,
  };
  next = updateTool(next, req.id, { status: 'awaiting' });
  if (req.proposal) {
    next = upsertPatch(next, req.id, { path: req.proposal.path, proposal: req.proposal, status: 'pending', changedOnDisk: false });
  }
  return next;
}

function reduceAgent(s: UiState, e: AgentEvent): UiState {
  switch (e.type) {
    case 'session.start': {
      const next = {
        ...s,
        sessionId: e.sessionId !== 'none' ? e.sessionId : s.sessionId,
        header: { server: `${e.info.kind} ${e.info.baseUrl}`, model: e.info.model, contextWindow: e.info.contextWindow, profile: e.info.profile?.name },
      };
      // Found by the background probing after the chat said none was there: say so there too.
      return s.header.server === SERVER_MISSING ? notice(next, 'info', `found a model server: ${e.info.kind} ${e.info.baseUrl} · ${e.info.model}`) : next;
    }
    case 'server.missing':
      return { ...s, header: { ...s.header, server: SERVER_MISSING } };
    case 'turn.start':
      return {
        ...push(s, { kind: 'user', text: e.text }),
        dropStream: false,
        busy: true,
        phase: 'thinking',
        step: 0,
        streamChars: 0,
        scroll: { ...s.scroll, chat: null },
        totals: { ...s.totals, turnStartedAt: undefined, streamStartedAt: undefined },
      };
    case 'step.start':
      return { ...s, step: e.step, phase: 'thinking' };
    case 'model.delta':
    case 'model.reasoning': {
      if (s.dropStream) return s;
      const last = s.chat[s.chat.length - 1];
      const field = e.type === 'model.delta' ? 'text' : 'reasoning';
      const base: UiState = { ...s, phase: 'streaming', streamChars: s.streamChars + e.text.length, waitingSeconds: undefined };
      if (last && last.kind === 'assistant' && last.streaming) {
        const chat = s.chat.slice();
        chat[chat.length - 1] = { ...last, [field]: last[field] + e.text };
        return { ...base, chat };
      }
      return push(base, { kind: 'assistant', text: field === 'text' ? e.text : '', reasoning: field === 'reasoning' ? e.text : '', streaming: true });
    }
    case 'model.done': {
      const last = s.chat[s.chat.length - 1];
      let next: UiState = {
        ...s,
        tokensPerSecond: e.usage.tokensPerSecond ?? s.tokensPerSecond,
        phase: s.busy ? 'thinking' : 'idle',
        waitingSeconds: undefined,
        totals: {
          ...s.totals,
          tokensIn: s.totals.tokensIn + (e.usage.promptTokens || 0),
          tokensOut: s.totals.tokensOut + (e.usage.completionTokens || 0),
          streamStartedAt: undefined,
        },
      };
      if (last && last.kind === 'assistant' && last.streaming) {
        const chat = s.chat.slice();
        chat[chat.length - 1] = { ...last, streaming: false };
        next = { ...next, chat };
      }
      return next;
    }
    case 'model.waiting':
      return { ...s, waitingSeconds: e.seconds };
    case 'model.retry': {
      // The partial reply stays visible, closed, and the notice says it was discarded.
      const last = s.chat[s.chat.length - 1];
      const chat = last && last.kind === 'assistant' && last.streaming ? [...s.chat.slice(0, -1), { ...last, streaming: false }] : s.chat;
      const what = e.discarded ? 'the reply above was discarded; asking again' : 'asking again';
      return notice({ ...s, chat, waitingSeconds: undefined, phase: 'thinking' }, 'warn', `${e.reason.split('\n')[0]} — ${what} (${e.attempt}/${e.tries})`);
    }
    case 'tool.proposed':
      return {
        ...push(s, { kind: 'tool', id: e.call.id, name: e.call.name, args: e.call.arguments, risk: e.risk, status: 'proposed' }),
        phase: e.risk === 'exec' ? 'command' : 'tool',
      };
    case 'approval.needed':
      return onApproval(s, e.request);
    case 'approval.resolved': {
      const req = s.approvals.find((a) => a.id === e.id);
      const approvals = s.approvals.filter((a) => a.id !== e.id);
      // Focus moved to the dialog on purpose goes back to the input once nothing is left to answer.
      const dialog = approvals.length ? {} : { dialogFocus: false, focus: s.dialogFocus ? ('input' as const) : s.focus };
      let next: UiState = { ...s, ...dialog, approvals, reason: approvals.length ? s.reason : null, diffScroll: 0, diffCol: 0 };
      if (e.decision === 'reject') next = updateTool(next, e.id, { status: 'rejected', feedback: e.feedback || undefined });
      else next = updateTool(next, e.id, { status: 'running' });
      const phase = approvals.length ? 'approval' : req?.command && e.decision !== 'reject' ? 'command' : s.busy ? 'thinking' : 'idle';
      return { ...next, phase };
    }
    case 'tool.result': {
      const prev = s.chat.find((c) => c.kind === 'tool' && c.id === e.id);
      const rejected = prev?.kind === 'tool' && prev.status === 'rejected';
      const status = rejected ? 'rejected' : e.ok ? 'ok' : 'failed';
      return { ...updateTool(s, e.id, { status, summary: e.summary, details: e.details }), phase: s.approvals.length ? 'approval' : 'thinking' };
    }
    case 'patch.pending':
      return upsertPatch(s, e.id, { path: e.proposal.path, proposal: e.proposal, status: 'pending', changedOnDisk: false });
    case 'patch.applied':
    case 'patch.rejected':
    case 'patch.stale': {
      const i = patchIndex(s, e.id, e.path);
      if (i < 0) return s;
      const status = e.type === 'patch.applied' ? 'applied' : e.type === 'patch.rejected' ? 'rejected' : 'stale';
      const next = setPatch(s, i, {
        status,
        reason: e.type === 'patch.rejected' ? e.reason : undefined,
        ...(e.type === 'patch.applied' ? { journalId: e.journalId } : {}),
      });
      return e.type === 'patch.stale'
        ? notice(next, 'warn', `${e.path} changed on disk since the change was proposed — re-checking it against the new content`)
        : next;
    }
    case 'patch.undone': {
      let next = s;
      for (const p of e.paths) {
        const i = findLastIndex(next.patches, (x) => x.path === p && x.status === 'applied');
        if (i >= 0) next = setPatch(next, i, { status: 'undone' });
      }
      return notice(next, 'info', `undone: ${e.paths.join(', ')}`);
    }
    case 'change.undone':
    case 'change.redone': {
      const undone = e.type === 'change.undone';
      const i = findLastIndex(s.patches, (p) => p.journalId === e.journalId);
      let next = i < 0 ? s : setPatch(s, i, { status: undone ? 'undone' : 'applied' });
      if (next.changes) {
        const list = next.changes.list.map((c) => (c.id === e.journalId ? { ...c, state: undone ? ('undone' as const) : ('applied' as const) } : c));
        next = { ...next, changes: { ...next.changes, list } };
      }
      return notice(next, 'info', `${undone ? 'undone' : 'redone'}: change #${e.journalId} to ${e.path}`);
    }
    case 'budget':
      return { ...s, budget: e.report, streamChars: 0, header: { ...s.header, contextWindow: e.report.window } };
    case 'plan':
      return { ...s, plan: e.items };
    case 'compaction':
      return notice(
        { ...s, budget: s.budget && compacted(s.budget, e.before - e.after) },
        'info',
        `history compacted (${e.method}): ${e.before} → ${e.after} tokens`,
      );
    case 'guard':
      return notice(s, 'guard', `guard (${e.kind}): ${e.message}`);
    case 'escalate':
      return notice(s, 'escalate', `escalation ${e.phase}: ${e.provider}/${e.model} — ${e.reason}`);
    case 'mcp.server': {
      // A failure arrives as its own notice line; here only what the user can act on or expect.
      const m = e.server;
      if (m.state === 'ready') return notice(s, 'info', `MCP server ${m.name}: ${m.tools.length} tools (/mcp lists them)`);
      if (m.state === 'unapproved') return notice(s, 'warn', `MCP server ${m.name} (workspace .mcp.json) is not approved: /mcp approve ${m.name} starts it`);
      return s;
    }
    case 'mcp.call':
      return s; // the tool card shows the call
    case 'notice':
      return notice(s, e.level, e.message);
    case 'error':
      return notice(s, 'error', e.message);
    case 'check.started':
    case 'check.running':
    case 'check.finished':
      return reduceCheck(s, e);
    case 'turn.end': {
      const next: UiState = {
        ...s,
        chat: closeStreaming(s.chat),
        dropStream: false,
        busy: false,
        phase: 'idle',
        approvals: [],
        reason: null,
        dialogFocus: false,
        focus: s.dialogFocus ? 'input' : s.focus,
        waitingSeconds: undefined,
        totals: { ...s.totals, turnStartedAt: undefined, streamStartedAt: undefined },
      };
      if (e.reason === 'done' || e.reason === 'refused') return next;
      const prev = s.chat[s.chat.length - 1];
      if (e.reason === 'error' && prev?.kind === 'notice' && prev.level === 'error') return next; // already explained
      return notice(next, e.reason === 'cancelled' ? 'info' : 'warn', TURN_END_TEXT[e.reason] + (e.text && e.reason !== 'cancelled' ? ` — ${e.text}` : ''));
    }
    default:
      return assertNever(e);
  }
}

function reduceUi(s: UiState, a: UiAction): UiState {
  switch (a.type) {
    case 'ui.resize':
      return { ...s, size: { cols: a.cols, rows: a.rows } };
    case 'ui.focus':
      if (s.search?.typing) return reduceUi(reduceSearch(s, { type: 'ui.search.cancel' }), a);
      return { ...s, focus: a.focus, tab: a.focus === 'input' ? s.tab : a.focus, quitArmed: false, dialogFocus: a.focus === 'input' ? false : s.dialogFocus };
    case 'ui.dialogFocus': {
      const on = a.focused && s.approvals.length > 0;
      return { ...s, dialogFocus: on, focus: on && s.focus === 'input' ? s.tab : s.focus };
    }
    case 'ui.focusCycle': {
      if (s.search?.typing) return reduceUi(reduceSearch(s, { type: 'ui.search.cancel' }), a);
      const order = focusOrder();
      const i = order.indexOf(s.focus);
      const focus = order[(i + a.dir + order.length) % order.length];
      return { ...s, focus, tab: focus === 'input' ? s.tab : focus };
    }
    case 'ui.help':
      return { ...s, help: a.open, helpScroll: 0 };
    case 'ui.helpScroll':
      return { ...s, helpScroll: clamp(s.helpScroll + a.delta, 0, Math.max(0, a.max)) };
    case 'ui.input':
      if (!s.reason && s.search?.typing) return editQuery(s, a.edit);
      return s.reason
        ? { ...s, reason: applyInput(s.reason, a.edit) }
        : { ...s, input: applyInput(s.input, a.edit), quitArmed: false, pathChoices: s.pathChoices.length ? [] : s.pathChoices };
    case 'ui.reason':
      return { ...s, reason: a.open && s.approvals.length ? emptyInput() : null };
    case 'ui.scroll': {
      const max = Math.max(0, a.max);
      const v = clamp((a.from ?? s.scroll[a.pane] ?? max) + a.delta, 0, max);
      return { ...s, scroll: { ...s.scroll, [a.pane]: a.pane === 'chat' && v >= max ? null : v } };
    }
    case 'ui.diffScroll':
      return { ...s, diffScroll: clamp(s.diffScroll + a.delta, 0, Math.max(0, a.max ?? Number.MAX_SAFE_INTEGER)) };
    case 'ui.diffCol':
      return { ...s, diffCol: clamp(s.diffCol + a.delta, 0, Math.max(0, a.max)) };
    case 'ui.diffWrap':
      return { ...s, diffWrap: a.wrap, diffCol: 0 };
    case 'ui.toggleDiff':
      return { ...s, fullDiff: !s.fullDiff, diffScroll: 0 };
    case 'ui.toggleThinking':
      return { ...s, showDetails: !s.showDetails };
    case 'ui.tool.select': {
      const ids = toolIds(s);
      if (!ids.length) return s;
      const at = s.selectedTool === null ? ids.length - 1 : Math.max(0, ids.indexOf(s.selectedTool));
      const i = clamp(at + a.delta, 0, ids.length - 1);
      return { ...s, selectedTool: i === ids.length - 1 ? null : ids[i] };
    }
    case 'ui.tool.view':
      return { ...s, toolView: a.id === null ? null : { id: a.id, scroll: 0 } };
    case 'ui.tool.scroll':
      return s.toolView ? { ...s, toolView: { ...s.toolView, scroll: clamp(s.toolView.scroll + a.delta, 0, Math.max(0, a.max)) } } : s;
    case 'ui.tree.listing': {
      const tree = { ...s.tree, listings: { ...s.tree.listings, [a.dir]: a.entries } };
      return { ...s, tree: tree.reveal ? revealIn(tree, tree.reveal) : tree };
    }
    case 'ui.tree.index':
      return { ...s, tree: { ...s.tree, index: a.entries } };
    case 'ui.tree.toggle': {
      const expanded = new Set(s.tree.expanded);
      if (expanded.has(a.rel)) expanded.delete(a.rel);
      else expanded.add(a.rel);
      return { ...s, tree: { ...s.tree, expanded } };
    }
    case 'ui.tree.select': {
      const rows = shownTreeRows(s.tree, treeFilter(s)).length;
      return { ...s, tree: { ...s.tree, selected: clamp(s.tree.selected + a.delta, 0, Math.max(0, rows - 1)) } };
    }
    case 'ui.file.changed': {
      const i = findLastIndex(s.patches, (p) => p.path === a.rel && p.status === 'pending');
      return i < 0 || s.patches[i].changedOnDisk ? s : setPatch(s, i, { changedOnDisk: true });
    }
    case 'ui.patch.select':
      return { ...s, selectedPatch: clamp(s.selectedPatch + a.delta, 0, Math.max(0, s.patches.length - 1)), scroll: { ...s.scroll, patches: 0 } };
    case 'ui.plan.file':
      return { ...s, plan: a.items };
    case 'ui.notice':
      return notice(s, a.level, a.text);
    case 'ui.quitArm':
      return { ...s, quitArmed: a.armed };
    case 'ui.clearChat':
      return {
        ...s,
        dropStream: s.busy,
        chat: [],
        scroll: { ...s.scroll, chat: null },
        selectedTool: null,
        toolView: null,
        search: s.search?.pane === 'chat' ? null : s.search,
      };
    case 'ui.model':
      return { ...s, header: { ...s.header, model: a.model } };
    case 'ui.search.open':
    case 'ui.search.done':
    case 'ui.search.cancel':
    case 'ui.search.step':
      return reduceSearch(s, a);
    case 'ui.changes.open':
    case 'ui.changes.list':
    case 'ui.changes.select':
    case 'ui.changes.scroll':
    case 'ui.changes.note':
    case 'ui.queue.add':
    case 'ui.queue.take':
    case 'ui.clock':
    case 'ui.sessions.open':
    case 'ui.sessions.list':
    case 'ui.sessions.select':
    case 'ui.sessions.note':
    case 'ui.input.set':
      return reduceLongSession(s, a);
    default:
      return assertNever(a);
  }
}

function isUiAction(input: StoreInput): input is UiAction {
  return input.type.startsWith('ui.');
}

export function reduce(s: UiState, input: StoreInput): UiState {
  return isUiAction(input) ? reduceUi(s, input) : reduceAgent(s, input);
}

export interface Store {
  get(): UiState;
  dispatch(input: StoreInput): void;
  subscribe(fn: (s: UiState) => void): () => void;
}

export function createStore(initial: UiState): Store {
  let state = initial;
  const subs = new Set<(s: UiState) => void>();
  return {
    get: () => state,
    dispatch(input) {
      state = reduce(state, input);
      for (const fn of subs) fn(state);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}
