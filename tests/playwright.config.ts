import { defineConfig, devices } from '@playwright/test';
import { resolve } from 'node:path';
import { configFor } from '../scripts/lib/config.mjs';
import { CHROMIUM_ARGS } from '../scripts/lib/find-browser.mjs';

/**
 * End-to-end tests run in a real Chromium against the built site (dist/),
 * served by Cloudflare's own runtime (`wrangler pages dev`, workerd:
 * scripts/serve/pages-dev.mjs), which applies dist/_headers, dist/_redirects and
 * the per-folder 404.html lookup as Cloudflare Pages does. What Netlify would do
 * differently is checked against Netlify's own engines (tests/e2e/hosts.spec.ts).
 * Two sites: dist/ and the fixture site (scripts/cli/build-fixture-site.mjs:
 * the real content plus tests/fixtures/site/), which holds every entry a test
 * names. `npm test` finds the browser first (scripts/lib/find-browser.mjs)
 * and passes it in CHROMIUM_PATH. Ports and folders: scripts/lib/config.mjs
 * (TEST_PORT, TEST_PORT + 1, wrangler's inspector on each + 50, DIST_DIR,
 * FIXTURE_DIST_DIR).
 */
const root = resolve(import.meta.dirname, '..');
const { sitePort, fixturePort, distDir, fixtureDistDir } = configFor.e2e(process.env);
/** The fixture site's port. */
export const FIXTURE_PORT = fixturePort;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const serve = (port: number, dir: string) => ({
  command: `node ${resolve(root, 'scripts/cli/serve.mjs')} --port ${port} --dir ${resolve(root, dir)}`,
  url: `http://127.0.0.1:${port}/`,
  // One wrangler start per run; on a busy 2-core machine workerd can take a minute or more to come up.
  timeout: 180_000,
});

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // On CI, a failed test runs once more and, if it then passes, is reported as "flaky" by name in the
  // list output and in reports/e2e.json (Playwright's own default for CI). These tests only read the
  // built site, so a second run starts from the same state. Two landings were refused for one timing
  // flake each (a late favicon request; an exit's 100 ms running out): each was then fixed at its cause.
  // Locally there is no retry, so a flaky test shows up as a failure while it is being written.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '../reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${sitePort}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    serviceWorkers: 'block',
  },
  projects: [{ name: 'mobile', use: { ...devices['Pixel 7'], launchOptions: { executablePath, args: CHROMIUM_ARGS } } }],
  webServer: [serve(sitePort, distDir), serve(fixturePort, fixtureDistDir)],
});
