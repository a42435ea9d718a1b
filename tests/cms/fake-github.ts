/**
 * A fake GitHub REST API for Decap's GitHub backend (decap-cms-backend-github,
 * REST, not GraphQL), answered from a real git repository on disk, so the CMS
 * runs in Chromium with the backend production uses (admin/backend.ts) on a
 * machine that cannot reach GitHub.
 *
 * It is installed with Playwright's request routing on https://api.github.com/**
 * (`page.route` fulfils before the network, so the admin page's CSP, which
 * allows that host, applies as in production). Only the endpoints Decap calls
 * in what the tests do are answered, each by the git command GitHub itself
 * would run: trees (`git ls-tree`), blobs (`git cat-file`, `git hash-object`),
 * new trees through a temporary index (`git read-tree`, `update-index`,
 * `write-tree`), commits (`git commit-tree`), refs (`git update-ref`),
 * branches, compare (`git diff`), and pull requests with their labels kept in
 * memory (the editorial workflow lists open pull requests whose head branch
 * starts with `cms/`). Any other request is answered 501 and recorded in
 * `unhandled`, which a test must find empty: nothing passes by being ignored.
 *
 * Shapes follow GitHub's REST reference (docs.github.com/rest/git), limited to
 * the fields Decap reads (node_modules/decap-cms-backend-github/src/API.ts).
 */
import type { Request, Route } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GITHUB_API = 'https://api.github.com';

interface PullRequest {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  head: { ref: string; sha: string; label: string; repo: { fork: boolean } };
  base: { ref: string };
  labels: { name: string }[];
  user: { login: string };
  created_at: string;
  updated_at: string;
  merged_at: null;
  html_url: string;
}

/** A request Decap sent, as the tests read it back: method, path (decoded) and JSON body. */
interface ApiCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: unknown;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class FakeGitHub {
  readonly calls: ApiCall[] = [];
  readonly unhandled: string[] = [];
  readonly pulls: PullRequest[] = [];
  private readonly repoPath: string;

  /**
   * @param dir a git repository (working tree or bare) whose `refs/heads/<branch>` is the site's branch
   * @param repo "owner/name", as in the Decap config (admin/backend.ts)
   * @param user the logged-in GitHub user (login, name), who has push access
   */
  constructor(
    readonly dir: string,
    readonly repo: string,
    readonly user: { login: string; name: string },
  ) {
    this.repoPath = `/repos/${repo}`;
  }

  git(args: string[], options: { input?: Buffer | string; env?: Record<string, string> } = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      input: options.input,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: this.user.name,
        GIT_AUTHOR_EMAIL: `${this.user.login}@users.noreply.github.com`,
        GIT_COMMITTER_NAME: 'GitHub',
        GIT_COMMITTER_EMAIL: 'noreply@github.com',
        ...options.env,
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  /** The commit a ref (branch name, `refs/...` or sha) points to, or undefined. */
  private revParse(ref: string): string | undefined {
    try {
      return this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
    } catch {
      return undefined;
    }
  }

  private branchSha(name: string): string {
    const sha = this.revParse(`refs/heads/${name}`);
    if (!sha) throw new HttpError(404, 'Branch not found');
    return sha;
  }

  /** `OWNER:branch` (Decap's head reference) → `branch`. */
  private headBranch(head: string): string {
    const owner = this.repo.split('/')[0]!;
    return head.startsWith(`${owner}:`) ? head.slice(owner.length + 1) : head;
  }

  private refreshPull(pr: PullRequest): PullRequest {
    const sha = this.revParse(`refs/heads/${pr.head.ref}`);
    if (sha) pr.head.sha = sha;
    return pr;
  }

  /** Playwright route handler: `await page.route(`${GITHUB_API}/**`, (route) => fake.handle(route))`. */
  async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
    };
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const call: ApiCall = { method: request.method(), path: decodeURIComponent(url.pathname), query: url.searchParams, body: parseBody(request) };
    this.calls.push(call);
    let status: number;
    let json: unknown;
    try {
      if (request.headers().authorization !== `token ${TOKEN}`) throw new HttpError(401, 'Bad credentials');
      [status, json] = this.answer(call);
    } catch (error) {
      if (error instanceof HttpError) [status, json] = [error.status, { message: error.message }];
      else [status, json] = [500, { message: String(error) }];
      if (status === 501) {
        this.unhandled.push(`${call.method} ${call.path}${url.search}`);
        console.error(`[fake GitHub] UNHANDLED ${call.method} ${url.pathname}${url.search}`);
      }
    }
    await route.fulfill({ status, headers: { ...cors, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(json) });
  }

