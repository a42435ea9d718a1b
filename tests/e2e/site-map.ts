/** Shared helpers for e2e tests: the list of built pages, read from the sitemap. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { resolve } from 'node:path';

/** The built site under test (see DIST_DIR in playwright.config.ts; relative paths are from tests/). */
const dist = `${resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.DIST_DIR ?? '../dist')}/`;

/** Every page path in the sitemap (e.g. "/ar/campaigns/debt-bondage/"), without fragments, de-duplicated. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(`${dist}sitemap.xml`, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...new Set(paths)];
}

export function readDist(path: string): string {
  return readFileSync(`${dist}${path.replace(/^\//, '')}`, 'utf8');
}
