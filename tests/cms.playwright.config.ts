import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFor } from '../scripts/lib/config.mjs';
import { CHROMIUM_ARGS } from '../scripts/lib/find-browser.mjs';

/**
 * The CMS suite: Decap CMS at /admin/ in a real Chromium, saving through
 * decap-server into a temporary copy of the project (tests/cms/servers.ts),
 * and (github-backend.spec.ts) through Decap's GitHub backend against a fake
 * GitHub API made from the copy's commit (tests/cms/fake-github.ts).
 * Its own config because it needs its own servers and writes content; the
 * tests run in order in one worker (each builds on what the previous saved).
 * Ports: TEST_PORT (site) and DECAP_SERVER_PORT (defaults in scripts/lib/config.mjs).
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = configFor.cmsTests(process.env).sitePort;

export default defineConfig({
  testDir: './cms',
  // Not under test-results/: the main suite empties that folder when it starts, traces included.
  // One folder per port, so runs by several people at once (each on their own TEST_PORT) keep their traces.
  outputDir: join(tmpdir(), `cms-test-results-${PORT}`),
  globalSetup: './cms/servers.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Saving through Decap and rebuilding the copy take a while on two cores.
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../reports/cms-e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A desktop window: Decap's editor needs the width for its two panes.
    ...devices['Desktop Chrome'],
    viewport: { width: 1600, height: 1000 },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
  },
});
