/**
 * The offline worker step loads only the two Workbox functions it uses (scripts/build/offline-worker.mjs
 * imports them from their own modules, not from workbox-build's index, which also loads generateSW's
 * bundler: issue 17). Each test file runs in its own process, so what is loaded here is this file's doing.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const loaded = () => Object.keys(createRequire(import.meta.url).cache);

test("the offline worker step does not load Workbox's bundler (Rollup, Babel, Terser)", async () => {
  await import('./offline-worker.mjs');
  const workbox = loaded().filter((file) => file.includes('/workbox-build/'));
  assert.ok(
    workbox.some((file) => file.endsWith('/build/inject-manifest.js')),
    'injectManifest was not loaded: is this test still about the step?',
  );
  const bundlers = loaded().filter((file) => /\/node_modules\/(rollup|@rollup|@babel|terser)\//.test(file));
  assert.deepEqual(bundlers, [], 'loaded for nothing');
});

test("the functions it imports are workbox-build's own exports", async () => {
  const index = await import('workbox-build');
  const { injectManifest } = await import('workbox-build/build/inject-manifest.js');
  const { copyWorkboxLibraries } = await import('workbox-build/build/lib/copy-workbox-libraries.js');
  assert.equal(injectManifest, index.injectManifest);
  assert.equal(copyWorkboxLibraries, index.copyWorkboxLibraries);
});
