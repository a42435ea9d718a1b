/**
 * A small static server for dist/ that behaves like the static hosts we deploy
 * to: it applies the headers in dist/_headers (Netlify/Cloudflare Pages format,
 * scripts/lib/headers.mjs), serves /<locale>/404/ for unknown paths under a
 * locale, and /404.html otherwise. Tests run against it so the security
 * headers are tested as served. Binds to 127.0.0.1 only.
 *
 * Command line: scripts/cli/serve.mjs.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { headersFor, parseHeadersFile } from '../lib/headers.mjs';

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

/**
 * Serves a built site.
 * @param {{ dir: string, port: number, host?: string }} options port 0: any free port (read it from server.address())
 * @returns {Promise<import('node:http').Server>} once listening
 */
export function startServer({ dir, port, host = '127.0.0.1' }) {
  const root = resolve(dir);
  const headersPath = join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];

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
      for (const [name, value] of headersFor(rules, requestPath)) res.setHeader(name, value);
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
