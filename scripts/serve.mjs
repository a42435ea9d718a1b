/**
 * A small static server for dist/ that behaves like the static hosts we deploy
 * to: it applies the headers in dist/_headers (Netlify/Cloudflare Pages format),
 * serves /<locale>/404.html for unknown paths under a locale, and /404.html
 * otherwise. Tests run against it so the security headers are tested as served.
 *
 * Usage: npx node scripts/serve.mjs [--port 4321] [--dir dist]
 * Binds to 127.0.0.1 only.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.yml': 'text/yaml; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Parses the `_headers` format: a path pattern line, then indented `Name: value` lines. */
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

function matches(pattern, path) {
  const regex = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(path);
}

/** Headers for a path: every matching rule applies, later rules override earlier ones for the same header. */
export function headersFor(rules, path) {
  const out = new Map();
  for (const rule of rules) {
    if (matches(rule.pattern, path)) for (const [name, value] of rule.headers) out.set(name.toLowerCase(), [name, value]);
  }
  return [...out.values()];
}

export function startServer({ dir = 'dist', port = 4321, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  // `dir` may be a symlink that `npm start` swaps to a new build (scripts/start.mjs): files are read
  // per request, and _headers again whenever the folder behind the link changes.
  let rules = [];
  let rulesOf;
  const currentRules = () => {
    const real = existsSync(root) ? realpathSync(root) : root;
    if (real !== rulesOf) {
      const headersPath = join(real, '_headers');
      rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
      rulesOf = real;
    }
    return rules;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, safe);
    if (!file.startsWith(root)) file = root;

    const send = (status, filePath, requestPath) => {
      for (const [name, value] of headersFor(currentRules(), requestPath)) res.setHeader(name, value);
      res.setHeader('Content-Type', TYPES[extname(filePath)] ?? 'application/octet-stream');
      res.setHeader('Content-Length', statSync(filePath).size);
      res.writeHead(status);
      if (req.method === 'HEAD') return res.end();
      createReadStream(filePath).pipe(res);
    };

    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/${url.search}` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (existsSync(file) && statSync(file).isFile()) return send(200, file, pathname);

    // A locale folder's own 404 page, if the build made one (no list of locales to keep in step here).
    const first = pathname.split('/')[1] ?? '';
    const localized = first && !first.includes('.') ? [join(root, first, '404', 'index.html'), join(root, first, '404.html')].find((p) => existsSync(p)) : undefined;
    const notFound = localized ?? join(root, '404.html');
    if (existsSync(notFound)) return send(404, notFound, pathname);
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  });
  return new Promise((resolvePromise) => server.listen(port, host, () => resolvePromise(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '4321' }, dir: { type: 'string', default: 'dist' } } });
  if (!existsSync(values.dir)) {
    console.error(`No ${values.dir}/ folder: run \`npm run build\` first.`);
    process.exit(1);
  }
  await startServer({ dir: values.dir, port: Number(values.port) });
  console.log(`Site:  http://127.0.0.1:${values.port}/  (serving ${values.dir}/)`);
}
