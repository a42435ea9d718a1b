/**
 * Issue 14, "editors cannot break the site or lose a file", case by case, in
 * Chromium, as Turkish staff would do it, with an Arabic (right-to-left) pane
 * in each. Runs after cms.spec.ts on the same project copy, served by the
 * copy's own `npm start` (tests/cms/servers.ts).
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildStatus, rebuild } from './servers.ts';
import { cmsEntries, localesOf, sourceData } from './entries.ts';
import { report } from '../../scripts/content/translations.mjs';
import { collectionFolder, collections, entryFile } from '../../src/collections.ts';
import { cmsMeta } from '../../src/schemas/meta.ts';
import { entryPath, localePath } from '../../src/routes.ts';
import {
  cellKey,
  copy,
  entryHash,
  field,
  GUARD_WAIT,
  input,
  localeMenuItem,
  onePagePdf,
  openAdmin,
  pane,
  problemsPanel,
  publish,
  publishAndWait,
  readEntry,
  setStatus,
  watchWrites,
} from './helpers.ts';

test.describe.configure({ mode: 'serial' });

/** Created by cms.spec.ts, which runs first. */
const CAMPAIGN = 'cms-test-campaign';
/** The entries each test edits, chosen from the content by what the test needs (./entries.ts). */
const { page: PAGE, otherPage: OTHER_PAGE, listedHelpline: HELPLINE, keptCampaign, editedCampaign, draftCampaign, listedRight, filledRight, outdatedRight } = cmsEntries;
const COPY = `${PAGE}-2`;
/** The Persian draft's title: "a half-finished title (draft)". */
const DRAFT_TITLE = 'عنوانی نیمه‌کاره (پیش‌نویس)';

