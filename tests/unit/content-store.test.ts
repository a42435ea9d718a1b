/**
 * The build reads the content store from its file (src/integrations/content-store.ts):
 * Astro's store module becomes a read of the same file, answered before Astro's
 * own load, other modules are left alone, and an Astro whose store module is
 * no longer `JSON.parse(<the file>)` fails the build by name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAstroStoreModule, storeFromFilePlugin } from '../../src/integrations/content-store.ts';

type Load = (id: string) => { code: string; meta?: unknown } | undefined;

test('the store module reads data-store.json at run time and gives the value Astro’s module gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'content-store-'));
  try {
    const store = join(dir, 'data-store.json');
    const json = JSON.stringify([['Map', 1, 2], 'pages', { title: 'Yardım hatları', html: '<p dir="rtl">مرحبا</p>' }]);
    writeFileSync(store, json);
    const hook = storeFromFilePlugin(store).load as unknown as { order: string; handler: Load };
    assert.equal(hook.order, 'pre', "answered before Astro's own load reads the file");
    const result = hook.handler('\0astro:data-layer-content');
    assert.ok(result && !result.code.includes('Yardım'), 'the module no longer carries the store');
    assert.deepEqual(result.meta, { astroIncremental: { kind: 'content-data' } }, "Astro's metadata for the module is kept");
    const module = join(dir, 'store.mjs');
    writeFileSync(module, result.code);
    // What Astro's plugin would have made of the same file.
    const astroCode = `export default JSON.parse(${JSON.stringify(json)})`;
    const ours = (await import(module)) as { default: unknown };
    const astros = (await import(`data:text/javascript,${encodeURIComponent(astroCode)}`)) as { default: unknown };
    assert.deepEqual(ours.default, astros.default);
    assert.equal(hook.handler('/src/pages/index.astro'), undefined, 'other modules are left alone');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the installed Astro still makes the store module JSON.parse(<the file>); another shape fails the build by name', () => {
  assert.doesNotThrow(() => checkAstroStoreModule());
  assert.throws(() => checkAstroStoreModule('code: `export default new Map()`'), /content-store\.ts: Astro's "astro:data-layer-content" module is no longer/);
});
