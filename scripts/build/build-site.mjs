/**
 * The one definition of "a build", used by `npm run build`
 * (scripts/cli/build.mjs), `npm start`, the fixture site, the bad-content
 * tests, the CMS tests and the benchmark. Nothing in it imports a server.
 *
 * Steps, stopping at the first that fails (1 and 2 run at once: Astro's
 * output is shown only once step 1 has passed, and Astro is stopped if it fails):
 *   1. content files: checked as the CMS checks them (./content-check.mjs:
 *      YAML, keys and tags, schemas, bodies, UI strings), every problem named
 *      by file, line and field at once: Astro's own message points elsewhere
 *      and stops at the first file;
 *   2. astro build: pages, /admin/, and the schema and cross-entry checks
 *      (src/content.config.ts, src/lib/validate-content.ts); meanwhile the
 *      CMS bundle is built, or taken from its cache when none of its inputs
 *      changed (./cms-bundle.mjs), and copied into _astro/ after Astro;
 *   2b. offline worker: the "Keep for offline" service worker of each locale (./offline-worker.mjs);
 *   3. CSP header: the site's inline-script hashes into _headers (./csp-header.mjs);
 *   4. search index: one Pagefind index per locale (./search-index.mjs);
 *   5. internal links: every target exists and stays in the page's language
 *      (./check-links/), after the search index, whose files are linked to.
 * Steps 3 to 5 share one pass over the built pages (./built-pages.mjs): each
 * page is read and parsed once (again only if it changed on disk after Astro
 * rendered it), and Pagefind indexes the pages in its own processes (one per core,
 * ./pagefind-shards.mjs) meanwhile; each step is still reported, and fails, under its own name.
 * Astro starts first; the content check runs beside it at a low priority, and the steps' modules load once it has passed (stepModules).
 * The pass starts while Astro renders: Astro sends each page as it is rendered
 * (src/integrations/pages-to-parent.ts, over an IPC channel), and once Astro
 * has finished the pass reads from disk only the pages that were not sent or
 * have changed since (checked by SHA-256), so the result is a pass over dist/.
 * Once the pass has handed every page over, Pagefind writes the index, and
 * meanwhile the CMS bundle is copied and step 2b runs (before any step writes:
 * the offline worker versions the pages it keeps by the bytes Astro wrote),
 * then the CSP step writes the narrowed pages and _headers.
 */
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { localSiteUrl, siteUrlFrom } from '../../src/lib/site-url.ts';
import { NATIVE_ALLOCATOR_ENV } from '../lib/native-allocator.mjs';
import { applyOverlay, copyProject, projectRoot, removeCopy } from '../lib/project-copy.mjs';
import { startPass } from './built-pages.mjs';
import { CMS_ENTRY_ENV, cmsBundleInProcess, cmsBundleKey, copyCmsBundle } from './cms-bundle.mjs';
import { pageOfMessage, PAGES_TO_PARENT_ENV, PAGES_TO_PARENT_SERIALIZATION } from '../../src/integrations/pages-to-parent.ts';

/**
 * The modules of the steps after Astro, imported when first needed: once the content check has passed,
 * or for the first page Astro sends, whichever comes first. Together they take ~0.7 CPU-seconds to load,
 * which at the very start would be taken from Astro's own start, when both cores are busy (issue 17,
 * docs/build-speed.md "Session 19").
 */
let loadingSteps;
const stepModules = () =>
  (loadingSteps ??= Promise.all([import('./offline-worker.mjs'), import('./csp-header.mjs'), import('./search-index.mjs'), import('./check-links/index.mjs')]).then(
    ([offlineWorker, cspHeader, searchIndex, checkLinks]) => ({ offlineWorker, cspHeader, searchIndex, checkLinks }),
  ));

/**
 * Step 1, the content check (./content-check.mjs checkContentFiles), in a worker thread that runs at the
 * lowest CPU priority (that module says why), so that `astro build` has the cores meanwhile. This thread
 * does not load the check's modules: only the worker does.
 * @param {string} contentDir
 * @param {{ relativeTo?: string }} options
 * @returns {Promise<{ files: number, problems: string[] }>} rejects if the thread fails (a bug, not a content problem: those are in `problems`)
 */
