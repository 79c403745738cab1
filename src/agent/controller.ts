// The agent controller: wiring only. It owns the history, the event bus and the approval queue,
// and runs one turn at a time through the turn loop. Front ends talk to it via AgentHandle.
import type { Provider, ProviderInfo } from '../providers/types';
import type { ChatMessage } from '../types/messages';
import type { AgentHandle, ChecksInfo, RulesInfo, TurnOutcome } from './types';
import { createEventBus } from './event-bus';
import { createApprovalQueue } from './approval-queue';
import { systemPrompt } from './system-prompt';
import { noteMessage } from './history-format';
import { runTurn, type CloudModel, type TurnContext } from './turn-loop';
import { createHistoryStore, type HistoryStore } from './history-store';
import { createEscalation } from './turn/escalation';
import type { SessionMemory } from './turn/turn-context';
import { createTokenCounter } from '../context/token-counter';
import { defaultReserve } from '../context/budget';
import { compactToFit } from '../context/compaction';
import { createReadRecord } from '../context/read-record';
import { summarizerFor } from './summarizer';
import { undo as undoJournal } from '../patch/index';
import { createSessionChanges } from './session-changes';
import type { ToolModeSetting } from '../types/tool-mode';
import { toolModeFor } from '../providers/profiles/profile-wire';
import type { ApprovalPolicy } from './policy';
import type { AllowEntry } from '../tools/command-policy';
import { createCommandRunner, type CommandRunner } from '../sandbox/command-runner';
import { createProjectChecks, type ChecksSettings } from './project-checks';
import { loadRules } from '../checks/rules';
import { fitRules, rulesShare } from '../context/rules-budget';
import { createToolbox } from '../tools/toolbox';
import { createMcpHub, type McpHub, type McpHubOptions } from '../mcp/mcp-hub';

export interface AgentOptions {
  root: string;
  provider: Provider;
  toolMode: ToolModeSetting;
  maxSteps: number;
  interactive: boolean;
  /** `--yes`: file changes, and commands that run in a sandbox. */
  autoApprove: boolean;
  /** `--yes=all`: every command too, sandbox or not. */
  autoApproveAll?: boolean;
  /** SMALLCODE_ALLOW, parsed (tools/command-policy parseAllowlist). */
  allowlist: readonly AllowEntry[];
  /** How commands run (sandbox, environment); default: the sandbox with the process environment. */
  commands?: CommandRunner;
  cloud?: CloudModel;
  /** Where the conversation lives (a resumed session's history, mirrored to its log); default: empty, in memory. */
  history?: HistoryStore;
  /** Named in the session.start event. */
  sessionId?: string;
  /** Builds a provider for another model on the same server (/model NAME). */
  providerFor?: (model: string) => Provider;
  /** The project's checks (SMALLCODE_CHECKS, SMALLCODE_FIX_ROUNDS); default: off. */
  checks?: ChecksSettings;
  /** The user's own rules file (rules.md next to the user config file). */
  userRulesFile?: string;
  /** The user's MCP servers (none: no MCP, and the SDK is never loaded). */
  mcp?: Omit<McpHubOptions, 'root' | 'onChange'>;
}

export interface Agent extends AgentHandle {
  /** Provider info, discovered on first use (undefined until then). */
  info(): ProviderInfo | undefined;
  history(): ChatMessage[];
  /** Discovers the server now (instead of at the first message); a failure becomes a notice and
   * a `server.missing` event — or nothing when `quiet` (a front end probing again and again). */
  warmUp(opts?: { quiet?: boolean }): Promise<void>;
  /** Starts the MCP servers allowed to start; resolves when each is ready or has failed. */
  startMcp(): Promise<void>;
  /** Stops the MCP servers (their processes and sessions). */
  shutdown(): Promise<void>;
}

