/**
 * One pass over the built site's pages for every step after `astro build`
 * that reads them (issue 17: each piece of work once): each HTML file is read
 * once and parsed once (parse5, the WHATWG parser), and every step sees the
 * same text and tree: the search index (./search-index.mjs), the CSP hashes
 * (./csp-header.mjs) and the link check (./check-links/). Before, each step
 * read and parsed all pages again (2,299 pages three times on the peer content).
 *
 * A step is a visitor: `page(page)` for each page, then `finish()` once. A
 * step that throws is not called again, and its error is reported as its own
 * (the build names the step that failed); the other steps go on, so one pass
 * still serves them.
 *
 * When: as Astro renders (startPass). The build has Astro send each page as
 * it is rendered (src/integrations/pages-to-parent.ts), and the pass visits it
 * at once, while Astro renders the next; once Astro has finished, the pass
 * checks every page on disk against what it visited and reads what differs.
 * Without pages sent (passOverPages, the tests), it reads every page from disk.
 *
 * Order: the pages as sent (Astro's render order), then the pages read from
 * disk in pageOrder (each top-level folder's pages in file order, the folders
 * taking turns). Both are functions of the content, so Pagefind, which numbers
 * each language's pages in the order it is given them (./search-index.mjs),
 * makes the same index in every build of the same content. A step whose report
 * depends on the order of pages puts them back in file order itself (the link check's).
 *
 * Concurrency: a step may start work it does not wait for in `page()` and
 * wait for it in `finish()`: the search step hands pages to Pagefind's own
 * process, which indexes them while this one parses the next.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parse } from 'parse5';
import { htmlFiles, urlPathOf } from '../lib/dist-html.mjs';

/**
 * @typedef {{ file: string, path: string, html: string, document: import('parse5').DefaultTreeAdapterMap['document'] }} BuiltPage
 *   `file`: absolute path; `path`: the URL path it is served at ("/tr/about/"); `html`: its text as Astro wrote it; `document`: parse5's tree of it
 * @typedef {{ page: (page: BuiltPage) => void | Promise<void>, handedOver?: () => void, finish: () => unknown | Promise<unknown>, close?: () => void | Promise<void>, forget?: (page: { file: string, path: string }) => void | Promise<void> }} PageStep
 *   `handedOver`: called once every page has been through `page()`, before `meanwhile` (the search step has
 *   Pagefind write the index then, while this process does other work); not called on a step that failed.
 *   `close`: called at the very end whatever happened (a step that holds a resource, such as Pagefind's processes)
 *   `forget`: takes back a page visited earlier, `{ file, path }` as in BuiltPage: its file was changed or moved
 *   after Astro rendered it (startPass); the page is visited again if its file is still there. A step without it
 *   fails when that happens.
 * @typedef {{ ok: true, value: unknown, seconds: number } | { ok: false, error: unknown, seconds: number }} StepOutcome
 *   `value`: what finish() returned; `seconds`: wall time spent in this step's own calls (the shared read and parse not included)
 */

/**
 * The order the pass visits pages in: each top-level folder's files (and the
 * files at the top, as one more folder) in the order given, the folders taking
 * turns in the order of their first file. Deterministic: a function of the list.
 * @param {string} site absolute path of the built site
 * @param {string[]} files absolute paths under `site`, in file order (htmlFiles)
 * @returns {string[]} the same files, e.g. [ar/a, en/a, ar/b, en/b, en/c] for [ar/a, ar/b, en/a, en/b, en/c]
 */
export function pageOrder(site, files) {
  /** @type {Map<string, string[]>} */
  const folders = new Map();
  for (const file of files) {
    const path = relative(site, file);
    const folder = path.includes(sep) ? path.slice(0, path.indexOf(sep)) : '';
    const list = folders.get(folder) ?? [];
    list.push(file);
    folders.set(folder, list);
  }
  const lists = [...folders.values()];
  const order = [];
  for (let i = 0; order.length < files.length; i++) for (const list of lists) if (i < list.length) order.push(list[i]);
  return order;
}

