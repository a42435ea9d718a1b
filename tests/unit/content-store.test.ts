/**
 * The build reads the content store from its file (src/integrations/content-store.ts):
 * Astro's store module becomes a read of the same file, other modules are left
 * alone, and a store module in another shape fails the build by name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeFromFilePlugin } from '../../src/integrations/content-store.ts';

type Transform = (code: string, id: string) => { code: string } | undefined;

test('the store module reads data-store.json at run time and gives the value Astro’s module gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'content-store-'));
  try {
    const store = join(dir, 'data-store.json');
    const json = JSON.stringify([['Map', 1, 2], 'pages', { title: 'Yardım hatları', html: '<p dir="rtl">مرحبا</p>' }]);
    writeFileSync(store, json);
    const transform = storeFromFilePlugin(store).transform as unknown as Transform;
    const astroCode = `export default JSON.parse(${JSON.stringify(json)})`;
    const result = transform(astroCode, '\0astro:data-layer-content');
    assert.ok(result && !result.code.includes('Yardım'), 'the module no longer carries the store');
    const module = join(dir, 'store.mjs');
    writeFileSync(module, result.code);
    const ours = (await import(module)) as { default: unknown };
    const astros = (await import(`data:text/javascript,${encodeURIComponent(astroCode)}`)) as { default: unknown };
    assert.deepEqual(ours.default, astros.default);
    assert.equal(transform('export default 1', '/src/pages/index.astro'), undefined, 'other modules are left alone');
    assert.throws(() => transform('export default new Map()', '\0astro:data-layer-content'), /content-store\.ts: Astro's "astro:data-layer-content" module no longer starts with/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
