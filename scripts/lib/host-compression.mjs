/**
 * What Netlify and Cloudflare Pages send for a file of the built site, in bytes: both compress text
 * types (JavaScript, JSON, CSS, HTML, SVG, text, XML; Cloudflare also application/wasm) with Brotli when
 * the browser accepts it, else gzip (developers.cloudflare.com/speed/optimization/content/compression/;
 * Netlify compresses text assets with both since 2020). Pagefind's own files (.pf_meta, .pf_index,
 * .pf_fragment, .pagefind) are gzip already and served as application/octet-stream, which neither host
 * compresses again: they travel as stored. Response headers are not counted (~0.3 KB a request).
 * Used by `npm run measure:search` (scripts/measure/search.mjs) and the first-search budget test
 * (tests/e2e/search.spec.ts), so both count alike (issue 17, point 4).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** Files the hosts compress, by extension; every other file travels as stored. */
export const COMPRESSED_BY_HOST = /\.(js|mjs|json|css|html|svg|txt|xml|wasm)$/;

/**
 * The bytes a host sends for the file served at `path` (a URL path, query ignored, percent-decoded) in
 * `dist`: `stored` its size on disk; `gzip` at level 9 (what a host sends a browser without Brotli, the
 * larger of the two) and `br` at quality 11 for a type the hosts compress, else both `stored`.
 * @param {string} dist the built site
 * @param {string} path e.g. "/pagefind/pagefind.js" or "/pagefind/pagefind-entry.json?ts=1"
 * @returns {{ stored: number, gzip: number, br: number }}
 * @throws when no such file is in `dist`
 */
export function onTheWire(dist, path) {
  const file = decodeURIComponent(path.split('?')[0] ?? '');
  const body = readFileSync(join(dist, file));
  if (!COMPRESSED_BY_HOST.test(file)) return { stored: body.length, gzip: body.length, br: body.length };
  return {
    stored: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    br: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
