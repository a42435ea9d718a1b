/**
 * `npm test`: everything, against the real built site.
 *   1. find (or install) Chromium, and Poppler's pdftotext (scripts/find-poppler.mjs)
 *   2. build the site (and its search index), and the fixture site
 *   3. unit tests (node:test)
 *   3b. content checks (tests/content/, node:test): translations agree with the source on numbers,
 *       phones, articles and lists; every paragraph is in its locale's language
 *   4. build-failure tests (invalid content must fail the build, naming file and field)
 *   5. end-to-end tests (Playwright, real Chromium), then the search suite's pass rate (at least 95%)
 *   6. Lighthouse: accessibility, best practices and SEO 100, layout shift 0; performance reported, not gated (scripts/lighthouse.mjs)
 * Each step's output is shown; the first failing step stops the run.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { findChromium } from './find-browser.mjs';
import { findPdftotext } from './find-poppler.mjs';
import { localSiteUrl, siteUrlFrom } from '../src/lib/site-url.ts';

const steps = [];
function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok: result.status === 0, seconds });
  if (result.status !== 0) {
    summary();
    console.error(`\n✗ ${name} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}
function summary() {
  console.log('\nSteps:');
  for (const s of steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds} s)`);
  // One plain closing line for CI (each step's own runner printed its test counts above).
  const failed = steps.filter((s) => !s.ok).length;
  console.log(`steps: ${steps.length - failed} passed, ${failed} failed`);
}

const chromium = await findChromium();
console.log(`Chromium: ${chromium}`);
// Poppler's pdftotext reads the material PDFs as readers' tools do (tests/pdf-text.ts).
const pdftotext = findPdftotext();
console.log(`pdftotext: ${pdftotext}`);
process.env.PDFTOTEXT_PATH = pdftotext;
const env = { CHROMIUM_PATH: chromium };
// Every build here is local: its address is the test server's own (TEST_PORT), unless SITE_URL is set.
if (!siteUrlFrom(process.env)) process.env.SITE_URL = localSiteUrl(process.env.TEST_PORT ?? 4322);

// TypeScript strict over src/, admin/, tests/ and scripts: a type error fails the run.
run('type check (astro check)', 'npx', ['astro', 'check']);
run('build the site', 'npm', ['run', 'build', '--', '--local']);
run('build the fixture site', 'node', ['scripts/build-fixture-site.mjs']);
run('unit tests', 'node', ['--test', '--test-reporter=spec', 'tests/unit/**/*.test.ts']);
run('content checks (cross-language, language identification)', 'node', ['--test', '--test-reporter=spec', 'tests/content/**/*.test.ts']);
run('admin bundle: built, size, not on public pages', 'node', ['scripts/admin-bundle-size.mjs']);
// The search suite (tests/e2e/search-suite.spec.ts) writes its results here; none may be left from an earlier run.
rmSync('reports/search-suite', { recursive: true, force: true });
run('end-to-end tests', 'npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts'], env);
// Issue 12: at least 95% of the realistic queries find their pages on the first screen; prints the rate per language and kind.
run('search suite: pass rate per language and kind', 'node', ['scripts/search-suite-report.mjs']);
// Decap CMS in Chromium, saving through decap-server into a temporary copy of the project (its own servers).
run('CMS end-to-end tests', 'npx', ['playwright', 'test', '-c', 'tests/cms.playwright.config.ts'], env);
// Last, as the slowest (about 12 × 10 s): Lighthouse on 6 page kinds in tr and ar, reports in reports/lighthouse/.
run('Lighthouse', 'node', ['scripts/lighthouse.mjs'], env);
summary();
