/**
 * Which widgets a Decap config names that the CMS does not have (admin/decap.ts registers Decap's,
 * admin/widgets.tsx ours). Apart from Decap, so that it runs in Node for its test
 * (tests/unit/decap-packages.unit.test.ts).
 */

/** The widgets admin/decap.ts registers from Decap's packages, by the names they register (it checks them at start). */
export const DECAP_WIDGETS: readonly string[] = ['string', 'text', 'number', 'boolean', 'select', 'list', 'object', 'relation', 'file', 'image', 'markdown'];

/** Widgets Decap's core handles itself, without a registration (decap-cms-core EditorControlPane.js: `hidden` fields are not drawn). */
const CORE_WIDGETS: ReadonlySet<string> = new Set(['hidden']);

type FieldLike = { widget?: unknown; fields?: unknown; field?: unknown; types?: unknown };

/**
 * The widget names of a Decap config's fields (every collection's `fields` and its files' `fields`, and
 * within a field its `fields`, `field` and `types`, as Decap nests them) that are neither Decap core's
 * own (CORE_WIDGETS) nor known to `isRegistered`, sorted, each once.
 * @param config the Decap config object (admin/config.ts buildCmsConfig)
 * @param isRegistered e.g. `(name) => CMS.getWidget(name) !== undefined`
 * @returns e.g. ["datetime"] for a field `{ widget: "datetime" }` when no datetime widget is registered; [] when all are
 */
export function unregisteredWidgets(config: { collections?: unknown }, isRegistered: (name: string) => boolean): string[] {
  const names = new Set<string>();
  const list = (value: unknown): FieldLike[] => (Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []);
  const visit = (field: FieldLike): void => {
    // A field without a widget is a string field (Decap's default).
    if (typeof field.widget === 'string' && !CORE_WIDGETS.has(field.widget) && !isRegistered(field.widget)) names.add(field.widget);
    for (const inner of [...list(field.fields), ...list(field.field), ...list(field.types)]) visit(inner);
  };
  for (const collection of list(config.collections) as { fields?: unknown; files?: unknown }[]) {
    for (const field of list(collection.fields)) visit(field);
    for (const file of list(collection.files) as { fields?: unknown }[]) for (const field of list(file.fields)) visit(field);
  }
  return [...names].sort();
}