const git = (...args: string[]) => spawnSync('git', args, { cwd: copy(), encoding: 'utf8' }).stdout;
const rtl = async (locator: import('@playwright/test').Locator) => expect.poll(() => locator.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

test('1. duplicating an entry proposes a free slug; a taken slug and a renamed slug are refused', async ({ page }) => {
  await openAdmin(page, entryHash('pages', PAGE));
  const tr = pane(page, 'tr');
  // The slug of an existing entry is its files' name: read-only.
  await expect(input(tr, 'slug')).toHaveAttribute('readonly', '');
  await page
    .getByRole('button', { name: /Yayınlanan|Yayınla/ })
    .first()
    .click();
  await page.getByText('Kopyala', { exact: true }).click();
  await expect(input(tr, 'slug')).toHaveValue(COPY);
  await expect(tr.getByText(/Kopya için boş bir adres önerildi/)).toBeVisible();
  await input(tr, 'title').fill('Sayfanın kopyası');
  await rtl(input(pane(page, 'ar'), 'title'));
  await input(pane(page, 'ar'), 'title').fill('نسخة من الصفحة');
  await publishAndWait(page);
  for (const code of ['tr', 'ar'] as const) expect(readEntry(join(copy(), entryFile('pages', code, COPY))).data.slug).toBe(COPY);
  expect(existsSync(join(copy(), entryFile('pages', 'tr', `${PAGE}-1`)))).toBe(false);

  // A new page whose slug is taken: said while typing, refused on save, nothing written.
  await openAdmin(page, '#/collections/pages/new');
  await input(tr, 'slug').fill(OTHER_PAGE);
  await expect(tr.locator(`[data-slug-taken="${OTHER_PAGE}"]`)).toContainText(`${OTHER_PAGE}-2`);
  await input(tr, 'title').fill('Gizlilik');
  await input(tr, 'summary').fill('Bu sayfa zaten var olan bir adresi almaya çalışıyor.');
  const writes = watchWrites(page);
  await publish(page);
  await expect(problemsPanel(page)).toContainText(`"${OTHER_PAGE}" adresi bu bölümde başka bir girdide kullanılıyor`, GUARD_WAIT);
  expect(writes).toEqual([]);
  expect(readFileSync(join(copy(), entryFile('pages', 'tr', OTHER_PAGE)), 'utf8')).not.toContain('zaten var olan');
  // Turkish letters: a Latin suggestion.
  await input(tr, 'slug').fill('çocuk-işçiliği');
  await tr.locator('[data-slug-suggestion="cocuk-isciligi"]').getByRole('button', { name: 'Bunu kullan' }).click();
  await expect(input(tr, 'slug')).toHaveValue('cocuk-isciligi');
});

test('2. deleting a helpline which campaigns list is refused with the list; the entry stays', async ({ page }) => {
  await openAdmin(page, entryHash('helplines', HELPLINE));
  await rtl(input(pane(page, 'ar'), 'title'));
  page.on('dialog', (dialog) => void dialog.accept());
  const writes = watchWrites(page);
  await page
    .getByRole('button', { name: /Yayınlanan|Yayınla|Girdiyi sil/ })
    .first()
    .click();
  await page.getByText('Girdiyi sil').click();
  const problems = problemsPanel(page);
  await expect(problems).toContainText('Silinmedi', GUARD_WAIT);
  await expect(problems).toContainText('Kampanya:');
  expect(writes).toEqual([]);
  for (const code of localesOf('helplines', HELPLINE)) expect(existsSync(join(copy(), entryFile('helplines', code, HELPLINE)))).toBe(true);
});

test("2. pasting another entry's link opens that entry; publishing writes that entry only", async ({ page }) => {
  await openAdmin(page, entryHash('campaigns', keptCampaign));
  await expect(input(pane(page, 'tr'), 'slug')).toHaveValue(keptCampaign);
  await page.evaluate((hash) => (location.hash = hash), entryHash('campaigns', editedCampaign));
  // The route guard reloads the page: Decap starts again and loads the entry (slow on a loaded machine).
  await expect(input(pane(page, 'tr'), 'slug')).toHaveValue(editedCampaign, { timeout: 90_000 });
  const before = readFileSync(join(copy(), entryFile('campaigns', 'tr', keptCampaign)), 'utf8');
  const ar = pane(page, 'ar');
  await rtl(input(ar, 'title'));
  const title = await input(ar, 'title').inputValue();
  await input(ar, 'title').fill(`${title} !`);
  await publishAndWait(page);
  expect(readEntry(join(copy(), entryFile('campaigns', 'ar', editedCampaign))).data.title).toBe(`${title} !`);
  expect(readFileSync(join(copy(), entryFile('campaigns', 'tr', keptCampaign)), 'utf8')).toBe(before);
});

test('2. "fill from Turkish" on the Arabic pane marks the copy machine; publishing it as is is refused; a draft saves', async ({ page }) => {
  const arFile = join(copy(), entryFile('rights', 'ar', filledRight));
  const before = readFileSync(arFile, 'utf8');
  await openAdmin(page, entryHash('rights', filledRight));
  const ar = pane(page, 'ar');
  await rtl(input(ar, 'title'));
  page.on('dialog', (dialog) => void dialog.accept());
  await ar.getByRole('button', { name: 'Başka bir dilden doldurun' }).click();
  await localeMenuItem(page, 'tr').click();
  await expect(ar.locator('select[id^="translationStatus-field-"]')).toHaveValue('machine');
  const writes = watchWrites(page);
  await publish(page);
  await expect(problemsPanel(page)).toContainText('Türkçe kaynakla birebir aynı', GUARD_WAIT);
  expect(writes).toEqual([]);
  expect(readFileSync(arFile, 'utf8')).toBe(before);
  // Saved as a draft instead: written, never published.
  await setStatus(ar, 'Taslak (yayımlanmaz)');
  await publishAndWait(page);
  expect(readEntry(arFile).data.translationStatus).toBe('draft');
});

test('2. a half-finished translation saves as a draft (only a title); the page keeps the fallback (checked on the rebuilt site, last test)', async ({ page }) => {
  await openAdmin(page, entryHash('campaigns', draftCampaign));
  // The right pane to Persian.
  await pane(page, 'ar')
    .getByRole('button', { name: /AR için yazılıyor/ })
    .click();
  await localeMenuItem(page, 'fa').click();
  const fa = pane(page, 'fa');
  await rtl(input(fa, 'title'));
  await input(fa, 'title').fill(DRAFT_TITLE);
  await setStatus(fa, 'Taslak (yayımlanmaz)');
  await publishAndWait(page);
  expect(readEntry(join(copy(), entryFile('campaigns', 'fa', draftCampaign))).data).toMatchObject({ translationStatus: 'draft', title: DRAFT_TITLE });
});

test('3 and 4. uploads: checked by their bytes, renamed to Latin, never replacing another file; an SVG on the Media page is refused', async ({ page }) => {
  const uploads = join(copy(), 'public/uploads');
  const files = {
    exe: join(copy(), 'program.pdf'),
    svg: join(copy(), 'gorsel.svg'),
    ar: join(copy(), 'دليل 2026.pdf'),
    fa: join(copy(), 'راهنما 2026.pdf'),
    emoji: join(copy(), '🚨🚨.pdf'),
  };
  writeFileSync(files.exe, Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4000)]));
  writeFileSync(files.svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  writeFileSync(files.ar, await onePagePdf('dalil'));
  writeFileSync(files.fa, await onePagePdf('rahnama'));
  writeFileSync(files.emoji, await onePagePdf('emoji'));
  await openAdmin(page, '#/collections/campaigns');
  await page.getByRole('button', { name: 'Medya' }).click();
  const chooser = page.locator('input[type="file"]');
  const listed = () => (existsSync(uploads) ? readdirSync(uploads) : []);

  const writes = watchWrites(page);
  await chooser.setInputFiles(files.exe);
  await expect(problemsPanel(page)).toContainText('gerçek bir PDF dosyası değil', GUARD_WAIT);
  await chooser.setInputFiles(files.svg);
  await expect(problemsPanel(page)).toContainText('yalnızca PDF, JPEG, PNG, WebP, AVIF, MP3 ve Opus', GUARD_WAIT);
  expect(listed().filter((n) => n.endsWith('.svg') || n.startsWith('program'))).toEqual([]);
  expect(writes).toEqual([]);

  await chooser.setInputFiles(files.ar);
  await expect.poll(listed).toContain('dlyl-2026.pdf');
  await chooser.setInputFiles(files.fa);
  await expect.poll(listed).toContain('rhnm-2026.pdf');
  await chooser.setInputFiles(files.emoji);
  await expect.poll(() => listed().filter((n) => /^[0-9a-f]{8}\.pdf$/.test(n)).length).toBe(1);
  // Another file under a name that is taken: a new name, the old file untouched.
  const first = readFileSync(join(uploads, 'dlyl-2026.pdf'));
  writeFileSync(files.ar, await onePagePdf('dalil, second edition'));
  await chooser.setInputFiles(files.ar);
  await expect.poll(() => listed().filter((n) => /^dlyl-2026-[0-9a-f]{8}\.pdf$/.test(n)).length).toBe(1);
  expect(readFileSync(join(uploads, 'dlyl-2026.pdf')).equals(first)).toBe(true);
});

