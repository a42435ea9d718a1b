/**
 * The CMS page's only script: Decap CMS with our widgets, previews, save
 * guard and right-to-left support, started on the config that
 * src/pages/admin/index.astro generated at build time (admin/config.ts).
 * Vite bundles this, Decap and React into chunks only /admin/ loads.
 */
import CMS from 'decap-cms-app';
import { registerWidgets, type DecapRegistry } from './widgets.tsx';
import { registerPreviews } from './previews.tsx';
import { guardSave } from './guard.ts';
import { cleanFrontmatter } from './formats.ts';
import { watchTextDirection } from './rtl.ts';
import { EDITOR_LOCALE, perLocaleCollections } from './config.ts';

const configElement = document.getElementById('cms-config');
if (!configElement?.textContent) throw new Error('The admin page has no #cms-config: rebuild the site.');
const config = JSON.parse(configElement.textContent);

registerWidgets(CMS as unknown as DecapRegistry);
registerPreviews(CMS);
CMS.registerEventListener({ name: 'preSave', handler: guardSave });
// Replaces Decap's "frontmatter" format for .md files (admin/formats.ts).
CMS.registerCustomFormat('frontmatter', 'md', cleanFrontmatter);
CMS.init({ config });

// Decap's own phrase for a pane's "writing in XX" button, in the editor's language.
const phrases = CMS.getLocale(EDITOR_LOCALE) as { editor?: { editorControlPane?: { i18n?: { writingInLocale?: string } } } } | undefined;
watchTextDirection(document, phrases?.editor?.editorControlPane?.i18n?.writingInLocale ?? 'Writing in %{locale}', perLocaleCollections);
