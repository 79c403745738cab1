// Array helpers shared by the list views.

/** The items without repeats, first occurrence kept. */
export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
