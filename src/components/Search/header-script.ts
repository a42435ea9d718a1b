/**
 * The header search form's only script (SearchForm.astro): inline and classic,
 * in <head> (Base.astro) before the stylesheets, so it is in place before the
 * form is even parsed, and the words go into the URL fragment (`#q=`), which is
 * never sent, instead of the query string the form itself would use without
 * JavaScript. It listens on the document for the submit of the form marked
 * `data-search-form="header"`.
 *
 * Why in <head> and not after the form (where it was until issue 17, point 6):
 * a classic script in the body waits for the stylesheets still loading before
 * it runs, and the parser waits with it. The first frame then showed the
 * header alone, and the rest of the page came a second long layout task
 * later (docs/build-speed.md, point 6). Before any stylesheet nothing is
 * pending, so here it runs at once and stops nothing.
 *
 * The page's CSP must carry its hash: Base.astro adds it, because a
 * component's front matter runs after the page's <head>, with its CSP <meta>,
 * has been written (scripts/build/csp-header.mjs adds it to the header).
 */
import { createHash } from 'node:crypto';
import { QUERY_PARAM } from './query.ts';

export const headerSearchScript =
  "document.addEventListener('submit',e=>{const f=e.target;" +
  "if(!(f instanceof HTMLFormElement)||f.dataset.searchForm!=='header')return;" +
  'e.preventDefault();' +
  `const w=f.elements.${QUERY_PARAM}.value.trim();` +
  `location.assign(f.action+(w?'#'+new URLSearchParams({${QUERY_PARAM}:w}):''))})`;

/** `sha256-…` of the script, for the CSP's script-src. */
export const headerSearchScriptHash = `sha256-${createHash('sha256').update(headerSearchScript).digest('base64')}` as const;
