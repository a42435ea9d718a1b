/**
 * Preview templates: what a reader will see, in the entry's language and
 * direction, styled by the site's own src/styles/global.css.
 *
 * The page templates are Astro components and cannot run in the browser, so
 * the previews repeat their structure (same elements, same classes, same UI
 * strings from content/i18n/, same date and size formatting from
 * src/lib/format.ts) in a few lines of React. Header, footer and quick exit
 * are left out: they do not depend on the entry.
 */
import type { TFunction } from 'i18next';
import { useEffect, type ReactNode } from 'react';
import siteCss from '../src/styles/global.css?raw';
import type { CollectionName } from '../src/collections.ts';
import { getLocale, isLocaleCode, defaultLocale, type LocaleCode } from '../src/i18n/locales.ts';
import { createTranslator } from '../src/i18n/translator.ts';
import { formatBytes, formatDate } from '../src/lib/format.ts';

/** Component and template stylesheets, which global.css no longer holds (each lives beside its markup). */
const componentCss = import.meta.glob<string>(['../src/components/**/*.css', '../src/templates/*.css'], { query: '?raw', eager: true, import: 'default' });

const stringFiles = import.meta.glob<object>('../content/i18n/*.json', { eager: true, import: 'default' });
const resources = Object.fromEntries(Object.entries(stringFiles).map(([path, tree]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), tree]));
const translators = new Map<string, TFunction>();

/** A UI string in the entry's language, through i18next with the site's fallback chain (src/i18n/translator.ts). */
function t(locale: LocaleCode, key: string, values?: Record<string, string>): string {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createTranslator(resources, locale)));
  return values ? translate(key, values) : translate(key);
}

interface Entry {
  getIn(path: string[]): unknown;
}
interface PreviewProps {
  entry: Entry;
  locale?: string;
  widgetFor(name: string): ReactNode;
  document: Document;
}

function value<T = string>(entry: Entry, ...path: string[]): T | undefined {
  const v = entry.getIn(['data', ...path]) as { toJS?: () => T } | T | undefined;
  return v && typeof (v as { toJS?: () => T }).toJS === 'function' ? (v as { toJS: () => T }).toJS() : (v as T | undefined);
}

