/**
 * The translation page, inside /admin/ at #/translations (issue 14): every
 * entry × language as missing / draft / machine / outdated / reviewed,
 * filterable by language and status, each cell linking to the entry in the
 * editor. It reads the repository through Decap's configured backend (local
 * decap-server or GitHub, admin/repository.ts) and computes each cell with
 * src/lib/translation-status.ts, the module `npm run translations` prints.
 *
 * Decap 3 has no custom pages (its router shows "not found" for unknown
 * routes), so the page is our own React root laid over Decap's main area while
 * the address is #/translations, and a link to it is added to Decap's header.
 */
import { useEffect, useMemo, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { getLocale, localeCodes } from '../src/i18n/locales.ts';
import { localeName } from '../src/lib/content-rules/entries.ts';
import { reportStatuses, statusLabels, translationReport, type ReportRow, type ReportStatus } from '../src/lib/translation-status.ts';
import { loadContentFiles } from './repository.ts';
import { store } from './decap-internals.ts';
import { collectionNames, collections } from '../src/collections.ts';

export const TRANSLATIONS_ROUTE = '#/translations';
const collectionLabels = new Map<string, string>(collectionNames.map((name) => [name, collections[name].cms.label]));
const colours: Record<ReportStatus, string> = { missing: '#fee4e2', draft: '#f2f4f7', machine: '#fef0c7', outdated: '#fddcab', reviewed: '#d1fadf', source: '#e0eaff' };
const collator = new Intl.Collator('tr');

function readFilters(): { locale: string; status: string } {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return { locale: query.get('dil') ?? '', status: query.get('durum') ?? '' };
}

function TranslationPage() {
  const [rows, setRows] = useState<ReportRow[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [filters, setFilters] = useState(readFilters);
  useEffect(() => {
    loadContentFiles()
      .then(translationReport)
      .then(setRows, (e: unknown) => setError(String(e)));
  }, []);
  const update = (next: { locale: string; status: string }) => {
    setFilters(next);
    const query = new URLSearchParams(Object.entries({ dil: next.locale, durum: next.status }).filter(([, v]) => v));
    history.replaceState(null, '', `${TRANSLATIONS_ROUTE}${query.size ? `?${query}` : ''}`);
  };
  const languages = filters.locale ? [filters.locale] : [...localeCodes];
  const entries = useMemo(() => {
    const byEntry = Map.groupBy(rows ?? [], (r) => `${r.collection}/${r.slug}`);
    return [...byEntry.values()]
      .filter((cells) => !filters.status || cells.some((c) => languages.includes(c.locale) && c.status === filters.status))
      .sort((a, b) => collator.compare(collectionLabels.get(a[0]!.collection) ?? '', collectionLabels.get(b[0]!.collection) ?? '') || collator.compare(a[0]!.title, b[0]!.title));
  }, [rows, filters, languages]);
  const counts = Object.fromEntries(reportStatuses.map((s) => [s, (rows ?? []).filter((r) => languages.includes(r.locale) && r.status === s).length]));

  return (
    <main lang="tr" style={{ padding: '24px 32px', font: '15px/1.5 system-ui, sans-serif', color: '#1d2939' }}>
      <h1 style={{ fontSize: 24, margin: '0 0 8px' }}>Çeviri durumu</h1>
      <p style={{ margin: '0 0 16px', maxWidth: '70ch' }}>
        Her girdinin her dildeki durumu. <strong>Güncel değil</strong>: Türkçe kaynak, çeviri yapıldıktan sonra değişti. <strong>Taslak</strong>: kaydedildi ama yayımlanmıyor;
        sayfa yedek dili gösterir. Bir hücreye tıklayınca girdi düzenleyicide açılır.
      </p>
      <form style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 16 }} onSubmit={(e) => e.preventDefault()}>
        <label>
          Dil{' '}
          <select value={filters.locale} onChange={(e) => update({ ...filters, locale: e.target.value })} name="dil">
            <option value="">Tüm diller</option>
            {localeCodes.map((code) => (
              <option key={code} value={code}>
                {localeName(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Durum{' '}
          <select value={filters.status} onChange={(e) => update({ ...filters, status: e.target.value })} name="durum">
            <option value="">Tüm durumlar</option>
            {reportStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]} ({counts[s]})
              </option>
            ))}
          </select>
        </label>
      </form>
      {error && <p role="alert">Çeviri durumu okunamadı: {error}</p>}
      {!rows && !error && <p role="status">Yükleniyor…</p>}
      {rows && (
        <table data-translation-table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'start', marginBottom: 8 }}>
            {entries.length} girdi × {languages.length} dil
          </caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'start', padding: 6 }}>
                Girdi
              </th>
              {languages.map((code) => (
                <th key={code} scope="col" style={{ padding: 6 }} lang="tr">
                  {localeName(code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((cells) => {
              const first = cells[0]!;
              const source = cells.find((c) => c.status === 'source') ?? first;
              const href = `#/collections/${first.collection}/entries/${first.slug}`;
              return (
                <tr key={`${first.collection}/${first.slug}`} style={{ borderTop: '1px solid #eaecf0' }}>
                  <th scope="row" style={{ textAlign: 'start', padding: 6, fontWeight: 400 }}>
                    <span style={{ color: '#475467', fontSize: 13 }}>{collectionLabels.get(first.collection)}</span>
                    <br />
                    <a href={href}>{source.title}</a>
                  </th>
                  {languages.map((code) => {
                    const cell = cells.find((c) => c.locale === code)!;
                    return (
                      <td key={code} style={{ padding: 4, textAlign: 'center' }}>
                        <a
                          href={href}
                          data-cell={`${first.collection}/${first.slug}/${code}`}
                          data-status={cell.status}
                          title={cell.status === 'missing' ? 'Çeviri yok' : cell.title}
                          style={{
                            display: 'block',
                            padding: '4px 6px',
                            borderRadius: 4,
                            background: colours[cell.status],
                            color: '#1d2939',
                            textDecoration: 'none',
                            fontWeight: cell.status === 'outdated' ? 600 : 400,
                          }}
                        >
                          {statusLabels[cell.status]}
                          {cell.status === 'reviewed' && cell.reviewedBy ? <span style={{ display: 'block', fontSize: 12 }}>{cell.reviewedBy}</span> : null}
                          <span hidden>{getLocale(code).nativeName}</span>
                        </a>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}

let root: Root | undefined;
let container: HTMLElement | undefined;

function render() {
  const onPage = location.hash.startsWith(TRANSLATIONS_ROUTE) && Boolean(store.getState().auth.user);
  if (!onPage) {
    root?.unmount();
    root = undefined;
    container?.remove();
    container = undefined;
    return;
  }
  if (!container) {
    container = document.createElement('div');
    container.id = 'translation-page';
    // Below Decap's header (it stays, with its menu), over its "not found" page.
    container.style.cssText = 'position:absolute;inset-inline:0;inset-block-start:56px;min-block-size:calc(100vh - 56px);background:#fff;z-index:150';
    document.body.append(container);
    root = createRoot(container);
    root.render(<TranslationPage />);
  }
}

/** Adds "Çeviri durumu" to Decap's header menu, next to "Medya". */
function addHeaderLink() {
  const nav = document.querySelector('header nav ul, header nav');
  if (!nav || nav.querySelector('[data-translations-link]')) return;
  const link = document.createElement('a');
  link.href = TRANSLATIONS_ROUTE;
  link.textContent = 'Çeviri durumu';
  link.dataset.translationsLink = '';
  link.style.cssText = 'display:inline-flex;align-items:center;padding:0 16px;font-weight:500;color:inherit;text-decoration:none;block-size:56px';
  if (nav.tagName === 'UL') {
    const item = document.createElement('li');
    item.append(link);
    nav.append(item);
  } else nav.append(link);
}

export function installTranslationPage() {
  window.addEventListener('hashchange', render);
  store.subscribe(() => {
    if (!container && location.hash.startsWith(TRANSLATIONS_ROUTE)) render();
  });
  new MutationObserver(addHeaderLink).observe(document.body, { childList: true, subtree: true });
  render();
}
