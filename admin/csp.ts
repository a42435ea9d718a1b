/**
 * The Content-Security-Policy of /admin/, one list for both places it is sent:
 * the `/admin/*` rule in public/_headers (checked against this list by
 * tests/unit/cms-config.unit.test.ts) and the <meta> Astro writes into the admin
 * page (src/pages/admin/index.astro adds these through Astro.csp).
 *
 * Why each source beyond the public pages' policy (src/lib/content-security-policy.ts):
 * - style-src 'unsafe-inline': Decap styles itself with Emotion, which
 *   injects <style> elements at run time; there are no hashes to list.
 * - script-src 'unsafe-eval': Decap compiles its config schema with AJV,
 *   which builds validator functions with `new Function`; without it the
 *   CMS stops at "Error loading the CMS configuration".
 * - connect-src https://api.github.com: the GitHub backend (admin/backend.ts).
 *   http://localhost:* and http://127.0.0.1:*: decap-server for local
 *   editing; the port is configurable, so any local port. blob: and data::
 *   Decap reads uploaded and fetched media through object URLs (the PDF size
 *   widget measures the file that way).
 * - img-src blob: data:: media previews; https://avatars.githubusercontent.com:
 *   the logged-in user's avatar.
 * - frame-src blob:: Decap's media library previews (the preview pane itself
 *   is a same-document iframe, allowed by 'self').
 * Nothing here is loaded by public pages: this policy applies to /admin/ only.
 */
export const adminCsp = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https://avatars.githubusercontent.com'],
  'connect-src': ["'self'", 'blob:', 'data:', 'https://api.github.com', 'http://localhost:*', 'http://127.0.0.1:*'],
  'font-src': ["'self'", 'data:'],
  'frame-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
} as const;

/** The header form; frame-ancestors only works in a header, not in <meta>. */
export function adminCspHeader(): string {
  return [...Object.entries(adminCsp).map(([name, sources]) => `${name} ${sources.join(' ')}`), "frame-ancestors 'none'"].join('; ');
}
