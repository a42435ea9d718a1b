/** Shared steps of the CMS end-to-end tests: opening the admin, finding panes and fields, publishing. */
import { expect, type Locator, type Page } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { parse as parseYaml } from 'yaml';

export const copy = () => {
  const dir = process.env.CMS_COPY_DIR;
  if (!dir) throw new Error('CMS_COPY_DIR is not set: run with -c tests/cms.playwright.config.ts');
  return dir;
};

/** Front matter and body of a Markdown file, parsed as the site reads it. */
export function readEntry(path: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${path} has no front matter:\n${text.slice(0, 300)}`);
  return { data: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

export async function waitForFile(path: string, changedAfter = 0) {
  await expect.poll(() => existsSync(path) && statSync(path).mtimeMs > changedAfter, { message: `${path} written`, timeout: 20_000 }).toBe(true);
}

export async function openAdmin(page: Page, hash: string) {
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Giriş' }).click();
  await expect(page.getByRole('link', { name: /Kampanyalar/ }).first()).toBeVisible();
  await page.goto(`/admin/${hash}`);
}

/** The editor pane writing in `code`; admin/rtl.ts marks each pane with its language. */
export const pane = (page: Page, code: string) => page.locator(`[data-cms-locale="${code}"]`);
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

/** Publishes and waits for Decap's "saved" message, shown once decap-server has written every file. */
export async function publishAndWait(page: Page) {
  await publish(page);
  await expect(page.getByText('Girdi kaydedildi')).toBeVisible({ timeout: 30_000 });
}

/** A real one-page PDF (pdf-lib), as the upload check requires. */
export async function onePagePdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]).drawText(text, { x: 10, y: 100, size: 10 });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

