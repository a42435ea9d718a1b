/**
 * After `astro build`: completes the Content-Security-Policy header in
 * dist/_headers with the hashes of every inline script and style the site ships.
 *
 * Why: Astro writes a <meta> policy per page with that page's hashes. A host
 * that also sends the header makes the browser enforce both, and a header whose
 * script-src were only 'self' would block the inline scripts the meta allows.
 * The header cannot know which page it is sent with, so it carries the hashes
 * of all pages; each page's meta then narrows it to its own. Only the `/*` rule
 * is completed, and only with code from pages that rule's CSP applies to (an
 * /admin/* rule with its own policy keeps it untouched).
 * Each page's own meta is then narrowed to that page's hashes (narrowMetaPolicy).
 * See src/lib/content-security-policy.ts. A step of buildSite() (./build-site.mjs),
 * in its one pass over the built pages (./built-pages.mjs).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inlineCode, sha256Source } from '../lib/csp-policy.mjs';
import { netlifyHeaderRules, netlifyHeadersFor } from '../lib/netlify.mjs';

/** Cloudflare Pages ignores header lines longer than this. */
const MAX_LINE = 2000;
const SITE_RULE = '/*';

/** The value of a header named `name` (any case) in `{ Name: value }`, or undefined. */
const valueOf = (headers, name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * The CSP header as a step of the one pass over the built pages
 * (./built-pages.mjs): each page's inline code is hashed from the tree the
 * pass parsed and its meta narrowed in the text the pass read; `finish()`
 * writes back the pages whose meta changed (not before: the offline worker,
 * which runs in the pass's `meanwhile`, versions the pages it keeps by the
 * bytes Astro wrote, as when it ran before the pass) and adds every hash to
 * dist/_headers in place, reading the rules as Netlify's build does.
 * `finish()` resolves with how many distinct hashes were added: { scripts, styles }.
 * @param {string} dir the built site
 * @returns {Promise<import('./built-pages.mjs').PageStep>}
 * @throws (from `finish()`, or here for the rules) when _headers does not parse, its `/*` rule has no policy,
 *   or the line grows past what Cloudflare accepts; (from `page()`) when a page's CSP meta is not in the form Astro writes
 */
export async function cspHeaderStep(dir) {
  const headersPath = join(dir, '_headers');
  if (!existsSync(headersPath)) throw new Error(`${headersPath} is missing: public/_headers should have been copied there.`);
  const text = readFileSync(headersPath, 'utf8');
  // Read as Netlify's build reads it (Cloudflare reads the same file the same way: tests/e2e/hosts.spec.ts).
  const { headers: rules, errors } = await netlifyHeaderRules(dir);
  if (errors.length) throw new Error(`${headersPath} does not parse as Netlify reads it:\n${errors.map((e) => e.message).join('\n')}`);
  const siteCsp = valueOf(rules.find((rule) => rule.for === SITE_RULE)?.values ?? {}, 'content-security-policy');
  if (!siteCsp) throw new Error(`${headersPath}: the "${SITE_RULE}" rule has no Content-Security-Policy.`);

  /** Per page the `/*` rule applies to (by file): its own hashes, and its text with the meta narrowed when that changes (written by finish()). */
  const pages = new Map();
  return {
    async page({ file, path, html, document }) {
      if (valueOf(await netlifyHeadersFor(dir, path), 'content-security-policy') !== siteCsp) return;
      const { scripts, styles } = inlineCode(document);
      const own = { script: scripts.map(sha256Source), style: styles.map(sha256Source) };
      const narrowed = narrowMetaPolicy(html, own, file);
      pages.set(file, { own, narrowed: narrowed === html ? undefined : narrowed });
    },
    forget({ file }) {
      pages.delete(file);
    },
    finish() {
      const scriptHashes = new Set();
      const styleHashes = new Set();
      for (const [file, { own, narrowed }] of pages) {
        for (const h of own.script) scriptHashes.add(h);
        for (const h of own.style) styleHashes.add(h);
        if (narrowed !== undefined) writeFileSync(file, narrowed);
      }
      pages.clear();
      const add = (policy, directive, hashes) =>
        policy.replace(new RegExp(`(^|;)(\\s*${directive}\\s[^;]*)`), (_, start, value) => `${start}${[value.trimEnd(), ...hashes.filter((h) => !value.includes(h))].join(' ')}`);
      let completed = add(siteCsp, 'script-src', [...scriptHashes].sort());
      completed = add(completed, 'style-src', [...styleHashes].sort());

      // Replace the policy in the `/*` block only: the first CSP line after the "/*" line.
      const lines = text.split('\n');
      const start = lines.findIndex((line) => line.trim() === SITE_RULE && !/^\s/.test(line));
      const index = lines.findIndex((line, i) => i > start && /^\s+content-security-policy\s*:/i.test(line));
      lines[index] = lines[index].replace(siteCsp, completed);
      if (lines[index].length > MAX_LINE) {
        throw new Error(
          `The Content-Security-Policy line in ${headersPath} is ${lines[index].length} characters long (${scriptHashes.size} script and ${styleHashes.size} style hashes); ` +
            `Cloudflare Pages ignores lines over ${MAX_LINE}. Move inline <script>s into files, or make pages share them.`,
        );
      }
      writeFileSync(headersPath, lines.join('\n'));
      return { scripts: scriptHashes.size, styles: styleHashes.size };
    },
  };
}

const META_CSP = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i;

/**
 * Narrows a page's <meta> policy to the hashes of that page's own inline code.
 *
 * Why: Astro writes into every page's meta the hashes of every inline script
 * and style of the whole build (11 on a material page that has 3), which
 * allows code the page never has and costs about 0.4 KB of incompressible
 * base64 per page against the 14 KB budget (issue 10: the material pages
 * went over it). The header keeps every hash (it cannot know the page); the
 * browser enforces both, so the page is held to the meta's narrower list.
 * Only 'sha256-…' sources of script-src and style-src are removed; 'self'
 * and every other directive are kept as Astro wrote them.
 * Works on the page's text as the build's one pass read it (./built-pages.mjs):
 * `html` is the page, `own`: { script: ["'sha256-…'"], style: [...] }, as
 * sha256Source() writes them, `file` names the page in the error.
 * Returns the page's text with the narrowed meta (the same string when
 * nothing changes). Throws if the page has a CSP meta that is not in the form Astro writes.
 */
export function narrowMetaPolicy(html, own, file) {
  const match = META_CSP.exec(html);
  if (!match) {
    if (/http-equiv="content-security-policy"/i.test(html)) throw new Error(`${file}: a CSP <meta> in an unexpected form; cannot narrow it to the page's own hashes.`);
    return html;
  }
  const policy = match[2].replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  const narrowed = policy
    .split(';')
    .map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      const keep = name === 'script-src' ? own.script : name === 'style-src' ? own.style : null;
      if (!keep) return part;
      return [name, ...sources.filter((source) => !/^'sha(256|384|512)-/.test(source) || keep.includes(source))].join(' ');
    })
    .join(';');
  return narrowed === policy ? html : html.replace(META_CSP, (_, start, _value, end) => `${start}${narrowed.replaceAll('&', '&amp;')}${end}`);
}
