/**
 * Decap CMS at /admin/, in a real Chromium, saving through decap-server into
 * a temporary copy of the project (tests/cms/servers.ts). The tests run in
 * order; the last test of editors.spec.ts rebuilds the copy and reads what
 * these saved on the public site.
 */
import { expect, test, type Locator } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionFolder, collections, dataCollections, entryFile, type CollectionName } from '../../src/collections.ts';
import type { LocaleCode } from '../../src/i18n/locales.ts';
import {
  addListItems,
  choose,
  copy,
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
  typeBody,
  waitForFile,
  watchWrites,
} from './helpers.ts';
import { QUICK_EXIT_DESTINATIONS } from '../../src/lib/content-rules/allowlists.ts';
import { tactics } from '../../src/schemas/campaigns.ts';
import { cmsMeta } from '../../src/schemas/meta.ts';
import { anyHelpline } from './entries.ts';

/** The two collections these tests edit, by their registry names (src/collections.ts). */
const campaigns = 'campaigns' satisfies CollectionName;
const materials = 'materials' satisfies CollectionName;
const campaignSchema = collections[campaigns].schema;
const materialSchema = collections[materials].schema;

test.describe.configure({ mode: 'serial' });

const SLUG = 'cms-test-campaign';
/** The tactic the new campaign is given (the schema's first), and the Turkish label staff choose it by. */
const TACTIC = { value: tactics[0], label: cmsMeta(collections[campaigns].fields.tactic).tr!.options![tactics[0]]! };

test('create a campaign in Turkish, add its Arabic translation, publish', async ({ page }) => {
  await openAdmin(page, `#/collections/${campaigns}/new`);
  const tr = pane(page, 'tr');
  const ar = pane(page, 'ar');
  await expect(input(tr, 'slug')).toBeVisible();

  await input(tr, 'slug').fill(SLUG);
  await input(tr, 'title').fill('Sahte ilan, gerçek borç');
  await input(tr, 'summary').fill('İş bulma bahanesiyle borçlandırılıyorsanız bu bir tuzak olabilir.');
  await choose(tr, 'tactic', TACTIC.label);
  await choose(tr, 'audiences', 'İşçiler');
  await addListItems(tr, 'warningSigns', ['Yol parası için borç istendi.', 'Borç hiç bitmiyor.', 'Belgeleriniz alındı.']);
  await addListItems(tr, 'whatToDo', [`${anyHelpline.number} numarasını arayın.`]);
  const helplines = field(tr, 'helplines');
  await helplines.locator('input').first().fill(anyHelpline.number);
  await page
    .getByRole('option', { name: new RegExp(anyHelpline.number) })
    .first()
    .click();
  await input(tr, 'published').fill('01.12.2026');
  const sources = field(tr, 'sources');
  await sources.getByRole('button', { name: /Ekle/ }).first().click();
  await sources.locator('[id^="title-field-"]').first().fill('Türk Ceza Kanunu, madde 80');
  await expect(tr.locator('[data-translation-status="source"]')).toHaveText('Kaynak metin (Türkçe)');
  await typeBody(tr, 'Borç, insan tacirlerinin en sık kullandığı yoldur.');

  await expect(ar.getByRole('button', { name: /AR/ }).first()).toBeVisible();
  await input(ar, 'title').fill('إعلان مزيف، دين حقيقي');
  await input(ar, 'summary').fill('إذا طُلب منك دين مقابل عمل، فقد يكون ذلك فخاً.');
  await addListItems(ar, 'warningSigns', ['طُلب منك دين لتغطية السفر.', 'الدين لا ينتهي أبداً.', 'أُخذت وثائقك.']);
  await addListItems(ar, 'whatToDo', [`اتصل بالرقم ${anyHelpline.number}.`]);
  await setStatus(ar, 'Makine çevirisi');
  await typeBody(ar, 'الدين هو أكثر وسيلة يستخدمها المتاجرون بالبشر.');

  await publishAndWait(page);
  const trFile = join(copy(), entryFile(campaigns, 'tr', SLUG));
  const arFile = join(copy(), entryFile(campaigns, 'ar', SLUG));
  await waitForFile(trFile);
  await waitForFile(arFile);

  // Both files pass the site's own schema, as real entries.
  const trEntry = readEntry(trFile);
  const arEntry = readEntry(arFile);
  expect(campaignSchema.parse(trEntry.data)).toMatchObject({
    kind: 'entry',
    slug: SLUG,
    tactic: TACTIC.value,
    helplines: [anyHelpline.slug],
    translationStatus: 'source',
    published: new Date('2026-12-01'),
  });
  expect(campaignSchema.parse(arEntry.data)).toMatchObject({ kind: 'entry', slug: SLUG, title: 'إعلان مزيف، دين حقيقي', translationStatus: 'machine' });
  // A translation created in the CMS is stamped with the hash of the source it was made from.
  expect(arEntry.data.sourceHash).toMatch(/^[0-9a-f]{12}$/);
  expect(arEntry.body).toContain('الدين هو أكثر وسيلة');
  // Languages nobody translated get only the copied fields (decap-cms #6932): the site reads them as stubs.
  for (const code of ['fa', 'ps', 'ku', 'ru', 'en']) {
    const stub = join(copy(), entryFile(campaigns, code as LocaleCode, SLUG));
    if (existsSync(stub)) expect(campaignSchema.parse(readEntry(stub).data)).toMatchObject({ kind: 'stub' });
  }
});

