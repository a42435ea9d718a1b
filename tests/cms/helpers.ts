/** Shared steps of the CMS end-to-end tests: opening the admin, finding panes and fields, publishing. */
import { expect, type Locator, type Page, type Request } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { CollectionName } from '../../src/collections.ts';
import { getLocale } from '../../src/i18n/locales.ts';
import { parseMarkdown, splitFrontMatter } from '../../src/lib/front-matter.ts';

export const copy = () => {
  const dir = process.env.CMS_COPY_DIR;
  if (!dir) throw new Error('CMS_COPY_DIR is not set: run with -c tests/cms.playwright.config.ts');
  return dir;
};

/** Front matter and body of a Markdown file, parsed as the site reads it. */
export function readEntry(path: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(path, 'utf8');
  if (!splitFrontMatter(text)) throw new Error(`${path} has no front matter:\n${text.slice(0, 300)}`);
  return parseMarkdown(text);
}

export async function waitForFile(path: string, changedAfter = 0) {
  await expect.poll(() => existsSync(path) && statSync(path).mtimeMs > changedAfter, { message: `${path} written`, timeout: 20_000 }).toBe(true);
}

/**
 * Logs in (unless already logged in) and opens `hash`. An editor route waits until Decap has loaded the
 * entry (its panes are marked by admin/rtl.ts): on a loaded two-core machine
 * that alone can take longer than an assertion's timeout.
 */
export async function openAdmin(page: Page, hash: string) {
  await page.goto('/admin/');
  // Decap keeps the login in localStorage: a second visit in the same test is already logged in.
  const login = page.getByRole('button', { name: 'Giriş' });
  const collections = page.getByRole('link', { name: /Kampanyalar/ }).first();
  await expect(login.or(collections).first()).toBeVisible({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await expect(collections).toBeVisible({ timeout: 60_000 });
  await page.goto(`/admin/${hash}`);
  if (/\/(entries\/|new)/.test(hash)) await expect(page.locator('[data-cms-locale] label').first()).toBeVisible({ timeout: 90_000 });
}

/** The editor pane writing in `code`; admin/rtl.ts marks each pane with its language. */
export const pane = (page: Page, code: string) => page.locator(`[data-cms-locale="${code}"]`);
/**
 * A language in one of Decap's locale menus: the code Decap renders, with the
 * Turkish language name admin/rtl.ts adds ("ps – Peştuca").
 */
export const localeMenuItem = (page: Page, code: string) => page.getByRole('menuitem', { name: `${code} – ${getLocale(code).editorName}`, exact: true });
/** A field's container (Decap's ControlContainer) found from its label. */
export const field = (scope: Locator, name: string) =>
  scope.locator(`label[for^="${name}-field-"]`).first().locator('xpath=ancestor::div[contains(@class, "ControlContainer")][1]');
export const input = (scope: Locator, name: string) => scope.locator(`[id^="${name}-field-"]:is(input, textarea)`).first();

/** Picks an option of a Decap select by its (Turkish) label. */
export async function choose(scope: Locator, name: string, option: string) {
  await scope.locator(`input[id^="${name}-field-"]`).first().fill(option);
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

/** The translation status of a pane (admin/translation-widget.tsx): a native select in translations. */
export async function setStatus(scope: Locator, label: string) {
  await scope.locator('select[id^="translationStatus-field-"]').first().selectOption({ label });
}

export async function addListItems(scope: Locator, name: string, items: string[]) {
  const list = field(scope, name);
  for (const [i, item] of items.entries()) {
    await list.getByRole('button', { name: /Ekle/ }).first().click();
    await list.locator('[id^="item-field-"]').nth(i).fill(item);
  }
}

export async function typeBody(scope: Locator, text: string) {
  const editor = scope.locator('[data-slate-editor="true"]').first();
  await editor.click();
  await editor.pressSequentially(text);
}

export async function publish(page: Page) {
  await page.getByRole('button', { name: 'Yayınla' }).click();
  await page.getByText('Şimdi yayımla').click();
}

/**
 * The save guard's problems panel (admin/problems-panel.ts). It appears once the guard has read the
 * repository through the backend (every language file of every collection, and the uploads) and run
 * the build's rules on it: on a loaded two-core machine that alone can take longer than an
 * assertion's usual wait, so the first look at it after a save, delete or upload waits this long.
 */
export const problemsPanel = (page: Page) => page.locator('#cms-problems');
export const GUARD_WAIT = { timeout: 60_000 };

/** A request the admin page sends to decap-server (Decap's proxy backend: POST {action, params}). */
export const isDecapAction = (request: Request, action: string) =>
  request.method() === 'POST' && request.url().endsWith('/api/v1') && (request.postDataJSON() as { action?: string } | null)?.action === action;

/**
 * Every request from the page that would write or delete through decap-server,
 * from now on: a refused save, delete or upload must send none (the guards run
 * before Decap writes), which is stronger than finding no file afterwards.
 */
export function watchWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    for (const action of ['persistEntry', 'persistMedia', 'deleteFile', 'deleteFiles']) if (isDecapAction(request, action)) writes.push(action);
  });
  return writes;
}

