/**
 * How the search scripts find their elements: by data-search-* hooks only
 * (classes are for CSS). A missing hook is a SearchError naming it, instead
 * of a TypeError somewhere later.
 */

/** The markup and the scripts disagree (SearchForm.astro, SearchPage.astro). Named, so it survives minification. */
class SearchError extends Error {
  override name = 'SearchError';
}

/** The element with attribute `name` inside `root`; throws SearchError when there is none. */
export function hook<T extends Element>(root: ParentNode, name: string): T {
  const el = root.querySelector<T>(`[${name}]`);
  if (!el) throw new SearchError(`missing [${name}]`);
  return el;
}