test('editing one field keeps every other field and the body', async ({ page }) => {
  const folder = join(copy(), collectionFolder(campaigns), 'tr');
  const slug = readdirSync(folder)
    .filter((f) => f.endsWith('.md') && !f.startsWith(SLUG))
    .sort()[0]!
    .replace(/\.md$/, '');
  const before = Object.fromEntries(
    readdirSync(join(copy(), collectionFolder(campaigns)))
      .filter((code) => existsSync(join(copy(), entryFile(campaigns, code as LocaleCode, slug))))
      .map((code) => [code, readEntry(join(copy(), entryFile(campaigns, code as LocaleCode, slug)))]),
  );
  const trFile = join(folder, `${slug}.md`);
  const written = statSync(trFile).mtimeMs;

  await openAdmin(page, `#/collections/${campaigns}/entries/${slug}`);
  const summary = input(pane(page, 'tr'), 'summary');
  await expect(summary).toHaveValue(String(before.tr!.data.summary));
  const newSummary = `${before.tr!.data.summary} (düzenlendi)`;
  await summary.fill(newSummary);
  await publishAndWait(page);
  await waitForFile(trFile, written);

  const after = readEntry(trFile);
  expect(after.data).toEqual({ ...before.tr!.data, summary: newSummary });
  expect(Object.keys(after.data)).toEqual(Object.keys(before.tr!.data));
  expect(after.body.trim()).toBe(before.tr!.body.trim());
  for (const [code, entry] of Object.entries(before)) {
    if (code === 'tr') continue;
    const now = readEntry(join(copy(), entryFile(campaigns, code as LocaleCode, slug)));
    expect(now.data, `${code}/${slug}.md front matter`).toEqual(entry.data);
    expect(now.body.trim(), `${code}/${slug}.md body`).toBe(entry.body.trim());
  }
});

test('a required field left empty shows the error and writes nothing', async ({ page }) => {
  const slug = 'cms-test-invalid';
  await openAdmin(page, `#/collections/${campaigns}/new`);
  const tr = pane(page, 'tr');
  await input(tr, 'slug').fill(slug);
  // Title left empty.
  await input(tr, 'summary').fill('Başlığı olmayan bir kampanya kaydedilmemeli.');
  // An image without alt text.
  const png = join(copy(), 'cms-test-image.png');
  writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));
  await field(tr, 'image').getByRole('button', { name: 'Bir resim seçin' }).click();
  await page.locator('input[type="file"]').setInputFiles(png);
  await page.getByRole('button', { name: 'Seçileni kullan' }).click();
  const writes = watchWrites(page);
  await publish(page);
  await expect(field(tr, 'title')).toContainText('gerekli');
  await expect(field(tr, 'alt')).toContainText('gerekli');
  await page.waitForTimeout(1500);
  expect(writes).toEqual([]);
  expect(existsSync(join(copy(), entryFile(campaigns, 'tr', slug)))).toBe(false);
});

