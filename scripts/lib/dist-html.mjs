/**
 * Reading the built site: every HTML file in it, parsed the way a browser
 * parses it (parse5 implements the WHATWG HTML parser), and the CSP facts the
 * build step (csp-header.mjs), the link checker and the tests need.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'parse5';

/** Every .html file under `dir`, as absolute paths, sorted. */
export function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The URL path a built file is served at: "tr/about/index.html" → "/tr/about/". */
export function urlPathOf(dir, file) {
  const path = `/${relative(dir, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

export function parseHtmlFile(file) {
  return parse(readFileSync(file, 'utf8'));
}

/** Depth-first walk over parse5 nodes (including <template> contents). */
export function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) yield child;
    yield* elements(child);
    if (child.content) yield* elements(child.content);
  }
}

export const attr = (element, name) => element.attrs?.find((a) => a.name === name)?.value;
const textOf = (element) => (element.childNodes ?? []).map((n) => n.value ?? '').join('');

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
