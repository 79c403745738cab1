// `smallcode tui`: opens the workbench at once and finds the model server in the background, so
// the first frame never waits for the network. With no server it still opens and says in the
// chat which addresses were tried and how to start one; a server started later is picked up.
import type { ParsedArgs } from '../args';
import type { Config } from '../../config/config';
import type { CommandIO } from './run';
import { providerSettings } from '../provider-setup';
import { detectingProvider } from '../detecting-provider';
import { setupAgent } from '../agent-setup';
import { EXIT } from '../exit-codes';

/** How often the workbench asks again for a model server while none answers. */
const PROBE_EVERY_MS = 2000;

export async function tuiCommand(args: ParsedArgs, config: Config, io: CommandIO): Promise<number> {
  // Resuming another session from the workbench's session list ends it and opens that one here.
  let resume: string | undefined = args.values.continue ? 'latest' : undefined;
  for (;;) {
    let next: string | undefined;
    const code = await openWorkbench(config, io, resume, (id) => (next = id));
    if (next === undefined) return code;
    resume = next;
  }
}

async function openWorkbench(config: Config, io: CommandIO, resume: string | undefined, onResume: (id: string) => void): Promise<number> {
  const lazy = detectingProvider(config);
  const built = await setupAgent({
    config,
    provider: lazy.provider,
    providerName: config.provider ?? 'auto',
    model: config.model ?? 'auto',
    interactive: true,
    autoApprove: false,
    resume,
    startHint: 'start one with `smallcode` (without --continue); it is saved as you go',
    mcp: true,
    providerFor: (name) => {
      const { createProvider } = require('../../providers/index') as typeof import('../../providers/index');
      const server = lazy.found();
      const base = server
        ? { provider: server.providerName, baseUrl: server.baseUrl }
        : { provider: config.provider ?? 'ollama', baseUrl: config.baseUrl ?? 'http://127.0.0.1:11434' };
      // The new model gets its own profile on discovery (its name may match another family).
      return createProvider({ ...base, model: name, ...providerSettings(config) });
    },
  });
  if (!built.ok) {
    io.stderr.write(`smallcode: ${built.message}\n`);
    return EXIT.usage;
  }
  const { startWorkbench } = require('../../tui/app') as typeof import('../../tui/app');
  const { notifySetting } = require('../../tui/notify') as typeof import('../../tui/notify');
  const notify = notifySetting(config.env.SMALLCODE_NOTIFY);
  const running = startWorkbench({
    agent: built.agent,
    root: config.root,
    theme: config.theme,
    header: { server: config.baseUrl ?? 'finding a model server…', model: config.model ?? '', contextWindow: 0 },
    notices: [...built.notices, ...built.warnings, ...(notify.warning ? [notify.warning] : [])],
    notify: notify.on,
    sessionId: built.sessionId,
    onResume,
    initialEvents: built.replay,
  });
  // After the first frame: discover the server, model and window; the header fills in from the
  // agent's session.start event, or the chat explains how to start a server — and it keeps
  // probing, so a server started later is picked up as soon as it answers.
  let open = true;
  const probe = async () => {
    await built.agent.warmUp();
    while (open && !built.agent.info()) {
      await new Promise<void>((r) => setTimeout(r, PROBE_EVERY_MS).unref());
      if (open && !built.agent.info() && !built.agent.busy()) await built.agent.warmUp({ quiet: true });
    }
  };
  setImmediate(() => {
    void probe();
    void built.agent.startMcp();
  });
  return running.finally(() => {
    open = false;
    return built.agent.shutdown();
  });
}