test('5. an entry opens without unsaved changes; a one-word edit of the title and of the body changes those two lines of one file', async ({ page }) => {
  git('add', '-A');
  spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-qm', 'before the one-word edit'], { cwd: copy() });
  await openAdmin(page, entryHash('rights', listedRight));
  const ar = pane(page, 'ar');
  await rtl(input(ar, 'title'));
  await page.waitForTimeout(1500); // the relation widget has loaded its helplines
  await expect(page.getByText('KAYDEDİLMEMİŞ DEĞİŞİKLİKLER', { exact: false })).toHaveCount(0);
  const title = await input(ar, 'title').inputValue();
  await input(ar, 'title').fill(`${title}!`);
  // A word added at the end of the body in the rich-text editor: Decap's serializer rewrites the
  // whole body, in the repository's style (admin/markdown-style.ts), so only that line changes.
  const body = ar.locator('[data-slate-editor="true"]').first();
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' شكراً.');
  await publishAndWait(page);
  await expect.poll(() => git('status', '--porcelain').trim()).toBe(`M ${entryFile('rights', 'ar', listedRight)}`);
  const diff = git('diff', '--numstat');
  expect(diff.trim()).toBe(`2\t2\t${entryFile('rights', 'ar', listedRight)}`);
  const saved = readFileSync(join(copy(), entryFile('rights', 'ar', listedRight)), 'utf8');
  expect(saved).toContain(' شكراً.');
  expect(saved).toMatch(/^- /m);
  expect(saved).not.toMatch(/^\* /m);
});

