/**
 * The translation status field, per pane (issue 14):
 * - in the source language it is fixed: "Kaynak metin";
 * - in a translation, a select (machine / reviewed / draft, in Turkish), and
 *   under it what the report would say: "up to date", or "outdated" with a
 *   word diff of the source text since this translation was made (its
 *   `sourceHash`), computed with src/lib/translation-status.ts. The source
 *   text of an older hash comes from /admin/translation-sources.json, which the
 *   build writes (src/pages/admin/translation-sources.json.ts).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { diffWords } from 'diff';
import { defaultLocale } from '../src/i18n/locales.ts';
import { localeName } from '../src/lib/content-rules/entries.ts';
import { sourceFields, sourceHashOf, hashOfFields, type SourceField } from '../src/lib/translation-status.ts';
import { fieldLabel } from '../src/lib/content-rules/entries.ts';
import { translationStatus } from '../src/schemas/common.ts';
import { cmsMeta } from '../src/schemas/meta.ts';
import { store, type Immutable } from './decap-internals.ts';
import { showTurkishDate } from './editor-widgets.tsx';

interface Props {
  value?: string;
  onChange: (value: unknown) => void;
  forID: string;
  classNameWrapper: string;
  field: Immutable;
  locale?: string;
}

let history: Promise<Record<string, Record<string, SourceField[]>>> | undefined;
/** Source texts by entry ("campaigns/debt-bondage") and hash, written at build time. */
export function sourceHistory() {
  history ??= fetch('/admin/translation-sources.json')
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  return history;
}

const plainData = (entry: Immutable | undefined, locale: string) =>
  ((entry?.getIn(locale === defaultLocale ? ['data'] : ['i18n', locale, 'data']) as Immutable | undefined)?.toJS() as Record<string, unknown> | undefined) ?? {};

function WordDiff({ before, after, collection }: { before: SourceField[]; after: SourceField[]; collection: string }) {
  const fields = [...new Set([...before, ...after].map((f) => f.field))];
  const changed = fields.filter((f) => before.find((b) => b.field === f)?.text !== after.find((a) => a.field === f)?.text);
  return (
    <div data-source-diff lang="tr" dir="ltr">
      {changed.map((field) => (
        <div key={field} style={{ marginBlock: 6 }}>
          <strong>{fieldLabel(collection, field)}:</strong>{' '}
          {diffWords(before.find((b) => b.field === field)?.text ?? '', after.find((a) => a.field === field)?.text ?? '').map((part, i) =>
            part.added ? (
              <ins key={i} style={{ background: '#d1fadf', textDecoration: 'none' }}>
                {part.value}
              </ins>
            ) : part.removed ? (
              <del key={i} style={{ background: '#fee4e2' }}>
                {part.value}
              </del>
            ) : (
              <span key={i}>{part.value}</span>
            ),
          )}
        </div>
      ))}
    </div>
  );
}

export function TranslationStatusControl({ value, onChange, forID, classNameWrapper, field, locale = defaultLocale }: Props) {
  const entry = useSyncExternalStore(store.subscribe, () => store.getState().entryDraft.get('entry') as Immutable | undefined);
  const collection = String(entry?.get('collection') ?? '');
  const slug = String(entry?.get('slug') ?? '');
  const source = plainData(entry, defaultLocale);
  const mine = plainData(entry, locale);
  const [state, setState] = useState<{ outdated: boolean; before?: SourceField[]; after: SourceField[] } | undefined>();

  const isSource = locale === defaultLocale;
  useEffect(() => {
    if (isSource && value !== 'source' && entry?.get('newRecord')) onChange('source');
  }, [isSource, value, entry, onChange]);

  const stamped = typeof mine.sourceHash === 'string' ? mine.sourceHash : undefined;
  const sourceKey = JSON.stringify(source);
  useEffect(() => {
    if (isSource || !stamped) return setState(undefined);
    let live = true;
    const after = sourceFields(collection, source, String(source.body ?? ''));
    void Promise.all([sourceHashOf(collection, source, String(source.body ?? '')), sourceHistory()]).then(async ([current, known]) => {
      if (!live) return;
      const before = known[`${collection}/${slug}`]?.[stamped];
      setState({ outdated: current !== stamped, ...(before && (await hashOfFields(before)) === stamped && { before }), after });
    });
    return () => {
      live = false;
    };
    // Recomputed when the source text changes.
  }, [isSource, stamped, sourceKey, collection, slug]);

  const options = ((field.get('options') as Immutable | undefined)?.toJS() as { label: string; value: string }[] | undefined) ?? [];
  if (isSource) {
    return (
      <div id={forID} className={classNameWrapper} data-translation-status="source">
        {options.find((o) => o.value === 'source')?.label ?? cmsMeta(translationStatus).tr?.options?.source}
      </div>
    );
  }
  const reviewed = value === 'reviewed' && typeof mine.reviewedBy === 'string';
  return (
    <div>
      <select id={forID} className={classNameWrapper} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-translation-status={value ?? ''}>
        <option value="">— Seçin —</option>
        {options
          .filter((o) => o.value !== 'source')
          .map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
      </select>
      {reviewed && (
        <p style={{ margin: '6px 0 0', fontSize: 13 }} data-reviewed-by={String(mine.reviewedBy)}>
          Gözden geçiren: {String(mine.reviewedBy)}
          {typeof mine.reviewedAt === 'string' ? `, ${showTurkishDate(mine.reviewedAt)}` : ''}
        </p>
      )}
      {state?.outdated && (
        <div
          role="status"
          data-translation-outdated
          style={{ marginTop: 8, padding: '8px 12px', border: '2px solid #b54708', borderRadius: 4, background: '#fffaeb', fontSize: 14 }}
        >
          <p style={{ margin: '0 0 6px', fontWeight: 600 }}>
            Güncel değil: Türkçe kaynak, bu {localeName(locale)} çevirisi yapıldıktan sonra değişti. Çeviriyi güncelleyip kaydedin (ya da yalnızca doğruysa "Gözden geçirildi"
            seçin).
          </p>
          {state.before ? (
            <WordDiff before={state.before} after={state.after} collection={collection} />
          ) : (
            <p style={{ margin: 0 }}>Kaynağın önceki hâli bulunamadı; Türkçe metni baştan karşılaştırın.</p>
          )}
        </div>
      )}
      {state && !state.outdated && (
        <p style={{ margin: '6px 0 0', fontSize: 13 }} data-translation-current>
          Bu çeviri Türkçe kaynağın güncel hâlinden yapıldı.
        </p>
      )}
    </div>
  );
}