/**
 * @typedef {object} Pass a pass started before the pages are all written (startPass)
 * @property {(file: string, html: Uint8Array) => void} rendered a page as Astro rendered it: `file` relative to the
 *   site ("tr/about/index.html", POSIX), `html` its bytes; visited in the order given, while Astro goes on
 * @property {(options?: { meanwhile?: () => Promise<boolean> }) => Promise<PassResult>} complete once Astro has
 *   finished writing the site: checks every page on disk against what was visited, visits what is missing, then
 *   hands over, runs `meanwhile` and finishes the steps as passOverPages does; call it at most once
 * @property {() => Promise<void>} close stops a pass that will not complete (the build failed): each step's `close()`
 * @typedef {{ pages: number, asRendered: number, fromDisk: number, readSeconds: number, outcomes: StepOutcome[] }} PassResult
 *   `pages`: pages in the site; `asRendered`: of those, visited from Astro's bytes (rendered(), unchanged on disk);
 *   `fromDisk`: read from disk after Astro (never sent, changed or moved since); `readSeconds`: decoding, reading,
 *   hashing and parsing, in seconds
 */

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * A pass over the pages of `dir` that can start while Astro is still writing them (the "tee",
 * issue 17, docs/build-speed.md): the build hands it each page as Astro renders it
 * (`rendered()`, from src/integrations/pages-to-parent.ts) and the steps see it at once, while
 * Astro renders the next. Once Astro has finished, `complete()` makes the result the same as a
 * pass over the files on disk (passOverPages), whatever was or was not sent:
 * - every HTML file in `dir` is hashed (SHA-256) and compared with the bytes visited for it;
 * - a page visited whose file has other bytes now (changed after rendering, e.g. by an
 *   integration's post-step), or is gone (moved: the 404 pages, src/integrations/hosts.ts), is
 *   taken back from every step (`forget()`), and the file, if any, is read from disk and visited;
 * - a page never sent (an incremental build's cached page, a file an integration wrote) is read and visited.
 * Pages are visited in the order sent, then those read from disk in pageOrder(). Both orders are
 * functions of the content (Astro renders in the order of its page list), so a step whose result
 * depends on the order (Pagefind numbers pages in the order added) gives the same result in every
 * build of the same content.
 *
 * Memory: a sent page is kept only until visited; the pass keeps each page's SHA-256.
 * @param {string} dir the built site (Astro's outDir)
 * @param {PageStep[] | ((when: { whileRendering: boolean }) => PageStep[] | Promise<PageStep[]>)} steps the steps,
 *   or a function that makes them, called once, when the first page is visited (Astro has then copied public/,
 *   e.g. _headers): `whileRendering` true when that page was sent while Astro renders, false when the pass starts
 *   at `complete()` (nothing was sent); it must not reject (a step that cannot start should be one whose
 *   `finish()` rejects)
 * @returns {Pass}
 */
export function startPass(dir, steps) {
  const site = resolve(dir);
  /** @type {Promise<PageStep[]> | undefined} */
  let made;
  /** The steps, made once (with their state) by the first visit, or by complete() when nothing was sent. */
  const make = () =>
    (made ??= Promise.resolve(typeof steps === 'function' ? steps({ whileRendering: !closed }) : steps).then((list) => {
      state = newState(list);
      return list;
    }));
  /**
   * Per step: its first error outside a page's visit (`error`: it stops the step), and each page's error
   * (`pageErrors`, page file → error: the step goes on with the other pages, and the error goes when the page is
   * taken back, since the bytes Astro sent were not the page's final bytes).
   * @type {{ error: unknown, failed: boolean, pageErrors: Map<string, unknown>, seconds: number }[]}
   */
  let state = [];
  const newState = (list) => list.map(() => ({ error: undefined, failed: false, pageErrors: new Map(), seconds: 0 }));
  /** The step's first error: outside a page, or on the first page (in visit order) still failing. */
  const failureOf = ({ failed, error, pageErrors }) => (failed ? { error } : pageErrors.size ? { error: pageErrors.values().next().value } : undefined);
  const timed = async (i, run, file = undefined) => {
    if (state[i].failed) return undefined;
    const started = performance.now();
    try {
      return await run();
    } catch (error) {
      if (file === undefined) {
        state[i].failed = true;
        state[i].error = error;
      } else state[i].pageErrors.set(file, error);
      return undefined;
    } finally {
      state[i].seconds += (performance.now() - started) / 1000;
    }
  };
  /** Absolute file → SHA-256 (hex) of the bytes visited for it. */
  const visited = new Map();
  let readSeconds = 0;
  let fromDisk = 0;
  let closed = false;
  /** Visits run one after another, in the order asked for. */
  let visiting = Promise.resolve();
  /** The first error of the pass itself (not of a step), reported by complete(). */
  let broken;

  /** Takes a visited page back from every step (forget()); a step without forget() fails, naming the page. */
  const forget = async (list, file) => {
    const page = { file, path: urlPathOf(site, file) };
    visited.delete(file);
    for (let i = 0; i < list.length; i++) {
      // A failure on this page's earlier bytes goes with them; the page read again is visited afresh
      // (forget() still runs, for whatever the step kept of the page before it threw).
      state[i].pageErrors.delete(file);
      await timed(i, () => {
        if (!list[i].forget) throw new Error(`${page.path}: the page changed on disk after it was rendered, and this step cannot take a page back (no forget()).`);
        return list[i].forget(page);
      });
    }
  };
  /** Visits a page from its bytes (a Uint8Array, or a Buffer read from disk), after taking back any earlier visit of it. */
  const visit = async (file, bytes) => {
    const list = await make();
    if (visited.has(file)) await forget(list, file);
    const started = performance.now();
    const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const page = { file, path: urlPathOf(site, file), html, document: parse(html) };
    visited.set(file, sha256(bytes));
    readSeconds += (performance.now() - started) / 1000;
    for (let i = 0; i < list.length; i++) await timed(i, () => list[i].page(page), file);
  };

  return {
    rendered(file, html) {
      const absolute = resolve(site, file);
      if (!absolute.startsWith(site + sep) || !absolute.endsWith('.html')) return; // not a page of the site: the check in complete() reads what is there
      visiting = visiting.then(() => visit(absolute, html)).catch((error) => void (broken ??= error));
    },
    async complete({ meanwhile } = {}) {
      await visiting;
      closed = true;
      const list = await make();
      try {
        if (broken) throw broken;
        const files = htmlFiles(site);
        const onDisk = new Set(files);
        for (const file of [...visited.keys()]) if (!onDisk.has(file)) await forget(list, file);
        /** Files to read, with the bytes read for the check. */
        const toRead = new Map();
        for (const file of files) {
          const started = performance.now();
          const bytes = readFileSync(file);
          const same = visited.get(file) === sha256(bytes);
          readSeconds += (performance.now() - started) / 1000;
          if (!same) toRead.set(file, bytes);
        }
        for (const file of pageOrder(site, [...toRead.keys()])) {
          await visit(file, toRead.get(file));
          fromDisk++;
        }
        for (let i = 0; i < list.length; i++) if (list[i].handedOver) await timed(i, () => list[i].handedOver?.());
        const result = { pages: files.length, asRendered: files.length - fromDisk, fromDisk, readSeconds, outcomes: [] };
        if (meanwhile && !(await meanwhile())) return result;
        for (let i = 0; i < list.length; i++) {
          // A step with a page still failing is not finished (its result would be wrong): the page's error is its outcome.
          const value = failureOf(state[i]) ? undefined : await timed(i, () => list[i].finish());
          const failure = failureOf(state[i]);
          const { seconds } = state[i];
          result.outcomes.push(failure ? { ok: false, error: failure.error, seconds } : { ok: true, value, seconds });
        }
        return result;
      } finally {
        for (const step of list) await step.close?.();
      }
    },
    async close() {
      await visiting;
      if (closed || !made) return;
      closed = true;
      for (const step of await made) await step.close?.();
    },
  };
}

/**
 * Runs `steps` over every page of `dir` in one read and one parse per page, the site being
 * complete: a pass (startPass) that is given no page while Astro renders.
 * @param {string} dir the built site
 * @param {PageStep[]} steps run in this order on each page (pages in pageOrder()), then finished in this order
 * @param {{ meanwhile?: () => Promise<boolean> }} [options]
 *   `meanwhile`: runs once every page has been handed to the steps (and their `handedOver()` called), before
 *   any step finishes: work that must see the pages as Astro wrote them, which a step may change in `finish()`,
 *   and that can run while Pagefind writes the index. When it resolves false, no step finishes and `outcomes` is empty.
 * @returns {Promise<PassResult>}
 */
export function passOverPages(dir, steps, { meanwhile } = {}) {
  return startPass(dir, steps).complete({ meanwhile });
}
