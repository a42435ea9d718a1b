/**
 * Content-Security-Policy maths for built pages: the hash of a piece of
 * inline code, the inline code a page has, the policy in its <meta>, and
 * whether a policy lets an inline script or style run. Shared by the build
 * step that completes the header (scripts/build/csp-header.mjs) and the tests
 * that check every page against both policies (src/lib/content-security-policy.ts
 * explains why there are two).
 */
import { createHash } from 'node:crypto';
import { attr, elements, textOf } from './dist-html.mjs';

/** The CSP source expression for a piece of inline code: 'sha256-…'. */
export function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Inline code a CSP has to allow: <script> without src (data blocks such as JSON
 * excepted, which never run), <style>, and the attributes CSP treats as inline
 * code (on* handlers, style="", javascript: URLs), which no page should have.
 */
export function inlineCode(document) {
  const scripts = [];
  const styles = [];
  const attributes = [];
  for (const el of elements(document)) {
    if (el.tagName === 'script' && attr(el, 'src') === undefined) {
      const type = (attr(el, 'type') ?? '').trim().toLowerCase();
      const runs = ['', 'module', 'text/javascript', 'application/javascript', 'speculationrules'].includes(type);
      if (runs) scripts.push(textOf(el));
    }
    if (el.tagName === 'style') styles.push(textOf(el));
    for (const { name, value } of el.attrs ?? []) {
      if (name.startsWith('on') || name === 'style') attributes.push(`<${el.tagName} ${name}="${value}">`);
      if (['href', 'src', 'action', 'formaction'].includes(name) && /^\s*javascript:/i.test(value)) attributes.push(`<${el.tagName} ${name}="${value}">`);
    }
  }
  return { scripts, styles, attributes };
}

/** The policy in <meta http-equiv="content-security-policy">, or undefined. */
export function metaPolicy(document) {
  for (const el of elements(document)) {
    if (el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy') return attr(el, 'content');
  }
  return undefined;
}

/** "default-src 'self'; script-src 'self' 'sha256-x'" → Map { 'default-src' => ["'self'"], … } */
export function parsePolicy(policy = '') {
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Whether a policy lets an inline <script> or <style> with this text run, by
 * the CSP3 fallback chain: script-src-elem → script-src → default-src (and the
 * same for style). With a hash or nonce present, 'unsafe-inline' is ignored.
 */
export function policyAllowsInline(policy, kind, text) {
  const directives = parsePolicy(policy);
  const chain = kind === 'script' ? ['script-src-elem', 'script-src', 'default-src'] : ['style-src-elem', 'style-src', 'default-src'];
  const name = chain.find((d) => directives.has(d));
  if (!name) return true;
  const sources = directives.get(name);
  if (sources.includes(sha256Source(text))) return true;
  const hasHashOrNonce = sources.some((s) => /^'(sha(256|384|512)-|nonce-)/.test(s));
  return sources.includes("'unsafe-inline'") && !hasHashOrNonce;
}
