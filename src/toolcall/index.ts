// Public face of the forgiving tool-call parser: parseToolCalls (native ∪ text calls, resolved
// and validated) and callSchema (one valid call, for constrained-decoding retries).
export { parseToolCalls } from './parse';
export { callSchema } from './call-schema';
export { exampleCall } from './repair-message';
export type { Diagnostic, ParseOptions, ParseResult, ParsedCall } from './types';