test('a translation the site would reject is not saved either (the schema guard checks every language)', async ({ page }) => {
  const arFile = join(copy(), entryFile(campaigns, 'ar', SLUG));
  const before = readFileSync(arFile, 'utf8');
  await openAdmin(page, `#/collections/${campaigns}/entries/${SLUG}`);
  // Decap validates only the left (Turkish) pane; an Arabic entry without a title would break the build.
  await input(pane(page, 'ar'), 'title').fill('');
  const writes = watchWrites(page);
  await publish(page);
  // In Turkish, naming the language and the field, and it stays on screen.
  const problems = problemsPanel(page);
  await expect(problems).toContainText('Kaydedilmedi', GUARD_WAIT);
  await expect(problems).toContainText('Arapça (العربية) — Başlık: gerekli');
  await page.waitForTimeout(1500);
  expect(writes).toEqual([]);
  expect(readFileSync(arFile, 'utf8')).toBe(before);
});

test('issue 13: the content rules run in the CMS before saving: a bidi control in the body is refused in Turkish, nothing written', async ({ page }) => {
  const trFile = join(copy(), entryFile(campaigns, 'tr', SLUG));
  const before = readFileSync(trFile, 'utf8');
  await openAdmin(page, `#/collections/${campaigns}/entries/${SLUG}`);
  // U+202E makes "751" display as "157": refused by the body rules (micromark + hast, in the browser).
  await typeBody(pane(page, 'tr'), ' Arayın: \u202E751\u202C');
  const writes = watchWrites(page);
  await publish(page);
  await expect(problemsPanel(page)).toContainText(/Türkçe — Metin \(satır \d+\): yazının yönünü değiştiren görünmez bir karakter var: U\+202E/, GUARD_WAIT);
  await page.waitForTimeout(1500);
  expect(writes).toEqual([]);
  expect(readFileSync(trFile, 'utf8')).toBe(before);
});

test('issue 13: the quick exit is a choice of the destinations vetted in code', async ({ page }) => {
  await openAdmin(page, `#/collections/${dataCollections.settings.cms.name}/entries/tr`);
  const exit = page.locator('input[id^="quickExitUrl-field-"]').first();
  await exit.click();
  await expect(page.getByRole('option')).toHaveText(QUICK_EXIT_DESTINATIONS.map((url) => new RegExp(`\\(${url.replace(/[.?*+^$[\]\\(){}|/-]/g, '\\$&')}\\)$`)));
});

test('uploading a PDF to a material stores it in public/uploads with its size', async ({ page }) => {
  const folder = join(copy(), collectionFolder(materials), 'tr');
  const slug = readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort()[0]!
    .replace(/\.md$/, '');
  const pdf = join(copy(), 'cms-test-leaflet.pdf');
  const bytes = await onePagePdf('CMS test leaflet');
  writeFileSync(pdf, bytes);
  const file = join(folder, `${slug}.md`);
  const written = statSync(file).mtimeMs;

  await openAdmin(page, `#/collections/${materials}/entries/${slug}`);
  const tr = pane(page, 'tr');
  const pdfField = field(tr, 'file');
  await pdfField.getByRole('button', { name: 'Bir dosya seçin' }).click();
  await page.locator('input[type="file"]').setInputFiles(pdf);
  await page.getByRole('button', { name: 'Seçileni kullan' }).click();
  await expect(pdfField.locator('output[data-file-size]')).toHaveAttribute('data-file-size', String(bytes.length));
  await choose(pdfField, 'language', 'Türkçe');
  await publishAndWait(page);
  await waitForFile(file, written);

  // decap-server writes the entry's files first, then its uploads.
  const uploaded = join(copy(), 'public/uploads/cms-test-leaflet.pdf');
  await expect.poll(() => existsSync(uploaded) && readFileSync(uploaded).equals(bytes), { message: 'the PDF in public/uploads/' }).toBe(true);
  const saved = materialSchema.parse(readEntry(file).data);
  expect(saved).toMatchObject({ kind: 'entry', file: { path: '/uploads/cms-test-leaflet.pdf', sizeBytes: bytes.length, language: 'tr' } });
});

