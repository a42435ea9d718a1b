/**
 * Decap CMS with what this site's CMS uses, and nothing else: Decap's core, the two backends
 * (GitHub for staff; `proxy`, which Decap switches to for local editing through decap-server,
 * decap-cms-core actions/config.js), the widgets the generated config names, the image editor
 * component and the Turkish and English phrases (Decap merges a locale over English, lib/phrases.js).
 *
 * Why not `import CMS from 'decap-cms-app'`: that module (dist/esm/extensions.js) registers every
 * backend, widget and locale Decap has, among them the map widget (OpenLayers), the code widget
 * (CodeMirror and its ~90 language modes) and ~40 locales this config never uses. Registering only
 * ours, as extensions.js does for all: what /admin/ loads at start 1,757 → 1,222 KiB gzip (6.5 → 4.4
 * MiB), with every lazy chunk 2,172 → 1,435 KiB gzip in 100 → 5 files (`npm test`'s admin bundle
 * step), and the bundle's cold build 5.9 → ~4 CPU-seconds (issue 17, docs/build-speed.md "Session 20").
 *
 * The packages are pinned in package.json to exactly the versions decap-cms-app (still the pinned
 * Decap release) depends on; tests/unit/decap-packages.unit.test.ts fails when they differ, so an
 * upgrade of decap-cms-app names the pins to move with it.
 *
 * Code blocks: decap-cms-app registers a "code-block" editor component on the code widget. The
 * rich-text editor draws every fenced or indented code block through the registered "code-block"
 * component (MarkdownControl/components/Shortcode.js looks it up in the registry); with none it draws
 * nothing, and the code could not be seen or edited (found by a review). So CODE_BLOCK registers one
 * on plain fields instead: the code's language ("Kod dili": plain "Dil" is what other fields call a
 * reader's language) and the code in a text box. Decap writes it back as the same
 * fenced block (serializers/slateRemark.js, "code-block").
 *
 * A widget the config names and nobody registered would show as "No control for widget" on that
 * field only; admin/main.tsx refuses to start instead (admin/config-widgets.ts).
 */
import { DecapCmsCore as CMS } from 'decap-cms-core';
import { DECAP_WIDGETS } from './config-widgets.ts';
import { GitHubBackend } from 'decap-cms-backend-github';
import { ProxyBackend } from 'decap-cms-backend-proxy';
import boolean from 'decap-cms-widget-boolean';
import file from 'decap-cms-widget-file';
import image from 'decap-cms-widget-image';
import list from 'decap-cms-widget-list';
import markdown from 'decap-cms-widget-markdown';
import number from 'decap-cms-widget-number';
import object from 'decap-cms-widget-object';
import relation from 'decap-cms-widget-relation';
import select from 'decap-cms-widget-select';
import string from 'decap-cms-widget-string';
import text from 'decap-cms-widget-text';
import imageComponent from 'decap-cms-editor-component-image';
import { en, tr } from 'decap-cms-locales';

CMS.registerBackend('github', GitHubBackend);
CMS.registerBackend('proxy', ProxyBackend);
// `boolean`: admin/fields.ts gives it to a boolean schema field (none today). `hidden` is Decap core's own.
const widgets = [string, text, number, boolean, select, list, object, relation, file, image, markdown].map((widget) => widget.Widget());
const names = widgets.map((widget) => widget.name);
if (names.join() !== DECAP_WIDGETS.join()) throw new Error(`admin/decap.ts registers ${names.join(', ')}; admin/config-widgets.ts lists ${DECAP_WIDGETS.join(', ')}.`);
for (const widget of widgets) CMS.registerWidget(widget);
CMS.registerEditorComponent(imageComponent);

/** The "code-block" component (see above): Decap's value for it is `{ lang, code }` (serializers/remarkSlate.js). */
const CODE_BLOCK = {
  id: 'code-block',
  label: 'Kod bloğu',
  type: 'code-block',
  widget: 'object',
  fields: [
    { name: 'lang', label: 'Kod dili', widget: 'string', required: false },
    { name: 'code', label: 'Kod', widget: 'text' },
  ],
} as const;
// Decap's types know block and inline components only; "code-block" is its registry's own type (lib/registry.js).
CMS.registerEditorComponent(CODE_BLOCK as unknown as Parameters<typeof CMS.registerEditorComponent>[0]);
CMS.registerLocale('en', en);
CMS.registerLocale('tr', tr);

export default CMS;
