/**
 * The header search form's only script (SearchForm.astro): inline and classic,
 * so it is in place as soon as the form is parsed, before any module script
 * could be, and the words go into the URL fragment (`#q=`), which is never
 * sent, instead of the query string the form itself would use without
 * JavaScript. The page's CSP must carry its hash: Base.astro adds it, because
 * a component's front matter runs after the page's <head>, with its CSP
 * <meta>, has been written (scripts/csp-header.mjs adds it to the header).
 */
import { createHash } from 'node:crypto';
import { QUERY_PARAM } from './query.ts';

export const headerSearchScript =
  '{const f=document.currentScript.previousElementSibling;' +
  "f.addEventListener('submit',e=>{e.preventDefault();" +
  `const w=f.elements.${QUERY_PARAM}.value.trim();` +
  `location.assign(f.action+(w?'#'+new URLSearchParams({${QUERY_PARAM}:w}):''))})}`;

/** `sha256-…` of the script, for the CSP's script-src. */
export const headerSearchScriptHash = `sha256-${createHash('sha256').update(headerSearchScript).digest('base64')}` as const;
