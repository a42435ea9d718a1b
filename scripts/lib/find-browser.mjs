/**
 * Finds a Chromium for the tests, in this order:
 *   1. CHROMIUM_PATH, if set;
 *   2. Playwright's own download, if one was installed (npx playwright install);
 *   3. a system Chromium (/usr/bin/chromium, chromium-browser, google-chrome);
 *   4. as root on Debian/Ubuntu: `apt-get install -y chromium`.
 * Otherwise it fails and says how to get one.
 *
 * Why not `npx playwright install`: it downloads a browser build from a CDN,
 * which fails on machines that reach only the npm registry and Debian's
 * packages (our CI). Debian's chromium works with playwright-core.
 *
 * Usage: `import { findChromium } from './find-browser.mjs'`, or run it to print the path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for Chromium on a machine with no outside network and no GPU (root needs --no-sandbox). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function playwrightOwn() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function aptInstall() {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return undefined;
  console.error("[find-browser] No Chromium found; installing Debian's chromium with apt-get (needs the Debian mirror)...");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } catch (error) {
    console.error(`[find-browser] apt-get failed: ${error instanceof Error ? error.message : error}`);
    return undefined;
  }
  return SYSTEM_PATHS.find((p) => existsSync(p));
}

export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
  }
  const found = (await playwrightOwn()) ?? SYSTEM_PATHS.find((p) => existsSync(p)) ?? aptInstall();
  if (found) return found;
  throw new Error(
    'No Chromium found for the tests. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      "  - Playwright's own build (needs internet): npx playwright install chromium\n" +
      'or set CHROMIUM_PATH=/path/to/chrome.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(await findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
