/**
 * Which widgets a Decap config names that the CMS does not have (admin/decap.ts registers Decap's,
 * admin/widgets.tsx and the other admin modules ours). Apart from Decap, so that it runs in Node
 * for its test (tests/unit/config-widgets.unit.test.ts).
 */

/** Widgets Decap's core handles itself, without a registration (decap-cms-core EditorControlPane.js: `hidden` fields are not drawn). */
const CORE_WIDGETS: ReadonlySet<string> = new Set(['hidden']);

/**
 * The widget names in a Decap config (`widget` of every field, at any depth: `fields`, a list's
 * `field`, a file collection's `files`) that are neither Decap core's own (CORE_WIDGETS) nor known
 * to `isRegistered`, sorted, each once.
 * @param config the Decap config object (admin/config.ts buildCmsConfig)
 * @param isRegistered e.g. `(name) => CMS.getWidget(name) !== undefined`
 * @returns e.g. ["datetime"] for a field `{ widget: "datetime" }` when no datetime widget is registered; [] when all are
 */
export function unregisteredWidgets(config: unknown, isRegistered: (name: string) => boolean): string[] {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const { widget } = value as { widget?: unknown };
      if (typeof widget === 'string' && !CORE_WIDGETS.has(widget) && !isRegistered(widget)) names.add(widget);
      Object.values(value).forEach(walk);
    }
  };
  walk(config);
  return [...names].sort();
}