test('6. translation page: every entry × language, filters, links; an outdated translation shows the word diff; "reviewed" records who and when', async ({ page }) => {
  // The Turkish source changes: every translation of it is now outdated.
  await openAdmin(page, entryHash('rights', outdatedRight));
  const summary = input(pane(page, 'tr'), 'summary');
  const old = await summary.inputValue();
  await summary.fill(`${old} Başvuru ücretsizdir.`);
  await publishAndWait(page);

  await page.goto('/admin/#/translations?dil=ar&durum=outdated');
  const table = page.locator('[data-translation-table]');
  await expect(table.locator(`[data-cell="${cellKey('rights', outdatedRight, 'ar')}"]`)).toHaveAttribute('data-status', 'outdated');
  // The filtered rows are exactly the Arabic translations the report (npm run translations) finds
  // outdated in the copy's files: this one, and those whose Turkish the earlier tests edited.
  const outdated = (await report(copy())).filter((r) => r.locale === 'ar' && r.status === 'outdated').map((r) => `${r.collection}/${r.slug}/ar`);
  expect(outdated).toContain(cellKey('rights', outdatedRight, 'ar'));
  await expect.poll(() => table.locator('tbody [data-cell]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')).sort())).toEqual(outdated.sort());
  await page.getByLabel('Durum').selectOption('');
  await expect(table.locator(`[data-cell="${cellKey('pages', COPY, 'ar')}"]`)).toHaveAttribute('data-status', 'machine');
  await expect(table.locator(`[data-cell="${cellKey('campaigns', draftCampaign, 'ar')}"]`)).toBeVisible();
  await page.getByLabel('Dil').selectOption('fa');
  await expect(table.locator(`[data-cell="${cellKey('campaigns', draftCampaign, 'fa')}"]`)).toHaveAttribute('data-status', 'draft');
  await page.getByLabel('Dil').selectOption('');
  await page.screenshot({ path: join(copy(), 'translation-page.png'), fullPage: false });
  if (process.env.CMS_SCREENSHOT) {
    mkdirSync(dirname(resolve(process.env.CMS_SCREENSHOT)), { recursive: true });
    writeFileSync(process.env.CMS_SCREENSHOT, readFileSync(join(copy(), 'translation-page.png')));
  }

  await table.locator(`[data-cell="${cellKey('rights', outdatedRight, 'ar')}"]`).click();
  const ar = pane(page, 'ar');
  await rtl(input(ar, 'title'));
  const notice = ar.locator('[data-translation-outdated]');
  await expect(notice).toContainText('Güncel değil');
  await expect(notice.locator('ins')).toContainText('Başvuru ücretsizdir.');
  await setStatus(ar, 'Gözden geçirildi');
  await publishAndWait(page);
  const saved = readEntry(join(copy(), entryFile('rights', 'ar', outdatedRight))).data;
  expect(saved).toMatchObject({ translationStatus: 'reviewed', reviewedAt: new Date().toLocaleDateString('sv-SE') });
  expect(String(saved.reviewedBy)).not.toBe('');
  await expect(ar.locator('[data-translation-current]')).toBeVisible();
  await page.goto('/admin/#/translations?dil=ar');
  await expect(page.locator(`[data-cell="${cellKey('rights', outdatedRight, 'ar')}"]`)).toHaveAttribute('data-status', 'reviewed');
});

