/**
 * Decap's own Markdown serializer, in Node: what the CMS's rich-text editor
 * writes for a body (decap-cms-widget-markdown's markdownToSlate then
 * slateToMarkdown, with the editor components admin/decap.ts registers and our
 * style plugin, admin/markdown-style.ts). ./normalize-content.mjs stores
 * bodies in this form, so editing one paragraph in the CMS changes one
 * paragraph of the file (issue 14).
 *
 * Decap ships these modules only as browser ES modules (extensionless
 * imports), so they are bundled for Node with esbuild (the bundler Astro
 * already uses) into a temporary file, once per process.
 *
 * loadDecapMarkdown() resolves to:
 *   decapForm(markdown: string): string  — the body as the editor would write it (trimmed);
 *   sameDocument(a: string, b: string): boolean — whether the two parse to the
 *     same Markdown tree (Decap's parser, positions ignored): true when only
 *     the spelling differs ("*" or "-" bullets, table padding), false when the
 *     rendering would change (a tight list becoming loose).
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..', '..');

const ENTRY = `
import { Map } from 'immutable';
import image from 'decap-cms-editor-component-image';
import EditorComponent from 'decap-cms-core/dist/esm/valueObjects/EditorComponent.js';
import { markdownToSlate, slateToMarkdown, markdownToRemark } from 'decap-cms-widget-markdown/dist/esm/serializers/index.js';
import { siteMarkdownStyle } from ${JSON.stringify(join(root, 'admin', 'markdown-style.ts'))};
export const components = Map({ image: EditorComponent(image) });
export { markdownToSlate, slateToMarkdown, markdownToRemark, siteMarkdownStyle };
`;

// The serializer asks the CMS registry for editor components; in Node that is the list above.
const REGISTRY_STUB = `
import { components } from 'decap-markdown-entry';
export function getEditorComponents() { return components; }
`;

let loaded;

export function loadDecapMarkdown() {
  loaded ??= bundle();
  return loaded;
}

async function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'decap-markdown-'));
  const outfile = join(dir, 'serializer.mjs');
  try {
    await build({
      stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'decap-markdown-entry.js' },
      bundle: true,
      platform: 'node',
      // Decap's ES modules, as Vite bundles them for the browser (their "main" builds need a window).
      mainFields: ['module', 'main'],
      format: 'esm',
      outfile,
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': '"production"' },
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      plugins: [
        {
          name: 'decap-registry-in-node',
          setup(b) {
            // serializers/index.js imports getEditorComponents from the editor control (React, Slate UI).
            b.onResolve({ filter: /^\.\.\/MarkdownControl$/ }, () => ({ path: 'registry-stub', namespace: 'decap-markdown' }));
            b.onResolve({ filter: /^decap-markdown-entry$/ }, () => ({ path: 'entry', namespace: 'decap-markdown' }));
            b.onLoad({ filter: /^registry-stub$/, namespace: 'decap-markdown' }, () => ({ contents: REGISTRY_STUB, resolveDir: root }));
            b.onLoad({ filter: /^entry$/, namespace: 'decap-markdown' }, () => ({ contents: ENTRY, resolveDir: root }));
          },
        },
      ],
    });
    const { markdownToSlate, slateToMarkdown, markdownToRemark, siteMarkdownStyle } = await import(pathToFileURL(outfile).href);
    const options = { voidCodeBlock: false, remarkPlugins: [siteMarkdownStyle] };
    const tree = (markdown) => JSON.stringify(markdownToRemark(markdown, [siteMarkdownStyle]), (key, value) => (key === 'position' ? undefined : value));
    return {
      decapForm: (markdown) => slateToMarkdown(markdownToSlate(markdown, options), options).trim(),
      sameDocument: (a, b) => tree(a) === tree(b),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
