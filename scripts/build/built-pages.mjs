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
 * Order (pageOrder): each top-level folder's pages in file order, the folders
 * taking turns (/ar/a, /en/a, /fa/a, …, /ar/b, …). The locales are the
 * top-level folders, so every few pages the pass has one page of each
 * language, which the search step hands Pagefind together: Pagefind indexes
 * those on all cores, and still numbers each language's pages in file order
 * (./search-index.mjs). A step whose result depends on the order of pages
 * puts them back in file order itself (the link check's report).
 *
 * Concurrency: a step may start work it does not wait for in `page()` and
 * wait for it in `finish()`: the search step hands pages to Pagefind's own
 * process, which indexes them while this one parses the next.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parse } from 'parse5';
import { htmlFiles, urlPathOf } from '../lib/dist-html.mjs';

/**
 * @typedef {{ file: string, path: string, html: string, document: import('parse5').DefaultTreeAdapterMap['document'] }} BuiltPage
 *   `file`: absolute path; `path`: the URL path it is served at ("/tr/about/"); `html`: its text as Astro wrote it; `document`: parse5's tree of it
 * @typedef {{ page: (page: BuiltPage) => void | Promise<void>, handedOver?: () => void, finish: () => unknown | Promise<unknown>, close?: () => void | Promise<void> }} PageStep
 *   `handedOver`: called once every page has been through `page()`, before `meanwhile` (the search step has
 *   Pagefind write the index then, while this process does other work); not called on a step that failed.
 *   `close`: called at the very end whatever happened (a step that holds a resource, such as Pagefind's process)
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
 * Runs `steps` over every page of `dir` in one read and one parse per page.
 * @param {string} dir the built site
 * @param {PageStep[]} steps run in this order on each page (pages in pageOrder()), then finished in this order
 * @param {{ meanwhile?: () => Promise<boolean> }} [options]
 *   `meanwhile`: runs once every page has been handed to the steps (and their `handedOver()` called), before
 *   any step finishes: work that must see the pages as Astro wrote them, which a step may change in `finish()`,
 *   and that can run while Pagefind writes the index. When it resolves false, no step finishes and `outcomes` is empty.
 * @returns {Promise<{ pages: number, readSeconds: number, outcomes: StepOutcome[] }>} `readSeconds`: reading and parsing, in seconds
 */
export async function passOverPages(dir, steps, { meanwhile } = {}) {
  const site = resolve(dir);
  const state = steps.map(() => ({ error: undefined, failed: false, seconds: 0 }));
  const timed = async (i, run) => {
    if (state[i].failed) return undefined;
    const started = performance.now();
    try {
      return await run();
    } catch (error) {
      state[i].failed = true;
      state[i].error = error;
      return undefined;
    } finally {
      state[i].seconds += (performance.now() - started) / 1000;
    }
  };
  let readSeconds = 0;
  try {
    const files = pageOrder(site, htmlFiles(site));
    for (const file of files) {
      const started = performance.now();
      const html = readFileSync(file, 'utf8');
      const page = { file, path: urlPathOf(site, file), html, document: parse(html) };
      readSeconds += (performance.now() - started) / 1000;
      for (let i = 0; i < steps.length; i++) await timed(i, () => steps[i].page(page));
    }
    for (let i = 0; i < steps.length; i++) if (steps[i].handedOver) await timed(i, () => steps[i].handedOver?.());
    const outcomes = [];
    if (meanwhile && !(await meanwhile())) return { pages: files.length, readSeconds, outcomes };
    for (let i = 0; i < steps.length; i++) {
      const value = await timed(i, () => steps[i].finish());
      const { failed, error, seconds } = state[i];
      outcomes.push(failed ? { ok: false, error, seconds } : { ok: true, value, seconds });
    }
    return { pages: files.length, readSeconds, outcomes };
  } finally {
    for (const step of steps) await step.close?.();
  }
}
