/**
 * What Netlify does with the built site's `_headers` and `_redirects`,
 * computed with Netlify's own code rather than a reading of its docs:
 * - @netlify/headers-parser and @netlify/redirect-parser: how Netlify's build
 *   reads `_headers`, `_redirects` and netlify.toml (the rules it deploys, and
 *   the errors it reports);
 * - @netlify/headers and @netlify/redirects: Netlify's headers engine and its
 *   rewrites-and-redirects engine (netlify-redirector, the matcher Netlify's
 *   edge uses, compiled to WebAssembly), as `netlify dev` runs them.
 * Cloudflare's side is checked on its own runtime (scripts/serve/pages-dev.mjs).
 * Used by the build (scripts/build/csp-header.mjs) and the tests
 * (tests/dist/hosts.dist.test.ts, tests/e2e/hosts.spec.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';
// The two engines (@netlify/headers, @netlify/redirects) are imported by the functions that use them, which only
// the tests call: the build reads the rules alone, and @netlify/redirects takes ~0.25 CPU-seconds to load (issue 17).

export const NETLIFY_CONFIG = resolve(import.meta.dirname, '..', '..', 'netlify.toml');
/** Requests need an origin; only the path matters to both engines. */
const ORIGIN = 'http://site.invalid';

/**
 * The header rules Netlify deploys from `<dist>/_headers` and netlify.toml, in
 * file order: [{ for: '/*', forRegExp, values: { Name: 'value' } }], plus the
 * parse errors Netlify's build would report (each an Error).
 */
export async function netlifyHeaderRules(dist) {
  return parseAllHeaders({ headersFiles: [join(dist, '_headers')], netlifyConfigPath: NETLIFY_CONFIG, configHeaders: [], minimal: false });
}

/** The redirect rules Netlify deploys from `<dist>/_redirects` and netlify.toml, and the parse errors. */
export async function netlifyRedirectRules(dist) {
  return parseAllRedirects({ redirectsFiles: [join(dist, '_redirects')], netlifyConfigPath: NETLIFY_CONFIG, configRedirects: [], minimal: false });
}

const parsedRules = new Map();
/**
 * The custom headers Netlify sends for a request path, `{ Name: value }` with
 * names as written in `_headers`. Throws on any parse error in `_headers`.
 * The rules are parsed once per folder; matching is Netlify's headers engine's
 * own (`headersForPath` in @netlify/headers, which that package does not
 * export): every rule whose path matches applies, in file order, and a later
 * rule's value for a header replaces an earlier one's.
 * tests/dist/hosts.dist.test.ts checks this agrees with the engine on every page.
 * @param {string} dist
 * @param {string} path
 * @returns {Promise<Record<string, string>>}
 */
export async function netlifyHeadersFor(dist, path) {
  let rules = parsedRules.get(dist);
  if (!rules) {
    const { headers, errors } = await netlifyHeaderRules(dist);
    if (errors.length) throw new Error(`Netlify would reject ${join(dist, '_headers')}:\n${errors.map((e) => e.message).join('\n')}`);
    rules = headers;
    parsedRules.set(dist, rules);
  }
  return rules.filter(({ forRegExp }) => forRegExp.test(path)).reduce((all, { values }) => ({ ...all, ...values }), {});
}

/**
 * The same, from Netlify's headers engine itself (@netlify/headers), which re-reads the files on every call.
 * @param {string} dist
 * @param {string} path
 * @returns {Promise<Record<string, string>>}
 */
export async function netlifyEngineHeadersFor(dist, path) {
  const { HeadersHandler } = await import('@netlify/headers');
  return new HeadersHandler({ projectDir: dist, configPath: NETLIFY_CONFIG, logger: console }).apply(new Request(`${ORIGIN}${path}`));
}

/** The file Netlify serves for a path when no rule applies: the file itself, or the folder's index.html. */
function staticFile(dist, path) {
  const candidate = join(dist, decodeURIComponent(path));
  if (!candidate.startsWith(dist)) return undefined;
  for (const file of [candidate, join(candidate, 'index.html')]) if (existsSync(file) && statSync(file).isFile()) return file;
  return undefined;
}

/**
 * What Netlify answers for a request path: `{ status, file }` (file relative to
 * dist). Existing files are served first (a rule without `!` does not shadow
 * them), then `_redirects` applies, then Netlify's own `/404.html`.
 */
export async function netlifyResponse(dist, path) {
  const root = resolve(dist);
  const { RedirectsHandler } = await import('@netlify/redirects');
  const handler = new RedirectsHandler({
    configPath: NETLIFY_CONFIG,
    configRedirects: [],
    jwtRoleClaim: 'app_metadata.authorization.roles',
    jwtSecret: 'unused',
    projectDir: root,
    publicDir: root,
  });
  const request = new Request(`${ORIGIN}${path}`);
  const served = (file) => async () => new Response(readFileSync(file), { headers: { 'x-file': file.slice(root.length) } });
  const getStaticFile = async (req) => {
    const file = staticFile(root, new URL(req.url).pathname);
    return file ? served(file) : undefined;
  };
  const own = staticFile(root, path);
  const match = await handler.match(request);
  if (match) {
    const response = await handler.handle(request, match, getStaticFile);
    if (response) {
      const file = response.headers.get('x-file');
      return { status: own && file === own.slice(root.length) ? 200 : match.statusCode, file, location: response.headers.get('location') ?? undefined };
    }
  }
  if (own) return { status: 200, file: own.slice(root.length) };
  const notFound = join(root, '404.html');
  return { status: 404, file: existsSync(notFound) ? '/404.html' : undefined };
}