interface PersistedFile {
  path: string;
  raw: string;
  newPath?: string;
}
interface PersistedAsset {
  path: string;
  content: string;
  encoding: 'base64';
}

/**
 * Publishes and proves the save on disk: the persistEntry request the page
 * sent, decap-server's answer, then every file of that request read back from
 * the project copy, byte for byte (entry files in every language, and the
 * uploads sent with them), and only then Decap's "saved" message.
 * A "saved" message for files that are not on disk fails here (issue 14).
 * Returns the repository paths written.
 */
export async function publishAndWait(page: Page): Promise<string[]> {
  // An earlier save's message stays 4 s (Decap's dismissAfter, decap-cms-core actions/entries.js): the
  // message awaited below must be this save's, not one still shown from the save before (a CI run
  // found both on screen at once).
  await expect(page.getByText('Girdi kaydedildi')).toHaveCount(0, { timeout: 30_000 });
  const sent = page.waitForRequest((request) => isDecapAction(request, 'persistEntry'), { timeout: 60_000 });
  await publish(page);
  const request = await sent;
  const response = await request.response();
  expect(response?.status(), `decap-server's answer to persistEntry: ${await response?.text()}`).toBe(200);
  const { dataFiles = [], assets = [] } = (request.postDataJSON() as { params: { dataFiles?: PersistedFile[]; assets?: PersistedAsset[] } }).params;
  expect(dataFiles.length, 'files in the save').toBeGreaterThan(0);
  for (const file of dataFiles) {
    const path = join(copy(), file.newPath ?? file.path);
    expect(existsSync(path) ? readFileSync(path, 'utf8') : `(no file ${path})`, `${file.path} on disk`).toBe(file.raw);
  }
  for (const asset of assets) {
    const path = join(copy(), asset.path);
    expect(existsSync(path) && readFileSync(path).equals(Buffer.from(asset.content, asset.encoding)), `${asset.path} on disk`).toBe(true);
  }
  await expect(page.getByText('Girdi kaydedildi')).toBeVisible({ timeout: 30_000 });
  return dataFiles.map((f) => f.newPath ?? f.path);
}

/** A real one-page PDF (pdf-lib), as the upload check requires. */
export async function onePagePdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]).drawText(text, { x: 10, y: 100, size: 10 });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** Decap's route of an entry's editor: "#/collections/campaigns/entries/cms-test-campaign". */
export const entryHash = (collection: CollectionName, slug: string) => `#/collections/${collection}/entries/${slug}`;

/** A cell of the translation page (admin/translation-page.tsx `data-cell`): "campaigns/cms-test-campaign/ar". */
export const cellKey = (collection: CollectionName, slug: string, locale: string) => `${collection}/${slug}/${locale}`;
