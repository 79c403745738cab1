// How many cases each parser property runs and from which seed: 300 from seed 42 in `npm test`;
// SMALLCODE_PROPS_RUNS asks for more (from a random seed unless SMALLCODE_PROPS_SEED replays one).
import type { Parameters } from 'fast-check';

const FIXED_SEED = 42;
const DEFAULT_RUNS = 300;

/** `scale` lowers the count of a costly property (prose from whole README files). */
export function parserParams<T>(scale = 1): Parameters<T> {
  const runs = Number(process.env.SMALLCODE_PROPS_RUNS);
  const long = Number.isInteger(runs) && runs > 0;
  const given = Number(process.env.SMALLCODE_PROPS_SEED);
  const seed = process.env.SMALLCODE_PROPS_SEED && Number.isInteger(given) ? given : long ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : FIXED_SEED;
  return { numRuns: Math.max(1, Math.round((long ? runs : DEFAULT_RUNS) * scale)), seed, verbose: 1 };
}

/** Jest's per-test time limit for a property: long runs get an hour. */
export function parserTimeout(): number {
  return Number(process.env.SMALLCODE_PROPS_RUNS) > 0 ? 3_600_000 : 120_000;
}
