/**
 * Changes to Decap's own code at build time, for what its API cannot reach.
 * Each names the exact text it replaces and fails the build when that text is
 * gone (after a Decap upgrade), so a patch never silently stops working.
 * decap-cms-app is pinned to an exact version (package.json).
 *
 * - Entry lists sorted with Turkish collation (admin/collation.ts): Decap's
 *   `selectEntries` sorts with lodash `orderBy`, by code units, so "Çocuk…" and
 *   "İnternet…" came after "Yolda…" when sorting by title.
 */
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

const collation = fileURLToPath(new URL('./collation.ts', import.meta.url));

export const patches: Patch[] = [
  {
    module: 'decap-cms-core/dist/esm/reducers/entries.js',
    replace: 'entries = fromJS(orderBy(entries.toJS(), keys, orders));',
    with: 'entries = fromJS(collatedOrderBy(entries.toJS(), keys, orders));',
    imports: `import { collatedOrderBy } from ${JSON.stringify(collation)};\n`,
  },
];

export function decapBuildPatches(): Plugin {
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
