/**
 * Issue 14, point 6: "the page works with the local backend and with the
 * GitHub backend". The other CMS specs run Decap on decap-server; this one runs
 * the same /admin/ build with Decap's real GitHub backend (admin/backend.ts:
 * github, OWNER/REPO, editorial workflow) against a fake GitHub REST API
 * (tests/cms/fake-github.ts) answered from a git repository made here: the
 * project copy's commit plus the fixture entries (tests/fixtures/site/), with
 * one commit that gives the fixture entries every translation status.
 *
 * Decap picks the local backend only when decap-server answers its probe on
 * `local_backend.url`; here that probe is refused in the browser, so Decap
 * uses GitHub, and every read and write of the test goes through
 * https://api.github.com, routed by Playwright to the fake. The logged-in
 * user is restored the way Decap stores one (localStorage `decap-cms-user`,
 * `{ backendName: 'github', token }`: decap-cms-core's Backend.currentUser,
 * then the backend's restoreUser → GET /user and GET /repos/OWNER/REPO with
 * permissions.push).
 *
 * Expected statuses are never written here: they come from `npm run
 * translations -- --json` run on the same repository.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stamp } from '../../scripts/content/translations.mjs';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { collectionFolder, collectionNames, entryFile } from '../../src/collections.ts';
import { defaultLocale, localeCodes, type LocaleCode } from '../../src/i18n/locales.ts';
import { parseMarkdownFile } from '../../src/lib/content-format.ts';
import { sourceHashOf, statusLabels } from '../../src/lib/translation-status.ts';
import { fixtureSlugs } from '../e2e/site-map.ts';
import { FakeGitHub, GITHUB_API, TOKEN } from './fake-github.ts';
import { cellKey, copy, entryHash, input, pane } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

const REPO = 'OWNER/REPO';
const BRANCH = 'main';
const EDITOR = { login: 'cevirmen-test', name: 'Çevirmen Test' };
/** The Arabic translation this test makes outdated, opens from the page and saves. */
const OUTDATED = { collection: 'campaigns', slug: fixtureSlugs.campaign, locale: 'ar' } as const;

interface CliRow {
  collection: string;
  slug: string;
  locale: string;
  status: string;
  title: string;
}

let repoDir: string;
let fake: FakeGitHub;

const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@test.invalid', ...args], { cwd: repoDir, encoding: 'utf8' });

