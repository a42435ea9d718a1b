/**
 * Translation status: one module for the report (`npm run translations`,
 * scripts/content/translations.mjs), the CMS's translation page and editor notice
 * (admin/translation-page.tsx, admin/translation-widget.tsx) and the stamp the
 * CMS writes on save (admin/save.ts). Plain functions on plain data; Web Crypto
 * for the hash, so Node and the browser compute the same value.
 *
 *   source    the original (default-locale) text
 *   missing   no file, or only Decap's empty per-locale file (decap-cms #6932)
 *   draft     a translation saved unfinished: never published
 *   machine   machine translation, not yet checked by a native speaker
 *   reviewed  checked by a native speaker
 *   outdated  the source text changed after this translation was made
 *
 * "Outdated" is automatic: a translation stores `sourceHash`, the hash of the
 * source text it was made from; when the source's text changes, the hash no
 * longer matches. The hash covers only what translators translate (fields
 * marked `i18n: true` in the schema, and the body), read as words: changing a
 * date, a helpline list, a list marker or line wrapping does not make every
 * translation outdated; changing a word does.
 */
import { defaultLocale, localeCodes } from '../i18n/locales.ts';
import { fileKind } from '../schemas/common.ts';
import { translatableFieldNames } from '../schemas/meta.ts';
import { collectionShapes, type ContentFile } from './content-rules/entries.ts';

export const reportStatuses = ['missing', 'draft', 'machine', 'outdated', 'reviewed', 'source'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** One translatable field's text, as words a translator reads. */
export interface SourceField {
  field: string;
  text: string;
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n');
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map(textOf)
      .filter(Boolean)
      .join(' · ');
  return String(value);
}

/** Markdown as words: list markers, heading marks, emphasis and line wrapping do not count. */
function bodyText(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/, ''))
        .join(' ')
        .replace(/(\*\*|__|[*_`])/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}

/** The text a translator translates, field by field in schema order, then the body. */
export function sourceFields(collection: string, data: Record<string, unknown>, body = ''): SourceField[] {
  const fields = translatableFieldNames(collectionShapes[collection] ?? {});
  const out = fields
    .map((field) => ({
      field,
      text: textOf(data[field])
        .normalize('NFC')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    }))
    .filter((f) => f.text);
  const text = bodyText(body.normalize('NFC'));
  if (text) out.push({ field: 'body', text });
  return out;
}

/** 12 hex digits of SHA-256 over the source fields. */
export async function hashOfFields(fields: SourceField[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(fields.map((f) => [f.field, f.text])));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The `sourceHash` a translation of this source text gets. */
export function sourceHashOf(collection: string, data: Record<string, unknown>, body = ''): Promise<string> {
  return hashOfFields(sourceFields(collection, data, body));
}

/** The status of one language file, given the source's current hash. */
export function statusOf(file: ContentFile | undefined, currentHash: string | undefined): ReportStatus {
  if (!file) return 'missing';
  const kind = fileKind(file.data);
  if (kind === 'stub') return 'missing';
  if (kind === 'draft') return 'draft';
  if (file.locale === defaultLocale) return 'source';
  const stamped = file.data.sourceHash;
  if (currentHash && typeof stamped === 'string' && stamped !== currentHash) return 'outdated';
  return file.data.translationStatus === 'reviewed' ? 'reviewed' : 'machine';
}

export interface ReportRow {
  collection: string;
  slug: string;
  locale: string;
  status: ReportStatus;
  /** The title in this language, else the source's. */
  title: string;
  /** Hash this translation was made from (undefined: never stamped). */
  sourceHash?: string;
  /** The source's current hash. */
  currentHash?: string;
  reviewedBy?: string;
  reviewedAt?: string;
}

/** Every entry × locale of the given files (all collections), sorted by collection and slug. */
export async function translationReport(files: ContentFile[]): Promise<ReportRow[]> {
  const byEntry = Map.groupBy(files, (f) => `${f.collection}/${f.name}`);
  const rows: ReportRow[] = [];
  for (const key of [...byEntry.keys()].sort()) {
    const entryFiles = byEntry.get(key)!;
    const { collection, name: slug } = entryFiles[0]!;
    const source = entryFiles.find((f) => f.locale === defaultLocale);
    const currentHash = source && fileKind(source.data) === 'entry' ? await sourceHashOf(collection, source.data, source.body) : undefined;
    for (const locale of localeCodes) {
      const file = entryFiles.find((f) => f.locale === locale);
      const title = String(file?.data.title ?? source?.data.title ?? slug);
      const stamped = file?.data.sourceHash;
      rows.push({
        collection,
        slug,
        locale,
        status: statusOf(file, currentHash),
        title,
        ...(typeof stamped === 'string' && { sourceHash: stamped }),
        ...(currentHash && { currentHash }),
        ...(typeof file?.data.reviewedBy === 'string' && { reviewedBy: file.data.reviewedBy }),
        ...(typeof file?.data.reviewedAt === 'string' && { reviewedAt: file.data.reviewedAt }),
      });
    }
  }
  return rows;
}

/** Status labels for Turkish staff. */
export const statusLabels: Record<ReportStatus, string> = {
  missing: 'Eksik',
  draft: 'Taslak',
  machine: 'Makine çevirisi',
  outdated: 'Güncel değil',
  reviewed: 'Gözden geçirildi',
  source: 'Kaynak',
};
