// Provider wrappers that cannot drop a method: every Provider method is required, and these
// helpers forward all of them. The workbench's lazily-detected provider and the benchmarks'
// timing wrapper are built here instead of as hand-written object literals.
import type { Provider, ProviderError } from './types';

/** Forwards every method to `inner`, except those given in `replace`. */
export function wrapProvider(inner: Provider, replace: Partial<Provider> = {}): Provider {
  return {
    info: replace.info ?? (() => inner.info()),
    stream: replace.stream ?? ((request, signal) => inner.stream(request, signal)),
    countTokens: replace.countTokens ?? ((messages, signal, tools) => inner.countTokens(messages, signal, tools)),
  };
}

/**
 * A provider found later: each call first asks `resolve` for the real one (the workbench detects
 * the server in the background and again on every use until one answers). While there is none,
 * info() throws the one-line message, stream() yields it as an error chunk, countTokens() is
 * undefined.
 */
export function lazyProvider(resolve: () => Promise<Provider | undefined>, unavailable: () => ProviderError): Provider {
  return {
    info: async () => {
      const p = await resolve();
      if (!p) throw new Error(unavailable().message);
      return p.info();
    },
    async *stream(request, signal) {
      const p = await resolve();
      if (!p) {
        yield { type: 'error', error: unavailable() };
        return;
      }
      yield* p.stream(request, signal);
    },
    countTokens: async (messages, signal, tools) => (await resolve())?.countTokens(messages, signal, tools),
  };
}
