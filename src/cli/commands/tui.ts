// `smallcode tui`: opens the workbench. With no server found it still opens and says in the
// chat which addresses were tried and how to start a server.
import type { ParsedArgs } from '../args';
import type { Config } from '../../config/config';
import type { Provider } from '../../providers/types';
import type { CommandIO } from './run';
import { setupProvider } from '../provider-setup';
import { setupAgent } from '../agent-setup';
import { EXIT } from '../exit-codes';
import { createProvider } from '../../providers/index';

/**
 * A provider for "no server yet": every use re-runs detection, so a server started after the
 * workbench opened is picked up by the next message. Until then each request ends with the
 * one-line message naming the addresses tried and how to start a server.
 */
function detectingProvider(config: Config, firstMessage: string): Provider {
  let found: Provider | undefined;
  let message = firstMessage;
  const resolve = async (): Promise<Provider | undefined> => {
    if (found) return found;
    const setup = await setupProvider(config);
    if (setup.ok) found = setup.provider;
    else message = setup.message;
    return found;
  };
  return {
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
  };
}

export async function tuiCommand(args: ParsedArgs, config: Config, io: CommandIO): Promise<number> {
  const setup = await setupProvider(config);
  const notices: string[] = [];
  let provider: Provider;
  let providerName = config.provider ?? 'none';
  let model = config.model ?? 'none';
  let server = 'no server';
  if (setup.ok) {
    provider = setup.provider;
    providerName = setup.providerName;
    model = setup.model;
    server = setup.baseUrl;
  } else {
    provider = detectingProvider(config, setup.message);
    notices.push(setup.message);
  }
  const built = await setupAgent({
    config, provider, providerName, model, interactive: true, autoApprove: false, resume: args.values.continue ? 'latest' : undefined,
    providerFor: setup.ok
      ? (name) => createProvider({ provider: setup.providerName, baseUrl: setup.baseUrl, model: name, apiKey: config.apiKey, contextOverride: config.contextOverride })
      : undefined,
  });
  if (!built.ok) {
    io.stderr.write(`smallcode: ${built.message}\n`);
    return EXIT.usage;
  }
  const { startWorkbench } = (require('../../tui/app') as typeof import('../../tui/app'));
  const contextWindow = setup.ok ? await setup.provider.info().then((i) => i.contextWindow, () => 0) : 0;
  return startWorkbench({
    agent: built.agent, root: config.root, theme: config.theme,
    header: { server, model, contextWindow },
    notices: [...notices, ...built.notices],
    initialEvents: built.replay,
  });
}
