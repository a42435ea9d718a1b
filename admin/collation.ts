/**
 * Lists in the CMS sorted the way Turkish readers expect: Ç after C, İ after
 * I, Ş after S, and "Çocuk…" before "Gerçek…", not after "Yolda…" (issue 14,
 * review problem 17). Decap sorts an entry list with lodash `orderBy`, which
 * compares strings by UTF-16 code units; admin/decap-build-patches.ts makes
 * Decap's list reducer call `collatedOrderBy` instead.
 *
 * Strings compare with `Intl.Collator('tr', { numeric: true })` (CLDR's
 * Turkish collation; "2" before "10"); other values (dates, numbers) as lodash
 * would; empty values last, whatever the direction, as lodash puts undefined.
 * The sort is stable.
 */
const collator = new Intl.Collator('tr', { numeric: true, sensitivity: 'variant' });

/** The value at a dotted path ("data.title"), as lodash's `get` reads Decap's sort keys. */
function at(item: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), item);
}

function compare(a: unknown, b: unknown): number {
  const emptyA = a === undefined || a === null || a === '';
  const emptyB = b === undefined || b === null || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (a instanceof Date || b instanceof Date) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** lodash `orderBy(items, keys, orders)` for Decap's sort keys (dotted paths), with Turkish collation. */
export function collatedOrderBy<T>(items: T[], keys: string[], orders: ('asc' | 'desc')[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((x, y) => {
      for (const [i, key] of keys.entries()) {
        const a = at(x.item, key);
        const b = at(y.item, key);
        const order = compare(a, b);
        const empty = a === undefined || a === null || a === '' || b === undefined || b === null || b === '';
        if (order) return orders[i] === 'desc' && !empty ? -order : order;
      }
      return x.index - y.index;
    })
    .map(({ item }) => item);
}
