// The workbench's provider: it runs detection on first use and again on every use until a server
// answers, so a server started after the workbench opened is picked up by the next message.
// Built with lazyProvider, so every Provider method (countTokens included) reaches the server.
import type { Config } from '../config/config';
import type { Provider } from '../providers/types';
import { setupProvider, type ProviderSetup } from './provider-setup';

export type FoundServer = Extract<ProviderSetup, { ok: true }>;

export function detectingProvider(config: Config): { provider: Provider; found: () => FoundServer | undefined } {
  const { lazyProvider } = require('../providers/wrap-provider') as typeof import('../providers/wrap-provider');
  let found: FoundServer | undefined;
  let message = 'no model server found';
  const resolve = async (): Promise<Provider | undefined> => {
    if (found) return found.provider;
    const setup = await setupProvider(config);
    if (setup.ok) found = setup;
    else message = setup.message;
    return found?.provider;
  };
  return { found: () => found, provider: lazyProvider(resolve, () => ({ code: 'unreachable', message, url: '' })) };
}
