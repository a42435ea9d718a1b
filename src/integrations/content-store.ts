/**
 * `astro build` reads the content store from its JSON file when the pages are
 * rendered, instead of from a copy of it compiled into the build's JavaScript.
 *
 * Why (issue 17, docs/build-speed.md): Astro turns the store
 * (`<cacheDir>/data-store.json`: every entry's data, Markdown body and
 * rendered HTML) into the module `astro:data-layer-content`, whose code is
 * `export default JSON.parse("<the whole file as a string literal>")`
 * (astro/dist/content/vite-plugin-content-virtual-mod.js). On the peer
 * content (2,300 entries) that is a 40 MB module: bundled by Rolldown, written
 * to disk, then compiled by V8 before the first page renders; compiling it
 * took 7.9 s of the build's CPU (a --cpu-prof of `astro build`, in
 * `compileSourceTextModule`) where reading and parsing the same file takes
 * under 2 s. The module here reads the file Astro has just written in the
 * same build and parses it with the same `JSON.parse`: the value, and so
 * every page, is the same.
 *
 * Better still (session 14), when the content was synced in this same
 * process, as `astro build` does: the module takes the store the loaders
 * left in memory (src/lib/kept-content-store.ts: the same entries in the
 * same order), which Astro's runtime accepts as a Map; the file is not read
 * back (0.3 s and a second 40 MB copy). A process that did not sync (a render
 * worker of PRERENDER_WORKERS) reads the file as before.
 *
 * It answers Astro's `load` of that module first (`order: 'pre'`), so Astro
 * no longer reads, parses and string-escapes the 40 MB file only for the
 * result to be replaced: that took 1.8 s of CPU in the server bundle (a second
 * profile, session 9).
 *
 * Only for `astro build` (the dev server keeps Astro's module and its
 * reloading), only in the server environment that renders the pages, and it
 * fails the build if Astro's own code for the module, or its runtime's use
 * of a Map, is no longer the one described above (after an Astro upgrade),
 * so the change never goes wrong silently.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's resolved id of the store's module (astro/dist/content/consts.js). */
const STORE_MODULE_ID = '\0astro:data-layer-content';
/** The code Astro's plugin writes for it, as it reads in Astro's source (the single-file store). */
const ASTRO_STORE_CODE = 'code: `export default JSON.parse(${JSON.stringify(jsonData)})`';
/** src/lib/kept-content-store.ts, imported by the store module (bundled by Vite like any module). */
const KEPT_STORE_MODULE = fileURLToPath(new URL('../lib/kept-content-store.ts', import.meta.url));
/** The module's metadata in Astro's plugin (astro/dist/core/build/incremental-metadata.js), kept for Astro's incremental builds. */
const ASTRO_STORE_META = { astroIncremental: { kind: 'content-data' } };

/** What Astro's runtime does with a Map as the store module's value (astro/dist/content/data-store.js, `fromModule`). */
const ASTRO_TAKES_MAP = 'if (data.default instanceof Map) {\n        return ImmutableDataStore.fromMap(data.default);';

/**
 * Fails unless Astro's plugin source (given, or read from the installed astro) still makes the store
 * module `export default JSON.parse(<the file's text>)`: the value this plugin's module must equal; and
 * unless Astro's runtime (given, or read) still takes a Map as that value as it is (what keptStore() gives).
 */
export function checkAstroStoreModule(source?: string, runtimeSource?: string): void {
  const dist = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'dist', 'content');
  const checks = [
    {
      file: join(dist, 'vite-plugin-content-virtual-mod.js'),
      code: source,
      expected: ASTRO_STORE_CODE,
      what: `Astro's ${JSON.stringify(STORE_MODULE_ID.slice(1))} module is no longer`,
    },
    { file: join(dist, 'data-store.js'), code: runtimeSource, expected: ASTRO_TAKES_MAP, what: "Astro's runtime no longer takes a Map as the store module's value with" },
  ];
  for (const { file, code, expected, what } of checks) {
    if (!(code ?? readFileSync(file, 'utf8')).includes(expected)) {
      throw new Error(`src/integrations/content-store.ts: ${what} ${JSON.stringify(expected)} (${file}); check what it does now and update or remove this integration.`);
    }
  }
}

/** The Vite plugin: `storeFile` is the absolute path of Astro's data-store.json for this build. */
export function storeFromFilePlugin(storeFile: string): Plugin {
  return {
    name: 'content-store-from-file',
    apply: 'build',
    load: {
      order: 'pre',
      handler(id) {
        if (id !== STORE_MODULE_ID) return undefined;
        return {
          // The store as the loaders left it when they ran in this process (src/lib/kept-content-store.ts), else the file.
          code:
            `import { readFileSync } from 'node:fs';\nimport { keptStore } from ${JSON.stringify(KEPT_STORE_MODULE)};\n` +
            `export default keptStore() ?? JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`,
          map: { mappings: '' },
          meta: ASTRO_STORE_META,
        };
      },
    },
  };
}

/** The integration: finds this build's data-store.json (Astro's `cacheDir`) and adds the plugin. */
export function contentStoreFromFile(): AstroIntegration {
  return {
    name: 'content-store-from-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        if (config.experimental.collectionStorage !== undefined && config.experimental.collectionStorage !== 'single-file') return;
        checkAstroStoreModule();
        updateConfig({ vite: { plugins: [storeFromFilePlugin(fileURLToPath(new URL('data-store.json', config.cacheDir)))] } });
      },
    },
  };
}
