// The default branch of an exhaustive switch: the compiler proves it unreachable, so adding a
// member to a union without handling it is a type error, not a silent fall-through.

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