test('7. staff read Turkish: hints, options, dates as gg.aa.yyyy, labels upper-cased with İ, language names', async ({ page }) => {
  await openAdmin(page, entryHash('campaigns', keptCampaign));
  const tr = pane(page, 'tr');
  const { tactic, published } = sourceData('campaigns', keptCampaign) as { tactic: string; published: string };
  await expect(field(tr, 'tactic')).toContainText(cmsMeta(collections.campaigns.fields.tactic!).tr!.options![tactic]!);
  await expect(field(tr, 'title')).toContainText('Sade sözcüklerle başlık');
  const [year, month, day] = published.split('-');
  await expect(input(tr, 'published')).toHaveValue(`${day}.${month}.${year}`);
  await expect(tr.locator('label[for^="tactic-field-"]')).toHaveAttribute('lang', 'tr');
  await expect.poll(() => tr.locator('label[for^="tactic-field-"]').evaluate((el) => (el as HTMLElement).innerText)).toContain('TAKTİK');
  await rtl(input(pane(page, 'ar'), 'title'));
  // Languages by name, not only by code: the pane's button and its menu.
  await expect(pane(page, 'ar').getByRole('button', { name: 'Arapça · AR için yazılıyor', exact: true })).toBeVisible();
  await pane(page, 'ar')
    .getByRole('button', { name: /AR için yazılıyor/ })
    .click();
  for (const [code, name] of [
    ['ps', 'Peştuca'],
    ['ku', 'Kürtçe (Kurmancî)'],
    ['en', 'İngilizce'],
  ])
    await expect(page.getByRole('menuitem', { name: `${code} – ${name}`, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // The entry list sorted by title in Turkish order (CLDR's, by Intl.Collator): Ç after C, İ after I, where byte order puts both after Z.
  await page.goto('/admin/#/collections/campaigns');
  await page.getByRole('button', { name: 'Sırala ...' }).click();
  await page.getByRole('menuitem', { name: 'Başlık' }).click();
  const titles = page.locator(`a[href*="${entryHash('campaigns', '')}"]`);
  const known = readdirSync(join(copy(), collectionFolder('campaigns'), 'tr')).map((f) => String(readEntry(join(copy(), collectionFolder('campaigns'), 'tr', f)).data.title));
  const order = [...known].sort(new Intl.Collator('tr').compare);
  const titleOf = (text: string) => known.filter((title) => text.trim().startsWith(title)).sort((a, b) => b.length - a.length)[0];
  await expect.poll(async () => (await titles.allInnerTexts()).map(titleOf).filter(Boolean), { message: 'the campaigns’ titles in Turkish order' }).toEqual(order);

  await page.goto('/admin/#/collections/settings');
  await expect(page.getByText('Arapça (العربية)')).toBeVisible();
  await page.goto('/admin/#/collections/settings/entries/ar');
  await expect(page.getByText('Site adı').first()).toBeVisible();
  await expect(page.getByText('Hızlı çıkış adresi')).toHaveCount(0);
});

/**
 * Last, so that one good rebuild shows everything the CMS saved before it, in
 * both files: a failed rebuild first (it stops at the front-matter check, in
 * seconds), then the fix and the one full rebuild of the suite.
 */
test('2. npm start keeps serving the last good build when a rebuild fails, and the CMS shows the error; the rebuilt site, with its own headers, shows what the CMS saved', async ({
  page,
}) => {
  // Two rebuilds, the second a full one (about 150 s of a loaded two-core machine), on top of the admin's own load.
  test.setTimeout(600_000);
  const broken = join(copy(), entryFile('pages', 'tr', 'broken-by-hand'));
  writeFileSync(broken, '---\ntitle: "unclosed\nslug: broken-by-hand\n---\n');
  try {
    const failed = await rebuild(copy());
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('broken-by-hand.md');
    for (const path of ['/tr/', '/ar/', '/admin/']) expect((await page.request.get(path)).status(), path).toBe(200);
    await openAdmin(page, '#/collections/pages');
    await expect(page.locator('#cms-build-status[data-state="failed"]')).toContainText('son çalışan sürümü');
    await expect(page.locator('#cms-build-status pre')).toContainText('broken-by-hand.md');
  } finally {
    rmSync(broken, { force: true });
  }
  // The new build's _headers are served, not those wrangler read at start (scripts/serve/local-site.mjs re-points it after the switch).
  expect((await page.request.get('/tr/')).headers()['x-cms-test-build']).toBeUndefined();
  appendFileSync(join(copy(), 'public/_headers'), '\n/tr/*\n  X-Cms-Test-Build: rebuilt\n');
  expect((await rebuild(copy())).state).toBe('ok');
  expect(buildStatus(copy())?.state).toBe('ok');
  await expect.poll(async () => (await page.request.get('/tr/')).headers()['x-cms-test-build'], { message: "the rebuilt site's own _headers" }).toBe('rebuilt');
  expect((await page.request.get('/admin/')).headers()['content-security-policy']).toContain("'unsafe-eval'");

  // cms.spec.ts: the campaign created in Turkish and Arabic.
  await page.goto(localePath('tr', entryPath('campaigns', CAMPAIGN)));
  await expect(page.locator('h1')).toHaveText('Sahte ilan, gerçek borç');
  await page.goto(localePath('ar', entryPath('campaigns', CAMPAIGN)));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('إعلان مزيف، دين حقيقي');
  // cms.spec.ts: the PDF uploaded to a material, linked with its size and served.
  const leaflet = join(copy(), 'public/uploads/cms-test-leaflet.pdf');
  const material = readdirSync(join(copy(), collectionFolder('materials'), 'tr')).find((f) =>
    readFileSync(join(copy(), collectionFolder('materials'), 'tr', f), 'utf8').includes('/uploads/cms-test-leaflet.pdf'),
  );
  expect(material, 'the material the upload test saved').toBeTruthy();
  await page.goto(localePath('tr', entryPath('materials', material!.replace(/\.md$/, ''))));
  await expect(page.locator('a[href="/uploads/cms-test-leaflet.pdf"]')).toHaveAttribute('data-file-size', String(statSync(leaflet).size));
  expect((await page.request.get('/uploads/cms-test-leaflet.pdf')).ok()).toBe(true);
  // The duplicated page, under its own address.
  await page.goto(localePath('tr', entryPath('pages', COPY)));
  await expect(page.locator('h1')).toHaveText('Sayfanın kopyası');
  // The Persian draft is not published: the page shows the fallback, with its notice.
  await page.goto(localePath('fa', entryPath('campaigns', draftCampaign)));
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(page.locator('[data-notice="fallback"]')).toBeVisible();
  await expect(page.locator('h1')).not.toContainText('پیش‌نویس');
  // An upload renamed to Latin is served under its new name.
  expect((await page.request.get('/uploads/dlyl-2026.pdf')).ok()).toBe(true);
});

test('a fenced code block in a body shows in the rich-text editor as its language and code, and an edit there is saved as a fenced block', async ({ page }) => {
  // admin/decap.ts registers its own "code-block" component: without one, Decap draws nothing for a code block.
  const file = join(copy(), entryFile('pages', 'tr', PAGE));
  const original = readFileSync(file, 'utf8');
  const before = readEntry(file);
  writeFileSync(file, `${original.trimEnd()}\n\n\`\`\`text\nmerhaba dünya\n\`\`\`\n`);
  try {
    await openAdmin(page, entryHash('pages', PAGE));
    const tr = pane(page, 'tr');
    await expect(input(tr, 'lang')).toHaveValue('text');
    const code = input(tr, 'code');
    await expect(code).toHaveValue('merhaba dünya');
    await code.fill('merhaba yeni dünya');
    await publishAndWait(page);
    const after = readEntry(file);
    const block = '```text\nmerhaba yeni dünya\n```';
    expect(after.body).toContain(block);
    expect(after.body.replace(block, '').trim(), 'the rest of the body as it was').toBe(before.body.trim());
    expect(after.data.title).toBe(before.data.title);
  } finally {
    writeFileSync(file, original);
  }
});