  /** [status, JSON] for one call; throws HttpError (501 = an endpoint this fake does not implement). */
  private answer({ method, path, query, body }: ApiCall): [number, unknown] {
    const b = (body ?? {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/user') return [200, { login: this.user.login, name: this.user.name, id: 1, avatar_url: '' }];
    if (method === 'GET' && path === `/users/${this.user.login}`) return [200, { login: this.user.login, name: this.user.name, id: 1 }];
    // Notes on entries (Decap 3.8): searched as issues; none exist.
    if (method === 'GET' && path === '/search/issues') return [200, { total_count: 0, incomplete_results: false, items: [] }]; // one-place: GitHub's issue search, not the site's search page
    if (!path.startsWith(this.repoPath)) throw new HttpError(501, 'not implemented');
    const rest = path.slice(this.repoPath.length);
    const owner = this.repo.split('/')[0];

    if (method === 'GET' && rest === '')
      return [200, { full_name: this.repo, name: this.repo.split('/')[1], owner: { login: owner }, default_branch: 'main', permissions: { admin: false, push: true, pull: true } }];

    let m: RegExpExecArray | null;
    // GET /git/trees/<ref>:<folder>[?recursive=1] (Decap lists a folder of a branch with the extended SHA-1 syntax) or /git/trees/<sha>.
    if (method === 'GET' && (m = /^\/git\/trees\/(.+)$/.exec(rest))) {
      const treeish = m[1]!;
      const colon = treeish.indexOf(':');
      const ref = colon < 0 ? treeish : treeish.slice(0, colon);
      const base = /^[0-9a-f]{40}$/.test(ref) ? ref : `refs/heads/${ref}`;
      let sha: string;
      try {
        sha = this.git(['rev-parse', '--verify', '--quiet', colon < 0 ? base : `${base}:${treeish.slice(colon + 1)}`]).trim();
        if (this.git(['cat-file', '-t', sha]).trim() === 'commit') sha = this.git(['rev-parse', `${sha}^{tree}`]).trim();
        if (this.git(['cat-file', '-t', sha]).trim() !== 'tree') throw new Error('not a tree');
      } catch {
        throw new HttpError(404, 'Not Found');
      }
      const recursive = query.get('recursive') === '1';
      const lines = this.git(['ls-tree', '-l', ...(recursive ? ['-r', '-t'] : []), sha])
        .split('\n')
        .filter(Boolean);
      const tree = lines.map((line) => {
        const [meta, path] = line.split('\t') as [string, string];
        const [mode, type, objectSha, size] = meta.split(/\s+/) as [string, string, string, string];
        return { path, mode, type, sha: objectSha, ...(type === 'blob' && { size: Number(size) }) };
      });
      return [200, { sha, tree, truncated: false }];
    }
    if (method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest))) {
      let content: Buffer;
      try {
        content = execFileSync('git', ['cat-file', 'blob', m[1]!], { cwd: this.dir, maxBuffer: 64 * 1024 * 1024 });
      } catch {
        throw new HttpError(404, 'Not Found');
      }
      return [200, { sha: m[1], size: content.length, content: content.toString('base64'), encoding: 'base64' }];
    }
    // Last commit touching a file (the entry list's author and date).
    if (method === 'GET' && rest === '/commits') {
      const ref = query.get('sha') ?? 'main';
      const out = this.git(['log', '-1', '--format=%H%x00%an%x00%ae%x00%aI', `refs/heads/${ref}`, '--', query.get('path') ?? '.']).trim();
      if (!out) return [200, []];
      const [sha, name, email, date] = out.split('\0');
      return [200, [{ sha, commit: { author: { name, email, date }, committer: { name, email, date } } }]];
    }
    if (method === 'GET' && (m = /^\/commits\/([0-9a-f]{40})\/status$/.exec(rest))) return [200, { state: 'pending', sha: m[1], statuses: [] }];
    if (method === 'GET' && (m = /^\/branches\/(.+)$/.exec(rest))) {
      const sha = this.branchSha(m[1]!);
      return [200, { name: m[1], commit: { sha, commit: { tree: { sha: this.git(['rev-parse', `${sha}^{tree}`]).trim() } } }, protected: false }];
    }
    if (method === 'GET' && (m = /^\/compare\/(.+)\.\.\.(.+)$/.exec(rest))) return [200, this.compare(this.headBranch(m[1]!), this.headBranch(m[2]!))];

    // The write path of a save: blobs, a tree on a base, a commit, a branch (ref), a pull request and its label.
    if (method === 'POST' && rest === '/git/blobs') {
      if (b.encoding !== 'base64' || typeof b.content !== 'string') throw new HttpError(422, 'content must be base64');
      const sha = this.git(['hash-object', '-w', '--stdin'], { input: Buffer.from(b.content, 'base64') }).trim();
      return [201, { sha, url: `${GITHUB_API}${this.repoPath}/git/blobs/${sha}` }];
    }
    if (method === 'POST' && rest === '/git/trees') return [201, this.createTree(b.base_tree as string | undefined, b.tree as TreeItem[])];
    if (method === 'POST' && rest === '/git/commits') {
      const parents = (b.parents as string[]).flatMap((p) => ['-p', p]);
      const author = b.author as { name?: string; email?: string; date?: string } | undefined;
      const env = author?.name ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email ?? '', ...(author.date && { GIT_AUTHOR_DATE: author.date }) } : {};
      const sha = this.git(['commit-tree', String(b.tree), ...parents, '-F', '-'], { input: String(b.message ?? ''), env }).trim();
      return [201, { sha, tree: { sha: b.tree }, parents: (b.parents as string[]).map((p) => ({ sha: p })), message: b.message }];
    }
    if (method === 'POST' && rest === '/git/refs') {
      const ref = String(b.ref);
      if (!ref.startsWith('refs/')) throw new HttpError(422, 'Reference name must start with refs/');
      if (this.revParse(ref)) throw new HttpError(422, 'Reference already exists');
      this.git(['update-ref', ref, String(b.sha)]);
      return [201, { ref, object: { sha: b.sha, type: 'commit' } }];
    }
    if (method === 'PATCH' && (m = /^\/git\/refs\/(heads\/.+)$/.exec(rest))) {
      const ref = `refs/${m[1]}`;
      const old = this.revParse(ref);
      if (!old) throw new HttpError(422, 'Reference does not exist');
      const isAncestor = spawnOk(this.dir, ['merge-base', '--is-ancestor', old, String(b.sha)]);
      if (!b.force && !isAncestor) throw new HttpError(422, 'Update is not a fast forward');
      this.git(['update-ref', ref, String(b.sha)]);
      return [200, { ref, object: { sha: b.sha, type: 'commit' } }];
    }
    if (method === 'GET' && rest === '/pulls') {
      const head = query.get('head');
      const state = query.get('state') ?? 'open';
      const list = this.pulls
        .filter((pr) => (state === 'all' || pr.state === state) && (!query.get('base') || pr.base.ref === query.get('base')) && (!head || pr.head.label === head))
        .map((pr) => this.refreshPull(pr));
      return [200, list];
    }
    if (method === 'POST' && rest === '/pulls') {
      const branch = this.headBranch(String(b.head));
      const sha = this.branchSha(branch);
      const now = new Date().toISOString();
      const pr: PullRequest = {
        number: this.pulls.length + 1,
        title: String(b.title),
        body: String(b.body ?? ''),
        state: 'open',
        head: { ref: branch, sha, label: String(b.head), repo: { fork: false } },
        base: { ref: String(b.base) },
        labels: [],
        user: { login: this.user.login },
        created_at: now,
        updated_at: now,
        merged_at: null,
        html_url: `https://github.com/${this.repo}/pull/${this.pulls.length + 1}`,
      };
      this.pulls.push(pr);
      return [201, pr];
    }
    if (method === 'PUT' && (m = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
      const pr = this.pulls.find((p) => p.number === Number(m![1]));
      if (!pr) throw new HttpError(404, 'Not Found');
      pr.labels = (b.labels as string[]).map((name) => ({ name }));
      pr.updated_at = new Date().toISOString();
      return [200, pr.labels];
    }
    throw new HttpError(501, 'not implemented');
  }