/** Replaces `from` by `to` in a file of the repository, failing if `from` is not there (the fixture changed). */
function edit(path: string, from: string, to: string) {
  const file = join(repoDir, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no "${from}": the fixture changed, update this test's setup`);
  writeFileSync(file, text.replace(from, to));
}

/** `npm run translations -- --json` on the repository's working tree: the rows the page must show. */
function translationsCli(): CliRow[] {
  const run = spawnSync('npm', ['run', '--silent', 'translations', '--', '--json'], { cwd: repoDir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run translations failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as CliRow[];
}

/** Front matter and body of a committed Markdown file, read as the report reads it. */
const parsed = (text: string) => parseMarkdownFile(text) as Record<string, unknown> & { body?: string };

test.beforeAll(async () => {
  // The project copy's commit (tests/cms/servers.ts), not its working tree: the other specs save into that.
  repoDir = mkdtempSync(join(tmpdir(), 'cms-github-repo-'));
  execFileSync('git', ['clone', '-q', '--no-hardlinks', copy(), repoDir]);
  git('checkout', '-q', '-B', BRANCH);
  // The fixture entries (the e2e fixture site's overlay), so this test names fixture entries only.
  cpSync(join(repoDir, 'tests', 'fixtures', 'site'), repoDir, { recursive: true });
  // A commit giving the fixture entries every status: reviewed (stamped), draft, outdated (stamped, then the source changed).
  const right = (locale: LocaleCode) => entryFile('rights', locale, fixtureSlugs.right);
  edit(right('fa'), 'translationStatus: machine', `translationStatus: reviewed\nreviewedBy: ${EDITOR.login}\nreviewedAt: 2026-11-20`);
  edit(right('ru'), 'translationStatus: machine', 'translationStatus: draft');
  symlinkSync(join(projectRoot, 'node_modules'), join(repoDir, 'node_modules'), 'dir');
  await stamp(join(repoDir, right('fa')), repoDir);
  await stamp(join(repoDir, entryFile(OUTDATED.collection, OUTDATED.locale, OUTDATED.slug)), repoDir);
  const source = entryFile(OUTDATED.collection, defaultLocale, OUTDATED.slug);
  writeFileSync(join(repoDir, source), `${readFileSync(join(repoDir, source), 'utf8').trimEnd()}\n\nKaynak metin, çeviriden sonra değişti.\n`);
  git('add', '-A', 'content', 'public');
  git('commit', '-qm', 'fixture entries with every translation status');
  fake = new FakeGitHub(repoDir, REPO, EDITOR);
});

test.afterAll(() => {
  if (repoDir && !process.env.KEEP_CMS_COPY) rmSync(repoDir, { recursive: true, force: true });
});

/**
 * Routes the page to the fake GitHub, refuses Decap's probe of decap-server, and restores the user.
 * Returns the local-backend probes the page sent (each refused) and every other request that left for
 * another host (which must be none).
 */
async function useGitHub(page: Page) {
  const probes: string[] = [];
  const elsewhere: string[] = [];
  await page.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
    (route) => {
      elsewhere.push(route.request().url());
      console.error(`[github spec] request to another host: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  await page.route(`${GITHUB_API}/**`, (route) => fake.handle(route));
  // admin/backend.ts local_backend.url: http://127.0.0.1:<DECAP_SERVER_PORT>/api/v1.
  await page.route(
    (url) => ['127.0.0.1', 'localhost'].includes(url.hostname) && url.pathname === '/api/v1',
    (route) => {
      probes.push(route.request().url());
      return route.abort('connectionrefused');
    },
  );
  await page.addInitScript(
    ([token, user]) => {
      if (!localStorage.getItem('decap-cms-user')) localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'github', token, ...user }));
    },
    [TOKEN, EDITOR] as const,
  );
  return { probes, elsewhere };
}

test('translation page and editor through the GitHub backend: statuses as `npm run translations`, filters, a cell opens the entry, saving an Arabic translation commits a new sourceHash', async ({
  page,
}) => {
  const expected = translationsCli();
  // The setup above must have produced every status the page shows, or the comparison proves less than it claims.
  expect(new Set(expected.map((r) => r.status))).toEqual(new Set(['source', 'missing', 'draft', 'machine', 'outdated', 'reviewed']));
  const { probes, elsewhere } = await useGitHub(page);

  await test.step('logged in through GitHub, without decap-server', async () => {
    await page.goto('/admin/');
    await expect(page.getByRole('link', { name: /Kampanyalar/ }).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Giriş' })).toHaveCount(0);
    expect(probes.length, 'Decap asked for decap-server').toBeGreaterThan(0);
    expect(fake.calls.some((c) => c.path === '/user')).toBe(true);
    expect(fake.calls.some((c) => c.path === `/repos/${REPO}`)).toBe(true);
  });

  await test.step('the page lists every entry × language as the report does', async () => {
    await page.locator('[data-translations-link]').click();
    await expect(page).toHaveURL(/#\/translations$/);
    const table = page.locator('[data-translation-table]');
    await expect(table).toBeVisible({ timeout: 90_000 });
    const cells = Object.fromEntries(await table.locator('[data-cell]').evaluateAll((links) => links.map((a) => [a.getAttribute('data-cell'), a.getAttribute('data-status')])));
    const want = Object.fromEntries(expected.map((r) => [cellKey(r.collection as never, r.slug, r.locale), r.status]));
    expect(cells).toEqual(want);
    // Each status in Turkish, as the report names it.
    const cell = table.locator(`[data-cell="${cellKey(OUTDATED.collection, OUTDATED.slug, OUTDATED.locale)}"]`);
    await expect(cell).toHaveText(new RegExp(`^${statusLabels.outdated}`));
    // Trees of each collection's folder, and blobs, from the branch, through GitHub.
    expect(fake.calls.some((c) => c.method === 'GET' && c.path === `/repos/${REPO}/git/trees/${BRANCH}:${collectionFolder(OUTDATED.collection)}`)).toBe(true);
    expect(fake.calls.filter((c) => c.path.startsWith(`/repos/${REPO}/git/blobs/`)).length).toBeGreaterThanOrEqual(new Set(expected.map((r) => `${r.collection}/${r.slug}`)).size);
  });

  await test.step('filters: Arabic, then outdated, with the counts of the report', async () => {
    const arabic = expected.filter((r) => r.locale === OUTDATED.locale);
    await page.locator('select[name="dil"]').selectOption(OUTDATED.locale);
    const table = page.locator('[data-translation-table]');
    await expect(table.locator('thead th')).toHaveCount(2);
    await expect(table.locator('[data-cell]')).toHaveCount(arabic.length);
    for (const status of ['missing', 'draft', 'machine', 'outdated', 'reviewed'] as const) {
      const count = arabic.filter((r) => r.status === status).length;
      await expect(page.locator(`select[name="durum"] option[value="${status}"]`)).toHaveText(`${statusLabels[status]} (${count})`);
    }
    await page.locator('select[name="durum"]').selectOption('outdated');
    await expect(page).toHaveURL(/#\/translations\?dil=ar&durum=outdated$/);
    const outdated = arabic.filter((r) => r.status === 'outdated').map((r) => cellKey(r.collection as never, r.slug, r.locale));
    await expect(table.locator('[data-cell]')).toHaveCount(outdated.length);
    expect(await table.locator('[data-cell]').evaluateAll((links) => links.map((a) => a.getAttribute('data-cell')))).toEqual(outdated);
  });

  const arFile = entryFile(OUTDATED.collection, OUTDATED.locale, OUTDATED.slug);
  const before = parsed(fake.git(['show', `${BRANCH}:${arFile}`]));
  await test.step('a cell opens the entry in the editor, read through GitHub, with its Arabic pane right to left', async () => {
    const callsBefore = fake.calls.length;
    await page.locator(`[data-cell="${cellKey(OUTDATED.collection, OUTDATED.slug, OUTDATED.locale)}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${entryHash(OUTDATED.collection, OUTDATED.slug).replace(/[/#]/g, '\\$&')}$`));
    const ar = pane(page, OUTDATED.locale);
    await expect(ar.locator('label').first()).toBeVisible({ timeout: 90_000 });
    await expect(input(ar, 'title')).toHaveValue(String(before.title));
    await expect.poll(() => input(ar, 'title').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await expect(ar.locator('[data-translation-outdated]')).toBeVisible({ timeout: 30_000 });
    const opened = fake.calls.slice(callsBefore);
    // Editorial workflow: Decap first asks whether the entry has an open pull request, then reads the branch.
    expect(opened.some((c) => c.path === `/repos/${REPO}/pulls` && c.query.get('head') === `OWNER:cms/${OUTDATED.collection}/${OUTDATED.slug}`)).toBe(true);
    expect(opened.some((c) => c.path === `/repos/${REPO}/git/trees/${BRANCH}:${collectionFolder(OUTDATED.collection)}/${OUTDATED.locale}`)).toBe(true);
  });

  await test.step('saving the Arabic translation commits it through GitHub with a new sourceHash', async () => {
    const ar = pane(page, OUTDATED.locale);
    const title = input(ar, 'title');
    await title.fill(`${String(before.title)} اليوم`);
    const callsBefore = fake.calls.length;
    await page.getByRole('button', { name: 'Kaydet', exact: true }).click();
    await expect(page.getByText('Girdi kaydedildi')).toBeVisible({ timeout: 60_000 });
    const saveCalls = fake.calls.slice(callsBefore);
    // The save guard read the repository (every collection, and the uploads) through GitHub before writing.
    for (const folder of [...collectionNames.map(collectionFolder), 'public/uploads'])
      expect(
        saveCalls.some((c) => c.method === 'GET' && c.path === `/repos/${REPO}/git/trees/${BRANCH}:${folder}`),
        `the guard listed ${folder}`,
      ).toBe(true);
    const writes = saveCalls.filter((c) => c.method !== 'GET');
    const branch = `cms/${OUTDATED.collection}/${OUTDATED.slug}`;
    expect(writes.map((c) => `${c.method} ${c.path.replace(/\/\d+\//, '/N/')}`)).toEqual(
      expect.arrayContaining([
        `POST /repos/${REPO}/git/blobs`,
        `POST /repos/${REPO}/git/trees`,
        `POST /repos/${REPO}/git/commits`,
        `POST /repos/${REPO}/git/refs`,
        `POST /repos/${REPO}/pulls`,
        `PUT /repos/${REPO}/issues/N/labels`,
      ]),
    );
    expect(writes.find((c) => c.path.endsWith('/git/refs'))?.body).toMatchObject({ ref: `refs/heads/${branch}` });
    expect(fake.pulls.map((p) => [p.head.ref, p.labels.map((l) => l.name)])).toEqual([[branch, ['decap-cms/draft']]]);

    // The committed translation: the edit, and sourceHash = the hash of the Turkish source as it is now (the report's code).
    const committed = fake.readFile(branch, arFile);
    expect(committed, `${arFile} on ${branch}`).toBeDefined();
    const after = parsed(committed!);
    expect(after.title).toBe(`${String(before.title)} اليوم`);
    const source = parsed(fake.git(['show', `${BRANCH}:${entryFile(OUTDATED.collection, defaultLocale, OUTDATED.slug)}`]));
    const currentHash = await sourceHashOf(OUTDATED.collection, source, String(source.body ?? ''));
    expect(before.sourceHash).not.toBe(currentHash);
    expect(after.sourceHash).toBe(currentHash);
    // Translations this save did not change keep their stamp (none, or the old one): the save hook compares
    // them with the repository's files, which it must read in every language through GitHub too.
    for (const locale of localeCodes.filter((l) => l !== defaultLocale && l !== OUTDATED.locale)) {
      const path = entryFile(OUTDATED.collection, locale, OUTDATED.slug);
      const saved = fake.readFile(branch, path);
      if (saved !== undefined) expect(parsed(saved).sourceHash, `${path} on ${branch}`).toBe(parsed(fake.git(['show', `${BRANCH}:${path}`])).sourceHash);
    }
    // The main branch is untouched until the pull request is merged.
    expect(parsed(fake.git(['show', `${BRANCH}:${arFile}`])).sourceHash).toBe(before.sourceHash);

    // And the report, run on the saved branch, no longer calls it outdated.
    git('checkout', '-q', branch);
    const row = translationsCli().find((r) => r.collection === OUTDATED.collection && r.slug === OUTDATED.slug && r.locale === OUTDATED.locale);
    expect(row?.status).toBe('machine');
  });

  // What Decap asked GitHub for, by endpoint (shas and entry names folded), for the record.
  const endpoints = new Set(
    fake.calls.map(
      (c) =>
        `${c.method} ${c.path
          .replace(`/repos/${REPO}`, '/repos/{repo}')
          .replace(/[0-9a-f]{40}/g, '{sha}')
          .replace(/trees\/[^:]+:.*/, 'trees/{branch}:{folder}')
          .replace(/\/(branches|issues)\/[^/]+/, '/$1/{name}')}`,
    ),
  );
  console.log(`[github spec] ${fake.calls.length} GitHub API requests, endpoints:\n  ${[...endpoints].sort().join('\n  ')}`);
  expect(fake.unhandled, 'GitHub API requests the fake does not answer').toEqual([]);
  expect(elsewhere, 'requests to other hosts').toEqual([]);
});