test('issue 16: a speaker’s recording is chosen per language, its size measured and saved; a PDF named .mp3 is refused before anything is written', async ({ page }) => {
  const slug = readdirSync(join(copy(), collectionFolder(materials), 'tr'))
    .filter((f) => f.endsWith('.md'))
    .sort()[0]!
    .replace(/\.md$/, '');
  const psFile = join(copy(), entryFile(materials, 'ps', slug));
  const bytes = readFileSync(new URL('../fixtures/site/public/uploads/fixture-recording-tr.mp3', import.meta.url));
  const recording = join(copy(), 'cms-test-okuma.mp3');
  writeFileSync(recording, bytes);
  const fake = join(copy(), 'cms-test-sahte.mp3');
  writeFileSync(fake, await onePagePdf('not a recording'));
  const written = statSync(psFile).mtimeMs;

  await openAdmin(page, `#/collections/${materials}/entries/${slug}`);
  // The right pane shows Arabic first: switch it to Pashto.
  await pane(page, 'ar')
    .getByRole('button', { name: /\bAR\b/ })
    .first()
    .click();
  await localeMenuItem(page, 'ps').click();
  const audio = field(pane(page, 'ps'), 'audio');
  await audio.getByRole('button', { name: 'Bir dosya seçin' }).click();
  const writes = watchWrites(page);
  await page.locator('input[type="file"]').setInputFiles(fake);
  await expect(problemsPanel(page)).toContainText('"cms-test-sahte.mp3" gerçek bir MP3 dosyası değil (içeriği PDF)', GUARD_WAIT);
  expect(writes).toEqual([]);
  expect(existsSync(join(copy(), 'public/uploads/cms-test-sahte.mp3'))).toBe(false);

  await page.locator('input[type="file"]').setInputFiles(recording);
  await page.getByRole('button', { name: 'Seçileni kullan' }).click();
  await expect(audio.locator('output[data-file-size]')).toHaveAttribute('data-file-size', String(bytes.length));
  await publishAndWait(page);
  await waitForFile(psFile, written);
  const uploaded = join(copy(), 'public/uploads/cms-test-okuma.mp3');
  await expect.poll(() => existsSync(uploaded) && readFileSync(uploaded).equals(bytes), { message: 'the recording in public/uploads/' }).toBe(true);
  expect(materialSchema.parse(readEntry(psFile).data)).toMatchObject({ kind: 'entry', audio: { path: '/uploads/cms-test-okuma.mp3', sizeBytes: bytes.length } });
  // Per language: the Turkish file has no recording.
  expect(readEntry(join(copy(), entryFile(materials, 'tr', slug))).data.audio).toBeUndefined();
});

test('Arabic panes edit right-to-left, Turkish ones left-to-right', async ({ page }) => {
  await openAdmin(page, `#/collections/${campaigns}/entries/${SLUG}`);
  const ar = pane(page, 'ar');
  await expect(ar.getByRole('button', { name: /\bAR\b/ }).first()).toBeVisible();
  const direction = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).direction);
  await expect.poll(() => direction(input(ar, 'title'))).toBe('rtl');
  await expect.poll(() => direction(input(ar, 'summary'))).toBe('rtl');
  await expect.poll(() => direction(ar.locator('[data-slate-editor="true"]').first())).toBe('rtl');
  await expect.poll(() => direction(input(pane(page, 'tr'), 'title'))).toBe('ltr');
  // The right pane switched to the other languages: Persian and Pashto right-to-left, English not.
  for (const [from, to, dir] of [
    ['ar', 'fa', 'rtl'],
    ['fa', 'ps', 'rtl'],
    ['ps', 'en', 'ltr'],
    ['en', 'ar', 'rtl'],
  ] as const) {
    await pane(page, from)
      .getByRole('button', { name: new RegExp(`\\b${from.toUpperCase()}\\b`) })
      .first()
      .click();
    await localeMenuItem(page, to).click();
    await expect.poll(() => direction(input(pane(page, to), 'title')), { message: `${to} title` }).toBe(dir);
    await expect.poll(() => direction(pane(page, to).locator('[data-slate-editor="true"]').first()), { message: `${to} body` }).toBe(dir);
  }
  // The preview shows the language of the left pane; switched to Arabic, it is right-to-left.
  await page.getByTitle('Önizlemeyi değiştir').click();
  await pane(page, 'tr')
    .getByRole('button', { name: /\bTR\b/ })
    .first()
    .click();
  await localeMenuItem(page, 'ar').click();
  const preview = page.frameLocator('#preview-pane');
  await expect(preview.locator('main[data-preview-locale="ar"]')).toHaveAttribute('dir', 'rtl');
  await expect(preview.locator('h1')).toHaveText('إعلان مزيف، دين حقيقي');
  await expect.poll(() => direction(input(pane(page, 'ar'), 'title'))).toBe('rtl');
});
