/** The value, or an error naming what was expected: for lookups the world's construction guarantees. */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`the demo expected ${what}`);
  return value;
}

/** The element at `index`, counting round the list again past its end. */
export function cyclic<T>(list: readonly T[], index: number): T {
  return defined(list[index % list.length], 'a non-empty list');
}
