/**
 * Changes to Decap's own code at build time, for what its API cannot reach.
 * Each names the exact text it replaces and fails the build when that text is
 * gone (after a Decap upgrade), so a patch never silently stops working.
 * decap-cms-core is pinned to an exact version (package.json, as decap-cms-app depends on it).
 *
 * - Entry lists sorted with Turkish collation (admin/collation.ts): Decap's
 *   `selectEntries` sorts with lodash `orderBy`, by code units, so "Çocuk…" and
 *   "İnternet…" came after "Yolda…" when sorting by title.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

interface Patch {
  /** End of the module's path inside node_modules. */
  module: string;
  replace: string;
  with: string;
  /** Prepended to the module. */
  imports: string;
}

/**
 * The patches for the project in `root` (default: this file's own project). Each names
 * admin/collation.ts by absolute path, so the CMS bundle of a project copy (the fixture site, the
 * bench) imports the copy's file, which its cache key covers (scripts/build/cms-bundle.mjs).
 */
function patchesFor(root?: string): Patch[] {
  const collation = root ? join(root, 'admin', 'collation.ts') : fileURLToPath(new URL('./collation.ts', import.meta.url));
  return [
    {
      module: 'decap-cms-core/dist/esm/reducers/entries.js',
      replace: 'entries = fromJS(orderBy(entries.toJS(), keys, orders));',
      with: 'entries = fromJS(collatedOrderBy(entries.toJS(), keys, orders));',
      imports: `import { collatedOrderBy } from ${JSON.stringify(collation)};\n`,
    },
  ];
}

export const patches: Patch[] = patchesFor();

/** The Vite plugin that applies `patchesFor(root)`; `root` is the project being built (default: this file's). */
export function decapBuildPatches(root?: string): Plugin {
  const patches = patchesFor(root);
  return {
    name: 'decap-build-patches',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!.replace(/\\/g, '/');
      const patch = patches.find((p) => path.endsWith(`/node_modules/${p.module}`));
      if (!patch) return undefined;
      if (!code.includes(patch.replace)) {
        this.error(`admin/decap-build-patches.ts: ${patch.module} no longer contains "${patch.replace}" (Decap was upgraded?). Update the patch.`);
      }
      return { code: patch.imports + code.replace(patch.replace, patch.with), map: null };
    },
  };
}