export function createAgent(opts: AgentOptions): Agent {
  const bus = createEventBus();
  const approvals = createApprovalQueue();
  const history = opts.history ?? createHistoryStore();
  const counter = createTokenCounter();
  const escalation = createEscalation(opts.cloud, bus);
  const memory: SessionMemory = { lastPlan: { items: [] }, toolNotes: new Map(), stepNotes: { placed: [] }, reads: createReadRecord(), rulesShown: new Set() };
  const policy: ApprovalPolicy = {
    interactive: opts.interactive,
    autoApprove: opts.autoApprove,
    autoApproveAll: opts.autoApproveAll,
    approveRestOfTurn: false,
    allowlist: opts.allowlist,
    alwaysAllowed: new Set(),
  };
  const commands = opts.commands ?? createCommandRunner({ root: opts.root, hostEnv: process.env });
  const checks = opts.checks ? createProjectChecks(opts.root, opts.checks, { bus, approval: { approvals, policy }, commands }) : undefined;
  const hub: McpHub | undefined =
    opts.mcp && opts.mcp.servers.length > 0
      ? createMcpHub({
          ...opts.mcp,
          root: opts.root,
          onChange(server) {
            bus.emit({ type: 'mcp.server', server });
            // The one line in the chat: a server that died takes its tools out of the router.
            if (server.state === 'failed') {
              bus.emit({
                type: 'notice',
                level: 'warn',
                message: `MCP server ${server.name} failed: ${server.message ?? 'unknown error'} — its tools are out until /mcp restart ${server.name}`,
              });
            }
          },
        })
      : undefined;
  const tools = createToolbox(() => hub?.tools() ?? []);
  let mcpStarted: Promise<void> | undefined;
  let info: ProviderInfo | undefined;
  let provider = opts.provider;
  /** The system text with the project rules, made once per window size so the prefix stays stable. */
  let prompt: { window: number; system: string; rules: RulesInfo } | undefined;
  function systemFor(window: number): { system: string; rules: RulesInfo } {
    if (prompt?.window === window) return prompt;
    const base = systemPrompt(opts.root);
    const share = rulesShare(window);
    const fitted = fitRules(loadRules(opts.root, opts.userRulesFile), share, (t) => counter.count(t));
    const system = fitted.text ? `${base}\n\n${fitted.text}` : base;
    prompt = { window, system, rules: { files: fitted.files, tokens: fitted.tokens, share } };
    return prompt;
  }
  let running: AbortController | undefined;
  /** /clear arrived during a turn: the history is emptied once that turn has stopped. */
  let clearAfterTurn = false;
  let turn = 0;

  let discovering: Promise<ProviderInfo> | undefined;
  /** Discovery runs once; a warm-up and a first message arriving together share it. */
  function ensureInfo(): Promise<ProviderInfo> {
    if (info) return Promise.resolve(info);
    discovering ??= provider
      .info()
      .then((found) => {
        info = found;
        for (const w of found.warnings) bus.emit({ type: 'notice', level: 'warn', message: w });
        bus.emit({ type: 'session.start', sessionId: opts.sessionId ?? 'none', info: found });
        return found;
      })
      .finally(() => (discovering = undefined));
    return discovering;
  }

  async function submit(text: string): Promise<TurnOutcome> {
    if (running) {
      const message = 'a turn is already running — wait for it or cancel it (Ctrl-C)';
      bus.emit({ type: 'error', message });
      return { reason: 'error', text: message, steps: 0 };
    }
    const controller = new AbortController();
    running = controller;
    turn++;
    bus.emit({ type: 'turn.start', turn, text });
    try {
      let discovered: ProviderInfo;
      try {
        discovered = await ensureInfo();
      } catch (err) {
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        bus.emit({ type: 'error', message });
        bus.emit({ type: 'turn.end', reason: 'error', text: message, steps: 0 });
        return { reason: 'error', text: message, steps: 0 };
      }
      const ctx: TurnContext = {
        turn,
        root: opts.root,
        system: systemFor(discovered.contextWindow).system,
        rulesTokens: systemFor(discovered.contextWindow).rules.tokens,
        checks,
        maxSteps: opts.maxSteps,
        // `auto` follows the model profile (e.g. native for gpt-oss's Harmony format), else text.
        toolMode: toolModeFor(opts.toolMode, discovered),
        model: { provider, info: discovered, counter, reserve: defaultReserve(discovered.contextWindow) },
        bus,
        commands,
        history,
        approval: { approvals, policy },
        escalation,
        memory,
        tools,
      };
      // Servers still starting are waited for: a first message must see their tools.
      await mcpStarted;
      return await runTurn(ctx, text, controller.signal);
    } catch (err) {
      // A bug in the loop: report it as one line instead of killing the front end.
      const message = `internal error: ${err instanceof Error ? err.message : String(err)}`;
      bus.emit({ type: 'error', message });
      bus.emit({ type: 'turn.end', reason: 'error', text: message, steps: 0 });
      return { reason: 'error', text: message, steps: 0 };
    } finally {
      running = undefined;
      if (clearAfterTurn) clearNow();
    }
  }

  function clearNow(): void {
    clearAfterTurn = false;
    history.replace([]);
    bus.emit({ type: 'notice', level: 'info', message: 'conversation cleared' });
  }

  function cancel(): void {
    approvals.cancelAll('The user cancelled.');
    running?.abort(new Error('cancelled by the user'));
  }

  const sessionChanges = createSessionChanges(opts.root, bus, history);

  return {
    subscribe: (fn) => bus.subscribe(fn),
    submit,
    ...sessionChanges,
    resolve(id, decision, feedback, edited) {
      approvals.resolve(id, { decision, feedback, edited });
    },
    cancel,
    async undo(n = 1) {
      const result = await undoJournal(opts.root, n);
      if (result.ok) {
        const paths = result.reverted.map((e) => e.path);
        bus.emit({ type: 'patch.undone', paths });
        history.append(
          noteMessage(`The user undid the last change${paths.length > 1 ? 's' : ''} to ${paths.join(', ')}; those files are back to their earlier content.`),
        );
      } else bus.emit({ type: 'notice', level: 'warn', message: `undo: ${result.reason}` });
      return result;
    },
    async compact() {
      if (running) {
        bus.emit({ type: 'notice', level: 'warn', message: 'wait for the current turn to end (or cancel it) before /compact' });
        return;
      }
      const before = history.get();
      // The same summariser automatic compaction uses (model summary, extractive fallback);
      // without a discovered server only the extractive summary is possible.
      const summarize = info
        ? summarizerFor({
            system: systemFor(info.contextWindow).system,
            history: before,
            window: info.contextWindow,
            reserve: defaultReserve(info.contextWindow),
            counter,
            provider,
            bus,
            signal: new AbortController().signal,
          })
        : undefined;
      const result = await compactToFit(before, Math.floor(counter.estimateMessages(before) * 0.4), counter, summarize);
      if (result.method !== 'none') {
        history.replace(result.history);
        bus.emit({ type: 'compaction', before: result.before, after: result.after, method: result.method });
      } else bus.emit({ type: 'notice', level: 'info', message: 'nothing to compact yet' });
    },
    escalate() {
      escalation.requestNext();
    },
    clear() {
      // A running turn is stopped first: its stream must not continue into the cleared chat, and
      // what it would still append to the history must not survive the clear.
      if (!running) return clearNow();
      clearAfterTurn = true;
      cancel();
    },
    busy: () => running !== undefined,
    setModel(name) {
      const model = name.trim();
      if (!opts.providerFor || model === '') {
        bus.emit({ type: 'notice', level: 'warn', message: 'give a model name, e.g. /model qwen2.5-coder:7b' });
        return;
      }
      if (running) {
        bus.emit({ type: 'notice', level: 'warn', message: 'wait for the current turn to end (or cancel it) before switching models' });
        return;
      }
      provider = opts.providerFor(model);
      info = undefined; // rediscovered (window, tools) on the next message
      bus.emit({ type: 'notice', level: 'info', message: `switched to model ${model}; its context window is read from the server on the next message` });
    },
    rules: () => (info ? systemFor(info.contextWindow).rules : { files: [], tokens: 0, share: 0 }),
    checks(): ChecksInfo {
      if (!checks) return { checks: [], note: 'checks are off', fixRounds: 0 };
      const found = checks.discover();
      return { checks: found.checks, ...(found.note ? { note: found.note } : {}), fixRounds: checks.fixRounds };
    },
    async runChecks() {
      if (running) {
        bus.emit({ type: 'notice', level: 'warn', message: 'wait for the current turn to end (or cancel it) before /check' });
        return;
      }
      if (!checks) {
        bus.emit({ type: 'notice', level: 'warn', message: 'checks are off (SMALLCODE_CHECKS=off)' });
        return;
      }
      const found = checks.discover();
      if (found.checks.length === 0) {
        bus.emit({ type: 'notice', level: 'info', message: found.note ?? 'no checks found' });
        return;
      }
      const controller = new AbortController();
      running = controller;
      try {
        await checks.run('manual', info?.contextWindow ?? 8192, controller.signal);
      } finally {
        running = undefined;
      }
    },
    mcp: {
      servers: () => hub?.servers() ?? [],
      approve: async (names) => (hub ? hub.approve(names) : 'no MCP servers are configured (.mcp.json in the workspace, mcp.json in your config dir)'),
      restart: async (name) => (hub ? hub.restart(name) : 'no MCP servers are configured'),
    },
    startMcp() {
      mcpStarted ??= hub?.start() ?? Promise.resolve();
      return mcpStarted;
    },
    async shutdown() {
      await hub?.close();
    },
    info: () => info,
    async warmUp(o = {}) {
      try {
        await ensureInfo();
      } catch (err) {
        if (o.quiet) return;
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        bus.emit({ type: 'notice', level: 'warn', message });
        bus.emit({ type: 'server.missing', message });
      }
    },
    history: () => history.get(),
  };
}
