/**
 * Empty values mean "not given" in every content schema: a field an editor
 * cleared ("") or that Decap copied to a translation while it was unset (null).
 * Used when writing front matter (admin/formats.ts) and when checking an entry
 * before saving (admin/guard.ts), so both see the same data.
 */
const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && Object.keys(value as object).length === 0);

/** The value without empty keys, recursively; list items are kept as they are (an empty item is an error to show, not to hide). */
export function withoutEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmpty) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, withoutEmpty(v)] as const)
        .filter(([, v]) => !isEmpty(v)),
    ) as T;
  }
  return value;
}
