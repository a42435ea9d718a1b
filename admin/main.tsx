/**
 * The CMS page's only script: Decap CMS with our widgets, previews, save and
 * delete guards, upload checks, translation page and right-to-left support,
 * started on the config that src/pages/admin/index.astro generated at build
 * time (admin/config.ts). Vite bundles this, Decap (the parts admin/decap.ts
 * registers) and React into chunks only /admin/ loads.
 */
import CMS from './decap.ts';
import { unregisteredWidgets } from './config-widgets.ts';
import { registerWidgets, type DecapRegistry } from './widgets.tsx';
import { registerPreviews } from './previews.tsx';
import { installSaveHook } from './save.ts';
import { guardDelete, installMediaDeleteGuard } from './delete-guard.ts';
import { watchEditorRoute } from './route-guard.ts';
import { watchCopiedStatus } from './copy-status.ts';
import { watchUploads } from './uploads.ts';
import { watchBuildStatus } from './build-status.ts';
import { installTranslationPage } from './translation-page.tsx';
import { registerTurkishPhrases } from './phrases.ts';
import { cleanFrontmatter, siteYaml, uiStringsJson } from './formats.ts';
import { watchTextDirection } from './rtl.ts';
import { siteMarkdownStyle } from './markdown-style.ts';
import { EDITOR_LOCALE, perLocaleCollections } from './config.ts';

const configElement = document.getElementById('cms-config');
if (!configElement?.textContent) throw new Error('The admin page has no #cms-config: rebuild the site.');
const config = JSON.parse(configElement.textContent);

registerWidgets(CMS as unknown as DecapRegistry);
registerPreviews(CMS);
registerTurkishPhrases(CMS);
installSaveHook();
installMediaDeleteGuard();
CMS.registerEventListener({ name: 'preUnpublish', handler: guardDelete });
// Our writers for .md and the interface-text JSON: key order and YAML style fixed (admin/formats.ts).
CMS.registerCustomFormat('frontmatter', 'md', cleanFrontmatter);
CMS.registerCustomFormat('ui-json', 'json', uiStringsJson);
CMS.registerCustomFormat('site-yaml', 'yml', siteYaml);
// Bodies written by the rich-text editor in the repository's Markdown style ("-" bullets, unpadded tables).
CMS.registerRemarkPlugin(siteMarkdownStyle);
// A widget the config names and nothing registered (admin/decap.ts registers only Decap's widgets this config uses).
const missing = unregisteredWidgets(config, (name) => CMS.getWidget(name) !== undefined);
if (missing.length) {
  const message = `The CMS config names widgets the CMS does not have: ${missing.join(', ')}. Register them in admin/decap.ts.`;
  // Shown on the page too: staff would otherwise see an empty page and nothing to pass on.
  document.body.textContent = `CMS açılamadı; bu iletiyi geliştiricilere iletin. ${message}`;
  throw new Error(message);
}
CMS.init({ config });

// Decap's own phrase for a pane's "writing in XX" button, in the editor's language.
const phrases = CMS.getLocale(EDITOR_LOCALE) as { editor?: { editorControlPane?: { i18n?: { writingInLocale?: string } } } } | undefined;
watchTextDirection(document, phrases?.editor?.editorControlPane?.i18n?.writingInLocale ?? 'Writing in %{locale}', perLocaleCollections);
watchEditorRoute();
watchCopiedStatus();
watchUploads();
watchBuildStatus();
installTranslationPage();
