/**
 * A material's printable PDF: /<locale>/materials/<slug>.pdf (posters also
 * <slug>-a3.pdf; src/routes.ts `materialPdfPath()`, which must name this
 * folder: tests/unit/routes.unit.test.ts), typeset at build time from the entry's Markdown
 * (src/lib/material-pdf/). Only for languages the material is translated
 * into: a page shown in another language links that language's PDF.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { localeCodes } from '../../../i18n/locales.ts';
import { getLocalizedEntries, type Localized } from '../../../lib/entries.ts';
import { materialPapers, materialPdfs, pdfFileName } from '../../../lib/material-pdf/material-pdf.ts';

// The files are listed without typesetting them: each PDF is typeset when its page or the material's
// page is rendered, so that on a build with workers (src/integrations/parallel-prerender.ts) the PDFs
// are typeset on every core instead of in the main process before any page (issue 17).
export const getStaticPaths = (async () => {
  const paths = [];
  for (const locale of localeCodes) {
    for (const item of await getLocalizedEntries('materials', locale)) {
      if (item.isFallback) continue;
      for (const paper of materialPapers(item)) paths.push({ params: { locale, file: pdfFileName(item.slug, paper) }, props: { item } });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, params }) => {
  const { item } = props as { item: Localized<'materials'> };
  const pdf = (await materialPdfs(item)).find((candidate) => candidate.file === params.file);
  if (!pdf) throw new Error(`The material PDF route ([file].pdf.ts): no PDF ${params.file} for ${item.contentLocale}/${item.slug}.`);
  return new Response(new Uint8Array(pdf.pdf), { headers: { 'Content-Type': 'application/pdf' } });
};
