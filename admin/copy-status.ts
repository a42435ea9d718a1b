/**
 * "Fill from another language" never copies the other language's status
 * (issue 14).
 *
 * Reasoning: Decap's copy (editor.editorControlPane.i18n.copyFromLocale)
 * copies every translated field, the translation status included, so filling
 * Arabic from Turkish made the Arabic file say `source`, and it published
 * Turkish text as the Arabic original without a notice. When a pane's text and
 * status are now another language's (or the status is `source`), it was a copy:
 * the status becomes `machine` (the translator translates, then marks it
 * reviewed). The guard also refuses `source` outside the source language and a
 * published translation identical to the source (src/lib/content-rules/entries.ts).
 */
import { defaultLocale } from '../src/i18n/locales.ts';
import { sourceFields } from '../src/lib/translation-status.ts';
import { setDraftField, store, type Immutable } from './decap-internals.ts';

export function watchCopiedStatus() {
  store.subscribe(() => {
    const entry = store.getState().entryDraft.get('entry') as Immutable | undefined;
    if (!entry) return;
    const collection = String(entry.get('collection'));
    const data = (locale: string) =>
      (entry.getIn(locale === defaultLocale ? ['data'] : ['i18n', locale, 'data']) as Immutable | undefined)?.toJS() as Record<string, unknown> | undefined;
    const locales = [defaultLocale, ...Object.keys(((entry.get('i18n') as Immutable | undefined)?.toJS() as object | undefined) ?? {})];
    const text = new Map(locales.map((l) => [l, JSON.stringify(sourceFields(collection, data(l) ?? {}, String(data(l)?.body ?? '')))]));
    for (const locale of locales) {
      if (locale === defaultLocale) continue;
      const status = data(locale)?.translationStatus;
      if (!status || status === 'machine' || status === 'draft' || text.get(locale) === '[]') continue;
      // A copy brings the other language's text and status together.
      const copied = status === 'source' || locales.some((other) => other !== locale && text.get(other) === text.get(locale) && data(other)?.translationStatus === status);
      if (copied) setDraftField('translationStatus', 'machine', locale);
    }
  });
}
