/**
 * /admin/translation-sources.json: the source text behind each `sourceHash`
 * a translation holds, so the CMS can show what changed in the source since
 * (admin/translation-widget.tsx). For each entry: the current source text, and
 * the older texts that translations were made from, found in
 * .cache/translation-sources.json (every build adds the current texts to it)
 * or, failing that, in the git history of the source file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { defaultLocale } from '../../i18n/locales.ts';
import { parseMarkdownFile } from '../../lib/content-format.ts';
import { hashOfFields, sourceFields, type SourceField } from '../../lib/translation-status.ts';

type Known = Record<string, Record<string, SourceField[]>>;
const collections = ['campaigns', 'rights', 'materials', 'helplines', 'pages'] as const;
const cacheFile = join(process.cwd(), '.cache', 'translation-sources.json');

/** Older versions of a source file from git, newest first; [] outside a repository. */
function gitVersions(path: string): string[] {
  const log = spawnSync('git', ['log', '--format=%H', '-n', '30', '--', path], { encoding: 'utf8' });
  if (log.status !== 0) return [];
  return log.stdout
    .split('\n')
    .filter(Boolean)
    .map((sha) => spawnSync('git', ['show', `${sha}:${path}`], { encoding: 'utf8' }).stdout)
    .filter(Boolean);
}

export async function GET() {
  const cached: Known = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
  const out: Known = {};
  for (const collection of collections) {
    const entries = await getCollection(collection);
    const bySlug = Map.groupBy(entries, (e) => e.id.split('/')[1] ?? e.id);
    for (const [slug, files] of bySlug) {
      const key = `${collection}/${slug}`;
      const known: Record<string, SourceField[]> = { ...cached[key] };
      const source = files.find((f) => f.id.startsWith(`${defaultLocale}/`));
      if (source) {
        const fields = sourceFields(collection, source.data as Record<string, unknown>, source.body ?? '');
        known[await hashOfFields(fields)] = fields;
      }
      const wanted = new Set(files.map((f) => (f.data as { sourceHash?: string }).sourceHash).filter((h): h is string => Boolean(h) && !known[h!]));
      if (wanted.size) {
        for (const text of gitVersions(`content/${collection}/${defaultLocale}/${slug}.md`)) {
          const parsed = parseMarkdownFile(text);
          const fields = sourceFields(collection, parsed, String(parsed.body ?? ''));
          const hash = await hashOfFields(fields);
          if (wanted.has(hash)) known[hash] = fields;
        }
      }
      cached[key] = known;
      const referenced = new Set(files.map((f) => (f.data as { sourceHash?: string }).sourceHash));
      out[key] = Object.fromEntries(Object.entries(known).filter(([hash]) => referenced.has(hash)));
    }
  }
  mkdirSync(join(process.cwd(), '.cache'), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(cached));
  return new Response(JSON.stringify(out), { headers: { 'Content-Type': 'application/json' } });
}
