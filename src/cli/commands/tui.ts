// `smallcode tui`: opens the workbench. With no server found it still opens and says in the
// chat which addresses were tried and how to start a server.
import type { ParsedArgs } from '../args';
import type { Config } from '../../config/config';
import type { Provider } from '../../providers/types';
import type { CommandIO } from './run';
import { setupProvider } from '../provider-setup';
import { setupAgent } from '../agent-setup';
import { EXIT } from '../exit-codes';

/** A provider for "no server": every request ends with the one-line setup message. */
function unavailableProvider(message: string): Provider {
  return {
    info: () => Promise.reject(new Error(message)),
    // eslint-disable-next-line require-yield
    async *stream() {
      yield { type: 'error', error: { code: 'unreachable', message, url: '' } };
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
    provider = unavailableProvider(setup.message);
    notices.push(setup.message);
  }
  const built = await setupAgent({
    config, provider, providerName, model, interactive: true, autoApprove: false, resume: args.values.continue ? 'latest' : undefined,
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
  });
}
