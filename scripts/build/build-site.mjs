/**
 * The one definition of "a build", used by `npm run build`
 * (scripts/cli/build.mjs), `npm start`, the fixture site, the bad-content
 * tests, the CMS tests and the benchmark. Nothing in it imports a server.
 *
 * Steps, stopping at the first that fails:
 *   1. content files: checked as the CMS checks them (./content-check.mjs:
 *      YAML, keys and tags, schemas, bodies, UI strings), every problem named
 *      by file, line and field at once: Astro's own message points elsewhere
 *      and stops at the first file;
 *   2. astro build: pages, /admin/, and the schema and cross-entry checks
 *      (src/content.config.ts, src/lib/validate-content.ts);
 *   3. search index: one Pagefind index per locale (./search-index.mjs);
 *   4. CSP header: the site's inline-script hashes into _headers (./csp-header.mjs);
 *   5. internal links: every target exists and stays in the page's language
 *      (./check-links/), after the search index, whose files are linked to.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { localSiteUrl, siteUrlFrom } from '../../src/lib/site-url.ts';
import { applyOverlay, copyProject, projectRoot, removeCopy } from '../lib/project-copy.mjs';
import { checkLinks, formatIssues } from './check-links/index.mjs';
import { completeCspHeader } from './csp-header.mjs';
import { checkContentFiles } from './content-check.mjs';
import { buildSearchIndex } from './search-index.mjs';

/**
 * @typedef {{ name: string, ok: boolean, seconds: number }} Step
 * @typedef {{ ok: boolean, failedStep: string | undefined, steps: Step[], output: string, root: string, outDir: string }} BuildResult
 */

/**
 * Builds a site.
 * @param {object} [options]
 * @param {string} [options.root] the project to build (default: this one)
 * @param {string} [options.outDir] where the site goes (default: <root>/dist, or <copy>/dist with an overlay)
 * @param {string} [options.overlay] a folder copied over a temporary copy of `root` first (test content);
 *   the copy is removed afterwards, so pass an `outDir` outside it to keep the result
 * @param {Record<string, string>} [options.env] extra environment for `astro build` (e.g. DECAP_SERVER_PORT)
 * @param {number} [options.localPort] a build for this machine: without SITE_URL (or a host's
 *   variable, src/lib/site-url.ts) the site's address is http://127.0.0.1:<localPort>/; without
 *   this option such a build fails, so nothing is deployed with a placeholder address
 * @param {'inherit' | 'capture'} [options.output] 'inherit': print as it goes; 'capture': print nothing, return it all in `output`
 * @param {boolean} [options.contentCheck] false skips step 1, for tests/build/ only: it proves that the render step
 *   alone (the sanitiser, src/lib/strict-glob.ts) refuses what the content check would have caught first
 * @param {boolean} [options.checkLinks] false skips step 5, for the fixture site only: its hostile HTML links
 *   to files that do not exist on purpose (`<img src=x onerror=…>`), and tests/e2e/hostile-html.spec.ts checks it
 * @returns {Promise<BuildResult>} never rejects for a failed step: `ok` is false and `output` says why
 */
export async function buildSite({ root = projectRoot, outDir, overlay, env = {}, localPort, output = 'inherit', contentCheck = true, checkLinks: linksChecked = true } = {}) {
  const astroEnv = localPort !== undefined && !siteUrlFrom({ ...process.env, ...env }) ? { SITE_URL: localSiteUrl(localPort), ...env } : env;
  const copy = overlay ? copyProject('build-', { from: root }) : undefined;
  if (copy && overlay) applyOverlay(copy, overlay);
  const buildRoot = copy ?? resolve(root);
  const out = resolve(outDir ?? join(buildRoot, 'dist'));
  let text = '';
  const log = (line) => {
    text += `${line}\n`;
    if (output === 'inherit') console.log(line);
  };
  const fail = (line) => {
    text += `${line}\n`;
    if (output === 'inherit') console.error(line);
  };
  /** @type {Step[]} */
  const steps = [];
  const step = async (name, run) => {
    const started = performance.now();
    let ok = true;
    try {
      const summary = await run();
      log(`✓ ${name}${summary ? ` (${summary})` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      ok = false;
      fail(`\n✗ ${name} failed${error instanceof Error && error.message ? `:\n${error.message}` : '.'}`);
    }
    steps.push({ name, ok, seconds: (performance.now() - started) / 1000 });
    return ok;
  };

  try {
    const ok =
      (!contentCheck ||
        (await step('content files', () => {
          const { files, problems } = checkContentFiles(join(buildRoot, 'content'), { relativeTo: buildRoot });
          if (problems.length) throw new Error(`Content that cannot be published (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
          return `${files} files: front matter, schemas, bodies, UI strings`;
        }))) &&
      (await step('astro build', () => astroBuild(buildRoot, out, astroEnv, output, (chunk) => (text += chunk)))) &&
      (await step('search index', async () => {
        const languages = await buildSearchIndex(out);
        return Object.entries(languages)
          .map(([lang, { page_count }]) => `${lang} ${page_count}`)
          .join(', ');
      })) &&
      (await step('CSP header', async () => {
        const { scripts, styles } = await completeCspHeader(out);
        return `${scripts} inline script and ${styles} inline style hashes`;
      })) &&
      (!linksChecked ||
        (await step('internal links', () => {
          const { pages, checked, issues } = checkLinks(out, { root: buildRoot });
          if (issues.length) throw new Error(formatIssues(issues));
          return `${checked} same-site links on ${pages} pages`;
        })));
    const failed = steps.find((s) => !s.ok);
    return { ok, failedStep: failed?.name, steps, output: text, root: buildRoot, outDir: out };
  } finally {
    if (copy) removeCopy(copy);
  }
}

/** `astro build` in `dir` as a child process (Astro reads its config and content from the working directory). */
function astroBuild(dir, outDir, env, output, record) {
  return new Promise((done, reject) => {
    const child = spawn(join(projectRoot, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
      cwd: dir,
      // The material PDFs' cache is keyed by content hash, so a project copy shares this project's (src/lib/material-pdf/typst-compile.ts).
      env: {
        MATERIAL_PDF_CACHE_DIR: join(projectRoot, '.cache', 'material-pdf'),
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...(output === 'capture' ? { FORCE_COLOR: '0', NO_COLOR: '1' } : {}),
        ...env,
      },
      stdio: output === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', record);
    child.stderr?.on('data', record);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? done(undefined) : reject(new Error(`astro build exited with code ${code}${output === 'inherit' ? ' (its output is above)' : ''}.`))));
  });
}
