// How many cases each property runs and from which seed: a few hundred from a fixed seed in
// `npm test`; `npm run test:props` (jest.props.config.js) asks for 10,000+ from a random seed.
import type { Parameters } from 'fast-check';

/** `npm test`'s fixed seed: the issue that asked for these properties. */
const FIXED_SEED = 16;

/**
 * SMALLCODE_PROPS_RUNS raises the case count; SMALLCODE_PROPS_SEED replays a failing run (the
 * seed fast-check prints with a counterexample). `scale` lowers the count of costly properties.
 */
export function propsParams<T>(defaultRuns: number, scale = 1): Parameters<T> {
  const runs = Number(process.env.SMALLCODE_PROPS_RUNS);
  const long = Number.isInteger(runs) && runs > 0;
  const given = Number(process.env.SMALLCODE_PROPS_SEED);
  const seed = Number.isInteger(given) ? given : long ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : FIXED_SEED;
  return { numRuns: Math.max(1, Math.round((long ? runs : defaultRuns) * scale)), seed, verbose: 1 };
}

/** Jest's per-test time limit for a property: long runs get an hour. */
export function propsTimeout(): number {
  return Number(process.env.SMALLCODE_PROPS_RUNS) > 0 ? 3_600_000 : 120_000;
}
