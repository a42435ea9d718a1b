import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from '../scripts/find-browser.mjs';

/**
 * End-to-end tests run in a real Chromium against the built site (dist/),
 * served by Cloudflare's own runtime (`wrangler pages dev`, workerd:
 * scripts/pages-dev.mjs), which applies dist/_headers, dist/_redirects and the
 * per-folder 404.html lookup as Cloudflare Pages does. What Netlify would do
 * differently is checked against Netlify's own engines (tests/e2e/hosts.spec.ts).
 * `npm test` finds the browser first (scripts/find-browser.mjs) and passes it
 * in CHROMIUM_PATH. Ports: TEST_PORT and TEST_PORT + 1, and wrangler's
 * inspector on each + 50.
 */
const PORT = Number(process.env.TEST_PORT ?? 4322);
/** The fixture site (scripts/build-fixture-site.mjs): real content plus test-only entries. */
export const FIXTURE_PORT = PORT + 1;
/** Built sites to serve: DIST_DIR and FIXTURE_DIST_DIR let several builds coexist (defaults: dist/, .cache/fixture-dist/). */
const dist = process.env.DIST_DIR ?? '../dist';
const fixtureDist = process.env.FIXTURE_DIST_DIR ?? '../.cache/fixture-dist';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '../reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions: { executablePath, args: CHROMIUM_ARGS } } },
  ],
  webServer: [
    // One wrangler start per run; on a busy 2-core machine workerd can take a minute or more to come up.
    { command: `node ../scripts/pages-dev.mjs --port ${PORT} --dir ${dist}`, url: `http://127.0.0.1:${PORT}/`, timeout: 180_000 },
    { command: `node ../scripts/pages-dev.mjs --port ${FIXTURE_PORT} --dir ${fixtureDist}`, url: `http://127.0.0.1:${FIXTURE_PORT}/`, timeout: 180_000 },
  ],
});
