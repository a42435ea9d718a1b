/**
 * `npm test`: everything, fastest first, the last steps against the real built site.
 * First it finds (or installs) Chromium, and Poppler's pdftotext (scripts/lib/find-poppler.mjs).
 *   1. type check (astro check: src/, admin/, scripts/, tests/)
 *   2. lint: ESLint, Prettier (code only, not content/), knip (unused files, exports, dependencies)
 *   3. unit tests: no build, no content/ (tests/unit/, scripts/**\/*.unit.test.ts)
 *   4. content tests: the editors' files (tests/content/)
 *   5. build the site, and the fixture site (tests/fixtures/site/ over the project)
 *   6. build tests: invalid content must fail the build, naming file and field (tests/build/)
 *   7. dist tests: the built site's files (tests/dist/), and the admin bundle guard
 *   8. end-to-end tests (Playwright, real Chromium; tests/e2e/, the site served by Cloudflare's
 *      runtime), the search suite's pass rate, then the CMS tests (tests/cms/)
 *   9. Lighthouse: accessibility, best practices and SEO 100, layout shift 0; performance reported, not gated
 * Every build here is local: the site's address is the e2e server's own (TEST_PORT), unless SITE_URL is set.
 * Each step's output is shown; the first failing step stops the run.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { localSiteUrl, siteUrlFrom } from '../../src/lib/site-url.ts';
import { configFor } from '../lib/config.mjs';
import { findChromium } from '../lib/find-browser.mjs';
import { findPdftotext } from '../lib/find-poppler.mjs';

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
const nodeTest = (...globs) => ['--test', '--test-reporter=spec', ...globs];

const chromium = await findChromium();
console.log(`Chromium: ${chromium}`);
// Poppler's pdftotext reads the material PDFs as readers' tools do (tests/helpers/pdf-text.ts).
const pdftotext = findPdftotext();
console.log(`pdftotext: ${pdftotext}`);
process.env.PDFTOTEXT_PATH = pdftotext;
const env = { CHROMIUM_PATH: chromium };
if (!siteUrlFrom(process.env)) process.env.SITE_URL = localSiteUrl(configFor.e2e(process.env).sitePort);

// TypeScript strict over src/, admin/, tests/ and scripts: a type error fails the run.
run('type check (astro check)', 'npx', ['astro', 'check']);
run('lint: ESLint', 'npx', ['eslint', '--max-warnings=0', '.']);
run('lint: Prettier (code, not content/)', 'npx', ['prettier', '--check', '.']);
run('lint: knip (unused files, exports, dependencies)', 'npx', ['knip']);
run('unit tests (no build)', 'node', nodeTest('tests/unit/**/*.test.ts', 'scripts/**/*.unit.test.ts'));
run('content tests (content/)', 'node', nodeTest('tests/content/**/*.test.ts'));
run('build the site', 'npm', ['run', 'build', '--', '--local']);
run('build the fixture site', 'node', ['scripts/cli/build-fixture-site.mjs']);
run('build tests (bad content fails the build)', 'node', nodeTest('tests/build/**/*.test.ts'));
run('dist tests (the built files)', 'node', nodeTest('tests/dist/**/*.test.ts'));
run('admin bundle: built, size, not on public pages', 'node', ['scripts/cli/admin-bundle.mjs']);
// The search suite (tests/e2e/search-suite.spec.ts) writes its results here; none may be left from an earlier run.
rmSync('reports/search-suite', { recursive: true, force: true });
run('end-to-end tests', 'npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts'], env);
// Issue 12: at least 95% of the realistic queries find their pages on the first screen; prints the rate per language and kind.
run('search suite: pass rate per language and kind', 'node', ['scripts/cli/search-suite-report.mjs']);
// Decap CMS in Chromium, saving through decap-server into a temporary copy of the project (its own servers),
// then with its GitHub backend against a fake GitHub API (tests/cms/github-backend.spec.ts, about a minute).
run('CMS end-to-end tests', 'npx', ['playwright', 'test', '-c', 'tests/cms.playwright.config.ts'], env);
// Last, as the slowest (about 12 × 10 s): Lighthouse on 6 page kinds in tr and ar, reports in reports/lighthouse/.
run('Lighthouse', 'node', ['scripts/cli/lighthouse.mjs'], env);
summary();
