/**
 * Every port and folder the scripts and tests use, and the environment
 * variable that overrides each: the one place for them (GOV.UK Frontend keeps
 * `shared/config/ports.js` for the same reason). Several people run servers on
 * one machine, each with their own range: set the variables, never edit a
 * default in another file.
 *
 * No code at import time reads `process`: admin/backend.ts imports the
 * defaults, and it is bundled for the browser.
 */

/** Defaults, by what uses them. */
export const defaults = Object.freeze({
  /** PORT: `npm start`'s site (scripts/serve/local-site.mjs). */
  sitePort: 4321,
  /** DECAP_SERVER_PORT: `npm start`'s decap-server, and the port the built admin page calls. */
  decapServerPort: 8081,
  /** TEST_PORT: the e2e suite's server for dist/; the fixture site is on TEST_PORT + 1. */
  e2ePort: 4322,
  /** TEST_PORT: the CMS suite's server for its project copy. */
  cmsTestPort: 4420,
  /** DECAP_SERVER_PORT: the CMS suite's decap-server (not 8081, so it never meets a running `npm start`). */
  cmsTestDecapServerPort: 8091,
  /** PORT: `npm run measure:search`'s server. */
  measureSearchPort: 4329,
  /** DIST_DIR: where `npm run build` writes the site, and what serving, measuring and the dist tests read. */
  distDir: 'dist',
  /** BUILDS_DIR: `npm start`'s builds, the last good one linked as current (scripts/serve/local-site.mjs). */
  buildsDir: '.builds',
  /** FIXTURE_DIST_DIR: the fixture site (the project plus tests/fixtures/site/), for the e2e tests. */
  fixtureDistDir: '.cache/fixture-dist',
  /** INSPECTOR_PORT: wrangler's DevTools inspector, by default the site's port plus this (scripts/serve/pages-dev.mjs). */
  inspectorOffset: 50,
  /** BAD_CONTENT_CONCURRENCY: builds at once in tests/build/bad-content.build.test.ts (each keeps two cores busy). */
  badContentConcurrency: 3,
});

/**
 * A whole number from an environment variable, or `fallback` when it is unset.
 * Throws, naming the variable, when it is set to anything else.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @param {{ min: number, max: number, what: string }} range
 * @returns {number}
 */
export function intFrom(env, name, fallback, { min, max, what }) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be ${what} (${min}–${max}), got "${raw}".`);
  return value;
}

/**
 * A TCP port from an environment variable, or `fallback` (0 means "any free port").
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 */
export const portFrom = (env, name, fallback) => intFrom(env, name, fallback, { min: 0, max: 65535, what: 'a port number' });

const distDir = (env) => env.DIST_DIR || defaults.distDir;

/**
 * wrangler's inspector port for a site on `port`: INSPECTOR_PORT, else port + 50.
 * @param {Record<string, string | undefined>} env
 * @param {number} port
 */
export const inspectorPortFor = (env, port) => portFrom(env, 'INSPECTOR_PORT', port + defaults.inspectorOffset);

/**
 * The port a local build of a project copy (the fixture site, bad content, the
 * CMS tests) puts in its site address when SITE_URL is not set: TEST_PORT, else
 * PORT's default (src/lib/site-url.ts localSiteUrl).
 * @param {Record<string, string | undefined>} env
 */
export const copyBuildPort = (env) => portFrom(env, 'TEST_PORT', defaults.sitePort);

/** The settings for each kind of run, from the environment (`configFor.e2e(process.env)`). */
export const configFor = {
  /** `npm start`, `npm run build`, serving and measuring dist/. */
  start: (/** @type {Record<string, string | undefined>} */ env) => ({
    sitePort: portFrom(env, 'PORT', defaults.sitePort),
    decapServerPort: portFrom(env, 'DECAP_SERVER_PORT', defaults.decapServerPort),
    distDir: distDir(env),
    buildsDir: env.BUILDS_DIR || defaults.buildsDir,
  }),
  /** The e2e suite and the dist tests: dist/ on TEST_PORT, the fixture site on TEST_PORT + 1. */
  e2e: (/** @type {Record<string, string | undefined>} */ env) => {
    const sitePort = portFrom(env, 'TEST_PORT', defaults.e2ePort);
    return { sitePort, fixturePort: sitePort + 1, distDir: distDir(env), fixtureDistDir: env.FIXTURE_DIST_DIR || defaults.fixtureDistDir };
  },
  /**
   * The guarded decap-server (scripts/cli/decap-server.mjs): DECAP_SERVER_PORT; SITE_PORT, else PORT,
   * the site whose admin page may call it; GIT_REPO_DIRECTORY (decap-server's own variable), the folder it writes into.
   */
  decapServer: (/** @type {Record<string, string | undefined>} */ env) => ({
    port: portFrom(env, 'DECAP_SERVER_PORT', defaults.decapServerPort),
    sitePort: portFrom(env, 'SITE_PORT', portFrom(env, 'PORT', defaults.sitePort)),
    repoDir: env.GIT_REPO_DIRECTORY || undefined,
  }),
  /** The CMS suite's project copy and its decap-server. */
  cmsTests: (/** @type {Record<string, string | undefined>} */ env) => ({
    sitePort: portFrom(env, 'TEST_PORT', defaults.cmsTestPort),
    decapServerPort: portFrom(env, 'DECAP_SERVER_PORT', defaults.cmsTestDecapServerPort),
  }),
  /** `npm run lighthouse`: LIGHTHOUSE_PORT, else the e2e suite's TEST_PORT (the two never run at once in `npm test`). */
  lighthouse: (/** @type {Record<string, string | undefined>} */ env) => ({
    sitePort: portFrom(env, 'LIGHTHOUSE_PORT', portFrom(env, 'TEST_PORT', defaults.e2ePort)),
    distDir: distDir(env),
  }),
  /** `npm run measure:search`. */
  measureSearch: (/** @type {Record<string, string | undefined>} */ env) => ({ sitePort: portFrom(env, 'PORT', defaults.measureSearchPort), distDir: distDir(env) }),
};
