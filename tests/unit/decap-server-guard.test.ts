/**
 * The local CMS backend answers only to its own admin page (issue 13):
 * scripts/decap-server.mjs runs decap-server's real middleware behind a
 * Host/Origin guard. A DNS-rebinding page sends its own name as Host; a
 * cross-site page sends its own Origin; both are refused before decap-server
 * writes anything. Each request here is a raw HTTP request, so the Host header
 * is exactly what an attacker's browser would send.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startDecapServer } from '../../scripts/decap-server.mjs';

/** Not listened on: only the Origin header names it. */
const SITE_PORT = 5321;
const SITE = `http://127.0.0.1:${SITE_PORT}`;
let server: Server;
let port: number;
let repo: string;
const refusals: string[] = [];

before(async () => {
  repo = mkdtempSync(join(tmpdir(), 'decap-guard-'));
  mkdirSync(join(repo, 'scripts'));
  mkdirSync(join(repo, 'content'));
  // Port 0: a free port, so this test never meets another engineer's server.
  server = (await startDecapServer({ port: 0, sitePort: SITE_PORT, repoDir: repo, logLevel: 'error', log: (m: string) => refusals.push(m) })) as Server;
  port = (server.address() as AddressInfo).port;
});

after(() => {
  server?.close();
  rmSync(repo, { recursive: true, force: true });
});

function post(body: object, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, path: '/api/v1', method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** What the rebinding page asked decap-server to do: write a script the next build runs. */
const writeScript = {
  action: 'persistEntry',
  params: {
    branch: 'main',
    dataFiles: [{ slug: 'pwned', path: 'scripts/pwned.mjs', raw: "console.log('pwned')" }],
    assets: [],
    options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
  },
};

test('a forged Host (DNS rebinding) is refused and nothing is written', async () => {
  const response = await post(writeScript, { Host: `rebind.evil.example:${port}`, Origin: `http://rebind.evil.example:${port}` });
  assert.equal(response.status, 403, response.text);
  assert.match(response.text, /Host "rebind\.evil\.example:\d+" is not this server/);
  assert.equal(existsSync(join(repo, 'scripts', 'pwned.mjs')), false);
});

test('a forged Host is refused even with the site\'s Origin', async () => {
  const response = await post(writeScript, { Host: `evil.example`, Origin: SITE });
  assert.equal(response.status, 403, response.text);
  assert.equal(existsSync(join(repo, 'scripts', 'pwned.mjs')), false);
});

test('the right Host but another site\'s Origin is refused', async () => {
  const response = await post(writeScript, { Host: `127.0.0.1:${port}`, Origin: 'https://evil.example' });
  assert.equal(response.status, 403, response.text);
  assert.match(response.text, /Origin "https:\/\/evil\.example" is not the site/);
  assert.equal(existsSync(join(repo, 'scripts', 'pwned.mjs')), false);
});

test('a request without Origin is refused (the admin page always sends one)', async () => {
  const response = await post({ action: 'info' }, { Host: `localhost:${port}` });
  assert.equal(response.status, 403, response.text);
});

test('the site\'s admin page is answered, as localhost or 127.0.0.1, and can save', async () => {
  const info = await post({ action: 'info' }, { Host: `localhost:${port}`, Origin: `http://localhost:${SITE_PORT}` });
  assert.equal(info.status, 200, info.text);
  assert.equal(JSON.parse(info.text).repo, basename(repo));
  const save = await post(
    { ...writeScript, params: { ...writeScript.params, dataFiles: [{ slug: 'note', path: 'content/note.md', raw: 'saved' }] } },
    { Host: `127.0.0.1:${port}`, Origin: SITE },
  );
  assert.equal(save.status, 200, save.text);
  assert.equal(readFileSync(join(repo, 'content', 'note.md'), 'utf8'), 'saved');
  assert.ok(refusals.length >= 4, 'each refusal is logged');
});
