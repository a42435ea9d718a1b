/**
 * Right-to-left editing for Arabic, Persian and Pashto.
 *
 * Reasoning: Decap sets no text direction on its inputs (decap-cms issue
 * #1769), so Arabic typed into a pane is laid out left-to-right: punctuation
 * jumps to the wrong end and mixed Latin/Arabic lines reorder. Decap renders
 * no locale in the DOM either; the only place a pane names its language is
 * its "writing in XX" button, built from Decap's own phrase
 * `editor.editorControlPane.i18n.writingInLocale`. We read that phrase from
 * Decap's registered UI locale, so the match follows the editor's language,
 * find each pane's button, and give every text input, textarea and rich-text
 * editor in that pane `dir` and `lang` from the locale registry. Labels and
 * hints keep Decap's own direction and the editor's language (Turkish), so
 * their upper-casing follows Turkish rules (İ, not I).
 * Per-language files (settings, UI strings) have no such button: the entry
 * name in the URL is the locale code.
 *
 * Decap names languages by their codes only ("AR için yazılıyor", menus of
 * "tr", "ps", "ku"), and staff cannot be expected to know that PS is Pashto.
 * Decap's locale menus take no labels (EditorControlPane's LocaleDropdown
 * renders the code), so the pane button and every menu item that is a locale
 * code get `data-locale-name` (the registry's `editorName`), which a style
 * shows with the code: "Arapça · AR için yazılıyor", "ps – Peştuca". The
 * text Decap renders is not touched (React owns it); an attribute and a
 * pseudo-element are safe across its re-renders, and Chromium includes the
 * name in the item's accessible name.
 *
 * A MutationObserver re-applies this whenever Decap re-renders (switching a
 * pane's language, adding a list item, opening a collapsed object, opening a
 * locale menu).
 */
import { getLocale, isLocaleCode } from '../src/i18n/locales.ts';
import { EDITOR_LOCALE } from './config.ts';

const EDITABLE = 'input:not([type]), input[type="text"], input[type="search"], input[type="url"], textarea, [contenteditable="true"]';

/** A regex that finds "<CODE>" in the pane's "writing in" button, built from Decap's phrase. */
function writingInPattern(phrase: string): RegExp {
  const [before = '', after = ''] = phrase.split('%{locale}');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*${escape(before)}([A-Z-]{2,})${escape(after)}\\s*$`);
}

function applyTo(pane: Element, code: string) {
  const { dir, tag } = getLocale(code);
  pane.setAttribute('data-cms-locale', code);
  // Field labels are Turkish (the schemas' cms.tr): upper-cased with Turkish rules ("TAKTİK", not "TAKTIK").
  for (const label of pane.querySelectorAll('label')) if (label.getAttribute('lang') !== EDITOR_LOCALE) label.setAttribute('lang', EDITOR_LOCALE);
  for (const el of pane.querySelectorAll(EDITABLE)) {
    if (el.getAttribute('dir') !== dir) el.setAttribute('dir', dir);
    if (el.getAttribute('lang') !== tag) el.setAttribute('lang', tag);
  }
}

/** The pane a "writing in" button belongs to: its nearest ancestor that holds field labels. */
function paneOf(button: Element): Element | null {
  let el: Element | null = button.parentElement;
  while (el && !el.querySelector('label')) el = el.parentElement;
  return el;
}

/** The smallest element holding every field label: the single editor pane of a per-language file. */
function commonAncestor(elements: Element[]): Element | null {
  let ancestor = elements[0]?.parentElement ?? null;
  while (ancestor && !elements.every((el) => ancestor!.contains(el))) ancestor = ancestor.parentElement;
  return ancestor;
}

/** Shows a language's Turkish name after its code (see above). */
function nameLocale(el: Element, code: string) {
  const name = getLocale(code).editorName;
  if (el.getAttribute('data-locale-name') !== name) el.setAttribute('data-locale-name', name);
  if (el.getAttribute('lang') !== EDITOR_LOCALE) el.setAttribute('lang', EDITOR_LOCALE);
}

/** Menu items: after the code. The pane's button: before its text, since its ::after is Decap's caret. */
const LOCALE_NAME_STYLE = `[role="menuitem"][data-locale-name]::after { content: " – " attr(data-locale-name); }
[role="button"][data-locale-name]::before { content: attr(data-locale-name) " · "; }`;

function applyTextDirection(root: Document, pattern: RegExp, perLocaleCollections: readonly string[]) {
  for (const item of root.querySelectorAll('[role="menuitem"]')) {
    const code = item.textContent?.trim() ?? '';
    if (isLocaleCode(code)) nameLocale(item, code);
  }
  let found = false;
  for (const button of root.querySelectorAll('button, [role="button"]')) {
    const match = pattern.exec(button.textContent ?? '');
    const code = match?.[1]?.toLowerCase();
    if (!code || !isLocaleCode(code)) continue;
    nameLocale(button, code);
    const pane = paneOf(button);
    if (pane) {
      applyTo(pane, code);
      found = true;
    }
  }
  if (found) return;
  const route = /#\/collections\/([^/]+)\/entries\/([^/?]+)/.exec(root.defaultView?.location.hash ?? '');
  if (route && perLocaleCollections.includes(route[1]!) && isLocaleCode(route[2]!)) {
    const pane = commonAncestor([...root.querySelectorAll('label')]);
    if (pane) applyTo(pane, route[2]!);
  }
}

export function watchTextDirection(root: Document, phrase: string, perLocaleCollections: readonly string[]) {
  const pattern = writingInPattern(phrase);
  const style = root.createElement('style');
  style.textContent = LOCALE_NAME_STYLE;
  root.head.append(style);
  let scheduled = false;
  const run = () => {
    scheduled = false;
    applyTextDirection(root, pattern, perLocaleCollections);
  };
  // Attributes are not observed: our own setAttribute calls would re-trigger the observer.
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(run);
    }
  }).observe(root.body, { childList: true, subtree: true, characterData: true });
  root.defaultView?.addEventListener('hashchange', run);
  run();
}
