/**
 * `npm run build`: the static site into dist/ (or DIST_DIR), then the search
 * index over it. One command so `npm start`, the tests and CI build the same way.
 *
 * The site's public address comes from SITE_URL, else Netlify's URL, else
 * Cloudflare's CF_PAGES_URL (src/lib/site-url.ts); without any, the build
 * fails. `--local` (what `npm start` and `npm test` use) builds for this
 * machine: without those variables, the address is http://127.0.0.1:$PORT/.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildSearchIndex } from './search-index.mjs';
import { localSiteUrl, siteUrlFrom } from '../src/lib/site-url.ts';

const outDir = resolve(process.env.DIST_DIR ?? 'dist');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
if (process.argv.includes('--local') && !siteUrlFrom(env)) env.SITE_URL = localSiteUrl(env.PORT ?? 4321);

function step(label, command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// Content files checked as the CMS checks them (YAML, keys and tags, schemas, bodies, UI strings), every problem named by file, line and field.
step('content files', process.execPath, [join(import.meta.dirname, 'check-front-matter.mjs'), 'content']);
step('astro build', 'astro', ['build', '--outDir', outDir]);

// Search: one Pagefind index per locale, over the pages just built.
const indexStarted = performance.now();
try {
  const languages = await buildSearchIndex(outDir);
  const counts = Object.entries(languages).map(([lang, { page_count }]) => `${lang} ${page_count}`).join(', ');
  console.log(`✓ search index (${counts}) in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`\n✗ search index failed: ${error.message}`);
  process.exit(1);
}

// Security and integrity of what was built (after the search index, whose files are linked to):
// the CSP header gets the site's inline-script hashes (src/lib/content-security-policy.ts),
// and a broken internal link fails the build, naming page and target.
step('CSP header', process.execPath, [join(import.meta.dirname, 'csp-header.mjs'), outDir]);
step('internal links', process.execPath, [join(import.meta.dirname, 'check-links.mjs'), outDir]);