function checkContentInThread(contentDir, options) {
  return new Promise((done, reject) => {
    const worker = new Worker(new URL('./content-check.mjs', import.meta.url), { workerData: { contentCheck: { contentDir, options } } });
    worker.once('message', done);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The content check's worker stopped (exit code ${code}) without a result.`)));
  });
}

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
  /** @type {ReturnType<typeof cmsBundleInProcess> | undefined} */
  let cmsWorker;
  /** @type {import('./built-pages.mjs').Pass | undefined} */
  let pass;
  /**
   * Runs one step and reports it; `measured`: its seconds (or a function giving them once it
   * has run) when they are counted elsewhere: a step that ran alongside another, or in the shared pass.
   */
  const step = async (name, run, measured) => {
    const started = performance.now();
    let ok = true;
    const seconds = () => (typeof measured === 'function' ? measured() : (measured ?? (performance.now() - started) / 1000));
    try {
      const summary = await run();
      log(`✓ ${name}${summary ? ` (${summary})` : ''} in ${seconds().toFixed(1)} s`);
    } catch (error) {
      ok = false;
      fail(`\n✗ ${name} failed${error instanceof Error && error.message ? `:\n${error.message}` : '.'}`);
    }
    steps.push({ name, ok, seconds: seconds() });
    return ok;
  };

  try {
    // Steps 1 and 2 run at once, on the two cores: the content check in a worker thread, Astro
    // in its own process, whose output is held back until the check passes, so a failed check
    // reads as before: its problems, and nothing from an Astro build it then stops.
    // The CMS bundle's address is known before it is built (its name is its inputs' hash): the admin page names it.
    // Astro is started first, the rest while it starts.
    const cmsKey = cmsBundleKey(buildRoot);
    // Steps 3 to 5 start as Astro renders: it sends each page as rendered (src/integrations/pages-to-parent.ts).
    pass = startPass(out, ({ whileRendering }) => pageSteps(out, { root: buildRoot, linksChecked, whileRendering }));
    const astro = startAstroBuild(buildRoot, out, { ...astroEnv, [CMS_ENTRY_ENV]: `/_astro/cms.${cmsKey.key}.js` }, output, (chunk) => (text += chunk), pass.rendered);
    const cmsStarted = performance.now();
    cmsWorker = cmsBundleInProcess(buildRoot, cmsKey);
    const cms = cmsWorker.done.then((bundle) => ({ ...bundle, seconds: (performance.now() - cmsStarted) / 1000 }));
    cms.catch(() => {}); // reported by its step, not as an unhandled rejection meanwhile
    const checked =
      !contentCheck ||
      (await step('content files', async () => {
        const { files, problems } = await checkContentInThread(join(buildRoot, 'content'), { relativeTo: buildRoot });
        if (problems.length) throw new Error(`Content that cannot be published (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
        return `${files} files: front matter, schemas, bodies, UI strings`;
      }));
    if (!checked) await astro.cancel();
    else stepModules().catch(() => {}); // reported by the first step that needs them, not as an unhandled rejection meanwhile
    const ok =
      checked &&
      (await step(
        'astro build',
        () => {
          astro.release();
          return astro.finished;
        },
        () => astro.seconds(),
      )) &&
      (await afterAstro(
        pass,
        {
          linksChecked,
          // While Pagefind writes the index, before the steps write anything.
          meanwhile: async () =>
            (await step('CMS bundle', async () => {
              const bundle = await cms;
              copyCmsBundle(bundle, out);
              return `${bundle.files.length} files, ${bundle.cached ? `unchanged inputs: from the cache (${bundle.key})` : `built in ${bundle.seconds.toFixed(1)} s alongside Astro (${bundle.key})`}`;
            })) && (await step('offline worker', async () => (await stepModules()).offlineWorker.offlineWorkerStep(out, buildRoot))),
        },
        step,
      ));
    const failed = steps.find((s) => !s.ok);
    return { ok, failedStep: failed?.name, steps, output: text, root: buildRoot, outDir: out };
  } finally {
    // Stops a CMS bundle still building when an earlier step failed (a no-op once it has finished),
    // and the pass's steps (Pagefind's processes) when Astro or the content check failed.
    await cmsWorker?.cancel();
    await pass?.close();
    if (copy) removeCopy(copy);
  }
}

/**
 * The steps of the pass over the built pages (steps 3 to 5), in this order; a step that cannot
 * start is one whose finish() fails with the reason, so that it is reported under its own name.
 * Made when the pass gets its first page (./built-pages.mjs startPass): Astro has then copied
 * public/, whose _headers the CSP step reads. `whileRendering`: that first page came while Astro renders
 * (the tee), so Pagefind indexes beside Astro at a low priority (searchIndexStep's `besideAstro`); when
 * nothing was sent, the pass runs after Astro and Pagefind keeps its priority.
 * @param {string} out
 * @param {{ root: string, linksChecked: boolean, whileRendering: boolean }} options
 * @returns {Promise<import('./built-pages.mjs').PageStep[]>}
 */
async function pageSteps(out, { root, linksChecked, whileRendering }) {
  const { cspHeader, searchIndex, checkLinks } = await stepModules();
  const failing = (error) => ({ page() {}, forget() {}, finish: () => Promise.reject(error) });
  const make = async (create) => {
    try {
      return await create();
    } catch (error) {
      return failing(error);
    }
  };
  return [
    await make(() => cspHeader.cspHeaderStep(out)),
    await make(() => searchIndex.searchIndexStep(out, { besideAstro: whileRendering })),
    ...(linksChecked ? [checkLinks.linkCheckStep(out, { root })] : []),
  ];
}

/**
 * Steps 3 to 5: the pass over the built pages, started while Astro rendered (startPass), completed
 * now that Astro has finished, and reported as `step` reports them: each line gives the time spent
 * in that step's own work; the shared reading and parsing is reported once, as "reading built pages".
 * `meanwhile`: steps run once the pass has handed every page over, while Pagefind writes the index,
 * and before the steps finish (startPass's complete()); false stops the build there. The CSP step
 * finishes first (it writes the narrowed pages and _headers), then the search step waits for
 * Pagefind, then the link check.
 * @param {import('./built-pages.mjs').Pass} pass
 * @returns {Promise<boolean>} whether every step passed
 */
async function afterAstro(pass, { linksChecked, meanwhile }, step) {
  const names = ['CSP header', 'search index', ...(linksChecked ? ['internal links'] : [])];
  const { formatIssues } = (await stepModules()).checkLinks;
  const started = performance.now();
  /** @type {import('./built-pages.mjs').PassResult | undefined} */
  let result;
  const summaries = {
    'search index': (languages) =>
      Object.entries(languages)
        .map(([lang, { page_count }]) => `${lang} ${page_count}`)
        .join(', '),
    'CSP header': ({ scripts, styles }) => `${scripts} inline script and ${styles} inline style hashes`,
    'internal links': ({ pages: read, checked, issues }) => {
      if (issues.length) throw new Error(formatIssues(issues));
      return `${checked} same-site links on ${read} pages`;
    },
  };
  const read = await step(
    'reading built pages',
    async () => {
      result = await pass.complete({ meanwhile });
      return (
        `${result.pages} pages, each read and parsed once: ${result.asRendered} as Astro rendered them, ${result.fromDisk} from disk ` +
        `(never sent, or changed since); the pass took ${((performance.now() - started) / 1000).toFixed(1)} s after Astro`
      );
    },
    () => result?.readSeconds ?? (performance.now() - started) / 1000,
  );
  if (!read || !result || result.outcomes.length < names.length) return false;
  for (const [i, name] of names.entries()) {
    const outcome = result.outcomes[i];
    const ok = await step(
      name,
      () => {
        if (!outcome.ok) throw outcome.error;
        return summaries[name](outcome.value);
      },
      outcome.seconds,
    );
    if (!ok) return false;
  }
  return true;
}

/**
 * The environment `astro build` runs with: `inherited` (this process's), with our defaults under it and
 * the build's own settings over it.
 * @param {NodeJS.ProcessEnv} inherited
 * @param {Record<string, string>} env buildSite()'s `env` option, over everything but the tee's switch
 * @param {'inherit' | 'capture'} output
 * @param {boolean} terminal whether this process's output is a terminal
 * @returns {NodeJS.ProcessEnv}
 */
export function astroBuildEnvironment(inherited, env, output, terminal) {
  return {
    // The material PDFs' cache is keyed by content hash, so a project copy shares this project's (src/lib/material-pdf/typst-compile.ts).
    MATERIAL_PDF_CACHE_DIR: join(projectRoot, '.cache', 'material-pdf'),
    // Piped (to hold it back), Astro's output keeps its colours on a terminal.
    ...(output === 'inherit' && terminal ? { FORCE_COLOR: '1' } : {}),
    // No transparent huge pages for the Rust bindings' allocator: ~3 s of zeroing memory on the peer content (../lib/native-allocator.mjs).
    ...NATIVE_ALLOCATOR_ENV,
    ...inherited,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(output === 'capture' ? { FORCE_COLOR: '0', NO_COLOR: '1' } : {}),
    ...env,
    [PAGES_TO_PARENT_ENV]: '1',
  };
}

/**
 * `astro build` in `dir` as a child process (Astro reads its config and content from the working directory),
 * started at once. Its output is held until `release()`, then printed (output 'inherit') or passed to `record`
 * ('capture'). `finished` resolves when Astro succeeds and rejects, with the exit code, when it fails;
 * `seconds()` is its wall time so far, in seconds; `cancel()` stops it and drops its output.
 * `onPage(file, html)`: each page as Astro renders it (file relative to `outDir`, its bytes), in render
 * order, over an IPC channel (src/integrations/pages-to-parent.ts); every one has come once `finished` settles
 * (a child's 'close' waits for its IPC channel to close).
 */
function startAstroBuild(dir, outDir, env, output, record, onPage) {
  const started = performance.now();
  let ended;
  /** Output chunks not yet shown: [stream, chunk]; undefined once released. */
  let held = [];
  let dropped = false;
  const show = (stream, chunk) => (output === 'inherit' ? stream.write(chunk) : record(chunk));
  const take = (stream) => (chunk) => (dropped ? undefined : held ? held.push([stream, chunk]) : show(stream, chunk));
  const child = spawn(join(projectRoot, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
    cwd: dir,
    env: astroBuildEnvironment(process.env, env, output, Boolean(process.stdout.isTTY)),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // The pages' bytes go as bytes (structured clone), not as JSON.
    serialization: PAGES_TO_PARENT_SERIALIZATION,
  });
  child.on('message', (message) => {
    // Anything else (e.g. a JSON channel's copy of the bytes) is ignored: the pass then reads that page from disk.
    const page = pageOfMessage(message);
    if (page && !dropped) onPage(page.file, page.html);
  });
  child.stdout.on('data', take(process.stdout));
  child.stderr.on('data', take(process.stderr));
  const finished = new Promise((done, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      ended = performance.now();
      if (code === 0) done(undefined);
      else reject(new Error(`astro build exited with code ${code}${output === 'inherit' ? ' (its output is above)' : ''}.`));
    });
  });
  finished.catch(() => {}); // reported by the step that waits for it, not as an unhandled rejection meanwhile
  return {
    finished,
    seconds: () => ((ended ?? performance.now()) - started) / 1000,
    release() {
      for (const [stream, chunk] of held ?? []) show(stream, chunk);
      held = undefined;
    },
    async cancel() {
      dropped = true;
      child.kill('SIGTERM');
      await finished.catch(() => {});
    },
  };
}
