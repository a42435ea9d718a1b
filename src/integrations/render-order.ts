/**
 * The order in which `astro build` asks for the pages: the pages that typeset material PDFs last.
 *
 * Reasoning (issue 17, docs/build-speed.md "Session 15"): Astro renders the paths in the order its
 * prerenderer's `getStaticPaths()` lists them (astro/dist/core/build/generate.js), and that list puts
 * the PDF route (src/pages/[locale]/materials/[file].pdf.ts) first. Typst typesets synchronously in
 * Astro's main thread (src/lib/material-pdf/typst-compile.ts): on the peer content ~1.2 s before any
 * page, while the build's pass over the pages (scripts/build/built-pages.mjs) and Pagefind, which
 * work on the pages as Astro renders them, had nothing to do, so the second core idled. Asked for
 * last, the PDFs are typeset while the pass and Pagefind catch up on the pages already rendered:
 * four pairs of peer builds 17.1-17.6 s → 16.9-17.1 s, the pass's work after Astro 2.5-3.5 s → 2.3-2.6 s.
 * A material's page and its PDFs go last together: the page shows each PDF's size, so it typesets them.
 *
 * What does not change: which paths are rendered, and each page's bytes; the order is still a
 * function of the content (a stable partition of Astro's list), so the pass and Pagefind see the
 * same order in every build of the same content. Astro keeps the first of two paths with the same
 * pathname (`prerenderConflictBehavior`): a path whose pathname is listed twice keeps its place, so
 * no conflict is decided differently.
 */
import type { AstroPrerenderer } from 'astro';
import { isMaterialPdf, routeAt } from '../routes.ts';

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];

/** Whether rendering this path typesets material PDFs: a PDF itself, or a material's page (which shows their sizes). */
export function typesetsPdfs({ pathname }: PathWithRoute): boolean {
  if (isMaterialPdf(pathname)) return true;
  const page = routeAt(pathname.endsWith('/') ? pathname : `${pathname}/`);
  return page?.kind === 'entry' && page.collection === 'materials';
}

/**
 * `paths` with those that typeset PDFs (typesetsPdfs) moved to the end, each group in its own order.
 * A path whose pathname (trailing slash ignored, as Astro compares them) is listed more than once stays where it is.
 * @param paths Astro's list, as its prerenderer's `getStaticPaths()` returns it; not changed
 * @returns a new array with the same elements
 */
export function typesettingLast(paths: readonly PathWithRoute[]): PathWithRoute[] {
  // One trailing slash off, as Astro's removeTrailingForwardSlash() before it compares pathnames (generate.js).
  const key = ({ pathname }: PathWithRoute) => (pathname.endsWith('/') ? pathname.slice(0, -1) : pathname);
  const times = new Map<string, number>();
  for (const path of paths) times.set(key(path), (times.get(key(path)) ?? 0) + 1);
  const last = (path: PathWithRoute) => times.get(key(path)) === 1 && typesetsPdfs(path);
  return [...paths.filter((path) => !last(path)), ...paths.filter(last)];
}

/** `inner` with its paths in typesettingLast() order; everything else is `inner`'s own. */
export function withTypesettingLast(inner: AstroPrerenderer): AstroPrerenderer {
  return {
    name: inner.name,
    setup: inner.setup && (() => inner.setup?.() ?? Promise.resolve()),
    getStaticPaths: async () => typesettingLast(await inner.getStaticPaths()),
    render: (request, options) => inner.render(request, options),
    collectStaticImages: inner.collectStaticImages && (() => inner.collectStaticImages?.() ?? Promise.resolve(new Map())),
    teardown: inner.teardown && (() => inner.teardown?.() ?? Promise.resolve()),
  };
}
