/**
 * The `_headers` file (Netlify and Cloudflare Pages format): a path pattern on
 * its own line, then indented `Name: value` lines. Read by the build (the CSP
 * step completes the `/*` rule), the local server (which sends them) and the
 * tests. Kept apart from the server so the build imports no server code.
 */

/**
 * Parses a `_headers` file.
 * @param {string} text
 * @returns {{ pattern: string, headers: [string, string][] }[]} the rules, in file order
 */
export function parseHeadersFile(text) {
  const rules = [];
  let current;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = { pattern: line.trim(), headers: [] };
      rules.push(current);
    } else if (current) {
      const colon = line.indexOf(':');
      if (colon > 0) current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** Whether a rule's pattern (`*` matches anything, including slashes) matches a URL path. */
function matches(pattern, path) {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(path);
}

/**
 * Headers for a path: every matching rule applies, later rules override earlier ones for the same header.
 * @param {{ pattern: string, headers: [string, string][] }[]} rules
 * @param {string} path
 * @returns {[string, string][]}
 */
export function headersFor(rules, path) {
  const out = new Map();
  for (const rule of rules) {
    if (matches(rule.pattern, path)) for (const [name, value] of rule.headers) out.set(name.toLowerCase(), [name, value]);
  }
  return [...out.values()];
}

/**
 * The value of one header for a path, or undefined.
 * @param {{ pattern: string, headers: [string, string][] }[]} rules
 * @param {string} path
 * @param {string} name case-insensitive
 */
export function headerFor(rules, path, name) {
  return headersFor(rules, path).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}
