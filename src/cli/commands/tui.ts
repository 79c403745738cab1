// `smallcode tui`: opens the workbench at once and finds the model server in the background, so
// the first frame never waits for the network. With no server it still opens and says in the
// chat which addresses were tried and how to start one; a server started later is picked up.
import type { ParsedArgs } from '../args';
import type { Config } from '../../config/config';
import type { Provider } from '../../providers/types';
import type { CommandIO } from './run';
import { setupProvider, type ProviderSetup } from '../provider-setup';
import { setupAgent } from '../agent-setup';
import { EXIT } from '../exit-codes';

type FoundServer = Extract<ProviderSetup, { ok: true }>;

/**
 * A provider that runs detection on first use and again on every use until a server answers,
 * so a server started after the workbench opened is picked up by the next message. Until then
 * each request ends with the one-line message naming the addresses tried.
 */
function detectingProvider(config: Config): { provider: Provider; found: () => FoundServer | undefined } {
  let found: FoundServer | undefined;
  let message = 'no model server found';
  const resolve = async (): Promise<Provider | undefined> => {
    if (found) return found.provider;
    const setup = await setupProvider(config);
    if (setup.ok) found = setup;
    else message = setup.message;
    return found?.provider;
  };
  return {
    found: () => found,
    provider: {
      info: async () => {
        const p = await resolve();
        if (!p) throw new Error(message);
        return p.info();
      },
      async *stream(request, signal) {
        const p = await resolve();
        if (!p) {
          yield { type: 'error', error: { code: 'unreachable', message, url: '' } };
          return;
        }
        yield* p.stream(request, signal);
      },
    },
  };
}

export async function tuiCommand(args: ParsedArgs, config: Config, io: CommandIO): Promise<number> {
  const lazy = detectingProvider(config);
  const built = await setupAgent({
    config,
    provider: lazy.provider,
    providerName: config.provider ?? 'auto',
    model: config.model ?? 'auto',
    interactive: true,
    autoApprove: false,
    resume: args.values.continue ? 'latest' : undefined,
    startHint: 'start one with `smallcode` (without --continue); it is saved as you go',
    providerFor: (name) => {
      const { createProvider } = require('../../providers/index') as typeof import('../../providers/index');
      const server = lazy.found();
      const base = server
        ? { provider: server.providerName, baseUrl: server.baseUrl }
        : { provider: config.provider ?? 'ollama', baseUrl: config.baseUrl ?? 'http://127.0.0.1:11434' };
      return createProvider({ ...base, model: name, apiKey: config.apiKey, contextOverride: config.contextOverride });
    },
  });
  if (!built.ok) {
    io.stderr.write(`smallcode: ${built.message}\n`);
    return EXIT.usage;
  }
  const { startWorkbench } = require('../../tui/app') as typeof import('../../tui/app');
  const running = startWorkbench({
    agent: built.agent,
    root: config.root,
    theme: config.theme,
    header: { server: config.baseUrl ?? 'finding a model server…', model: config.model ?? '', contextWindow: 0 },
    notices: [...built.notices, ...built.warnings],
    initialEvents: built.replay,
  });
  // After the first frame: discover the server, model and window; the header fills in from the
  // agent's session.start event, or the chat explains how to start a server.
  setImmediate(() => void built.agent.warmUp());
  return running;
}