  /** GitHub's compare of `base...head`: the files changed since their merge base, and the commits on head. */
  private compare(base: string, head: string) {
    const baseSha = this.revParse(base.match(/^[0-9a-f]{40}$/) ? base : `refs/heads/${base}`);
    const headSha = this.revParse(head.match(/^[0-9a-f]{40}$/) ? head : `refs/heads/${head}`);
    if (!baseSha || !headSha) throw new HttpError(404, 'Not Found');
    const mergeBase = this.git(['merge-base', baseSha, headSha]).trim();
    const statusNames: Record<string, string> = { A: 'added', M: 'modified', D: 'removed' };
    const files = this.git(['diff', '--name-status', '--no-renames', mergeBase, headSha])
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [code, filename] = line.split('\t') as [string, string];
        const removed = code === 'D';
        const sha = removed ? undefined : this.git(['rev-parse', `${headSha}:${filename}`]).trim();
        // GitHub sends a text patch for text files only; Decap treats a file without one as media.
        const binary = this.git(['diff', '--numstat', mergeBase, headSha, '--', filename]).startsWith('-');
        const patch = binary ? undefined : this.git(['diff', mergeBase, headSha, '--', filename]);
        return { filename, status: statusNames[code[0]!] ?? 'modified', sha, ...(patch !== undefined && { patch }) };
      });
    const commit = (sha: string) => {
      const [tree, parents, message, name, email, date] = this.git(['show', '-s', '--format=%T%x00%P%x00%B%x00%an%x00%ae%x00%aI', sha]).split('\0');
      return {
        sha,
        commit: { message: message!.trim(), tree: { sha: tree }, author: { name, email, date: date!.trim() }, committer: { name, email, date: date!.trim() } },
        parents: parents!
          .split(' ')
          .filter(Boolean)
          .map((p) => ({ sha: p })),
      };
    };
    const commits = this.git(['rev-list', '--reverse', `${mergeBase}..${headSha}`])
      .split('\n')
      .filter(Boolean)
      .map(commit);
    return { status: 'ahead', ahead_by: commits.length, behind_by: 0, base_commit: commit(baseSha), merge_base_commit: commit(mergeBase), commits, files };
  }

  /** POST /git/trees: `base_tree` (a tree or commit) with `tree` applied; an item with sha null is deleted. */
  private createTree(baseTree: string | undefined, items: TreeItem[]) {
    const index = mkdtempSync(join(tmpdir(), 'fake-github-index-'));
    const env = { GIT_INDEX_FILE: join(index, 'index') };
    try {
      this.git(baseTree ? ['read-tree', baseTree] : ['read-tree', '--empty'], { env });
      for (const item of items) {
        if (item.type !== 'blob') throw new HttpError(501, `tree item of type ${item.type}`);
        if (item.sha === null) this.git(['update-index', '--force-remove', item.path], { env });
        else this.git(['update-index', '--add', '--cacheinfo', `${item.mode},${item.sha},${item.path}`], { env });
      }
      const sha = this.git(['write-tree'], { env }).trim();
      return { sha, tree: items.map((i) => ({ path: i.path, mode: i.mode, type: i.type, sha: i.sha })), truncated: false };
    } finally {
      rmSync(index, { recursive: true, force: true });
    }
  }

  /** A file's text on a branch, as committed (what a save wrote), or undefined. */
  readFile(branch: string, path: string): string | undefined {
    try {
      return this.git(['show', `refs/heads/${branch}:${path}`]);
    } catch {
      return undefined;
    }
  }
}

interface TreeItem {
  path: string;
  mode: string;
  type: string;
  sha: string | null;
}

/** The token the tests put into Decap's stored user; the fake answers 401 to any other. */
export const TOKEN = 'fake-github-token-for-tests';

function parseBody(request: Request): unknown {
  const text = request.postData();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function spawnOk(cwd: string, args: string[]): boolean {
  try {
    execFileSync('git', args, { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