function asDate(raw: unknown): Date | undefined {
  const date = raw ? new Date(String(raw)) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Sets lang and dir on the preview frame's <html>, as Base.astro does for a real page. */
function Page({ locale, document, children }: { locale: LocaleCode; document: Document; children: ReactNode }) {
  const { tag, dir, script } = getLocale(locale);
  useEffect(() => {
    const html = document.documentElement;
    html.lang = tag;
    html.dir = dir;
    html.dataset.script = script;
  }, [document, tag, dir, script]);
  return (
    <main id="main" lang={tag} dir={dir} data-preview-locale={locale} style={{ padding: '1rem' }}>
      <article>{children}</article>
    </main>
  );
}

function localeOf(props: PreviewProps): LocaleCode {
  return props.locale && isLocaleCode(props.locale) ? props.locale : defaultLocale;
}

function Items({ items, ordered = false }: { items?: string[]; ordered?: boolean }) {
  if (!items?.length) return null;
  const list = items.map((item, i) => <li key={i}>{item}</li>);
  return ordered ? <ol>{list}</ol> : <ul>{list}</ul>;
}

function Sources({ locale, entry }: { locale: LocaleCode; entry: Entry }) {
  const sources = value<{ title?: string; url?: string }[]>(entry, 'sources');
  if (!sources?.length) return null;
  return (
    <section className="sources">
      <h2>{t(locale, 'common.sources')}</h2>
      <ul>
        {sources.map((s, i) => (
          <li key={i}>{s.url ? <a href={s.url}>{s.title}</a> : s.title}</li>
        ))}
      </ul>
    </section>
  );
}

function CampaignPreview(props: PreviewProps) {
  const { entry } = props;
  const locale = localeOf(props);
  const tactic = value(entry, 'tactic');
  const published = asDate(value(entry, 'published'));
  const image = value<{ src?: string; alt?: string }>(entry, 'image');
  return (
    <Page locale={locale} document={props.document}>
      {tactic && <p className="meta">{t(locale, `campaigns.tactic.${tactic}`)}</p>}
      <h1>{value(entry, 'title')}</h1>
      <p>{value(entry, 'summary')}</p>
      <section className="signs">
        <h2>{t(locale, 'campaigns.warningSigns')}</h2>
        <Items items={value(entry, 'warningSigns')} />
      </section>
      <h2>{t(locale, 'campaigns.whatToDo')}</h2>
      <Items items={value(entry, 'whatToDo')} ordered />
      {!!value<string[]>(entry, 'whatNotToDo')?.length && (
        <>
          <h2>{t(locale, 'campaigns.whatNotToDo')}</h2>
          <Items items={value(entry, 'whatNotToDo')} />
        </>
      )}
      {image?.src && <img src={image.src} alt={image.alt ?? ''} />}
      <h2>{t(locale, 'campaigns.howItWorks')}</h2>
      <div className="prose">{props.widgetFor('body')}</div>
      {published && <p className="meta">{t(locale, 'common.published', { date: formatDate(published, locale) })}</p>}
      <Sources locale={locale} entry={entry} />
    </Page>
  );
}

function RightPreview(props: PreviewProps) {
  const { entry } = props;
  const locale = localeOf(props);
  const laws = value<{ law?: string; article?: string }[]>(entry, 'legalBasis') ?? [];
  return (
    <Page locale={locale} document={props.document}>
      <h1>{value(entry, 'title')}</h1>
      <p>{value(entry, 'summary')}</p>
      <div className="prose">{props.widgetFor('body')}</div>
      <ul className="meta">
        {laws.map((l, i) => (
          <li key={i}>{[l.law, l.article].filter(Boolean).join(', ')}</li>
        ))}
      </ul>
      <Sources locale={locale} entry={entry} />
    </Page>
  );
}

function MaterialPreview(props: PreviewProps) {
  const { entry } = props;
  const locale = localeOf(props);
  const file = value<{ path?: string; sizeBytes?: number; language?: string }>(entry, 'file');
  return (
    <Page locale={locale} document={props.document}>
      <h1>{value(entry, 'title')}</h1>
      <p>{value(entry, 'description')}</p>
      {file?.path && (
        <p>
          <a className="button" href={file.path}>
            {t(locale, 'materials.download', {
              format: 'PDF',
              size: file.sizeBytes ? formatBytes(file.sizeBytes, locale) : '…',
              language: file.language && isLocaleCode(file.language) ? getLocale(file.language).nativeName : '',
            })}
          </a>
        </p>
      )}
      <div className="prose">{props.widgetFor('body')}</div>
      <Sources locale={locale} entry={entry} />
    </Page>
  );
}

function HelplinePreview(props: PreviewProps) {
  const { entry } = props;
  const locale = localeOf(props);
  return (
    <Page locale={locale} document={props.document}>
      <div className="help-now">
        <h1>{value(entry, 'title')}</h1>
        <p>{value(entry, 'purpose')}</p>
        <p>
          <a className="call-button" href={`tel:${value(entry, 'number') ?? ''}`} dir="ltr">
            {value(entry, 'number')}
          </a>
        </p>
        <p className="meta">{[value(entry, 'hours'), value(entry, 'cost'), value(entry, 'languagesNote')].filter(Boolean).join(' · ')}</p>
      </div>
      <div className="prose">{props.widgetFor('body')}</div>
    </Page>
  );
}

function PagePreview(props: PreviewProps) {
  const { entry } = props;
  const locale = localeOf(props);
  return (
    <Page locale={locale} document={props.document}>
      <h1>{value(entry, 'title')}</h1>
      <div className="prose">{props.widgetFor('body')}</div>
      <Sources locale={locale} entry={entry} />
    </Page>
  );
}

/** "Check an offer" as readers without JavaScript see it: each question with its why and its advice (src/components/OfferCheck/). */
function OfferCheckPreview(props: PreviewProps) {
  const { entry } = props;
  const locale = localeOf(props);
  const questions = value<{ question?: string; signIf?: string; why?: string; advice?: string }[]>(entry, 'questions') ?? [];
  const answers = ['offerCheck.yes', 'offerCheck.no', 'offerCheck.notSure'];
  return (
    <Page locale={locale} document={props.document}>
      <h1>{value(entry, 'title')}</h1>
      <p>{value(entry, 'intro')}</p>
      <form className="offer-check">
        <ol className="offer-check__questions">
          {questions.map((q, i) => (
            <li key={i}>
              <fieldset>
                <legend>{q.question}</legend>
                <p className="offer-check__why">{q.why}</p>
                <div className="offer-check__answers">
                  {answers.map((key) => (
                    <label key={key}>
                      <input type="radio" name={`q${i}`} /> {t(locale, key)}
                    </label>
                  ))}
                </div>
                <p className="offer-check__advice">
                  <strong>{t(locale, q.signIf === 'no' ? 'offerCheck.ifNo' : 'offerCheck.ifYes')}</strong> {q.advice}
                </p>
              </fieldset>
            </li>
          ))}
        </ol>
      </form>
      <h2>{t(locale, 'campaigns.whatToDo')}</h2>
      <ol>
        {(value<string[]>(entry, 'whatToDo') ?? []).map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <div className="prose">{props.widgetFor('body')}</div>
      <Sources locale={locale} entry={entry} />
    </Page>
  );
}

interface PreviewRegistry {
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerPreviewTemplate(collection: string, component: (props: PreviewProps) => ReactNode): void;
}

/** One preview per collection: TypeScript fails here when the registry gains a collection without one. */
const previews = {
  campaigns: CampaignPreview,
  rights: RightPreview,
  materials: MaterialPreview,
  helplines: HelplinePreview,
  pages: PagePreview,
  'offer-checks': OfferCheckPreview,
} satisfies Record<CollectionName, (props: PreviewProps) => ReactNode>;

export function registerPreviews(CMS: PreviewRegistry) {
  CMS.registerPreviewStyle(siteCss, { raw: true });
  for (const css of Object.values(componentCss)) CMS.registerPreviewStyle(css, { raw: true });
  for (const [name, preview] of Object.entries(previews)) CMS.registerPreviewTemplate(name, preview);
}
