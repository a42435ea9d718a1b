/**
 * The admin-bundle guard (./admin-bundle.mjs) on made-up sites: it follows
 * static and lazy imports, and fails when a public page reaches any admin chunk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { removeTemp, tempSite } from '../../tests/helpers/temp-site.ts';
import { checkAdminBundle } from './admin-bundle.mjs';

const site = (files: Record<string, string>) => tempSite('admin-bundle', files);
const admin = {
  'admin/index.html': '<script type="module" src="/_astro/admin.js"></script>',
  // Minified the way Vite writes chunks: no spaces, a dynamic import behind a helper.
  '_astro/admin.js': 'import{a as e}from"./decap.js";const l=()=>import("./lazy-preview.js");e(l);',
  '_astro/decap.js': 'export const a=(x)=>x;',
  '_astro/lazy-preview.js': 'import"./decap.js";export default 1;',
};

test('public pages that load only their own chunks pass, and the sizes are reported', () => {
  const dir = site({ ...admin, 'tr/index.html': '<script type="module">import "/_astro/public.js";</script>', '_astro/public.js': 'export{};' });
  try {
    const { lines, failures } = checkAdminBundle(dir);
    assert.deepEqual(failures, []);
    assert.match(lines.join('\n'), /loaded at start: 2 files[\s\S]*with lazy chunks: 3 files/);
  } finally {
    removeTemp(dir);
  }
});

test('a public page that reaches an admin chunk, even through a lazy import, fails and is named', () => {
  const dir = site({ ...admin, 'tr/index.html': '<script type="module" src="/_astro/public.js"></script>', '_astro/public.js': 'const p=()=>import("./lazy-preview.js");' });
  try {
    const { failures } = checkAdminBundle(dir);
    assert.equal(failures.length, 1);
    assert.match(failures[0]!, /public pages load admin chunks: .*(lazy-preview\.js|decap\.js)/);
  } finally {
    removeTemp(dir);
  }
});

test('no admin page, or an admin page without a script, fails', () => {
  const none = site({ 'tr/index.html': '' });
  const empty = site({ 'admin/index.html': '<p>no script</p>' });
  try {
    assert.match(checkAdminBundle(none).failures[0]!, /admin\/index\.html is missing/);
    assert.match(checkAdminBundle(empty).failures[0]!, /loads no script/);
  } finally {
    removeTemp(none);
    removeTemp(empty);
  }
});
