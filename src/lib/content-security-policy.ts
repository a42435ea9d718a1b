/**
 * The Content Security Policy, delivered two ways.
 *
 * 1. As a header, from public/_headers (the `/*` rule), on hosts that read that
 *    file (Netlify, Cloudflare Pages; the tests serve it on workerd). A header can carry
 *    what a <meta> cannot: frame-ancestors. scripts/csp-header.mjs adds, after
 *    each build, the hashes of every inline script and style in the site to its
 *    script-src and style-src, so the header is a complete policy on its own.
 * 2. As <meta http-equiv="content-security-policy"> in every page, written by
 *    Astro (`security.csp` in astro.config.mjs): the directives below plus
 *    script-src/style-src with the hashes of that page's own inline code. This is
 *    the policy on a host that ignores _headers.
 *
 * Where both arrive, the browser enforces both: a script runs only if each
 * policy allows it. That is why the header lists the hashes of the whole site
 * (a superset of any one page) instead of leaving script-src to default-src
 * 'self', which would block every inline script the meta allows. The effective
 * policy on a page is therefore the page's own meta: nothing runs that the page
 * did not ship. tests/e2e/csp.spec.ts checks, for every built page, that each
 * inline script and style is allowed by both, and that the two agree on the
 * directives below.
 *
 * No 'unsafe-inline' and no 'unsafe-eval' anywhere. The header's script-src
 * has 'wasm-unsafe-eval' (WebAssembly compilation only, not eval() of
 * JavaScript) for Pagefind: its search runs in a worker,
 * /pagefind/pagefind-worker.js, which compiles the WebAssembly index, and a
 * worker is governed by the CSP header of its own script's response, not by
 * the page's meta. It has to be in the `/*` rule: a separate /pagefind/* rule
 * would be joined with `/*` on Cloudflare Pages (both enforced) rather than
 * replace it. Pages themselves never get it, as their meta leaves it out.
 */

/** Directives shared by the header and the meta (the header adds frame-ancestors and the site-wide hashes). */
export const cspDirectives = [
  // Everything from this site only: no CDN, fonts, analytics or embeds on another host.
  "default-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  // No plugins, no <base> rewriting relative links, forms submit only here.
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;
