/**
 * A material's printable PDF: /<locale>/materials/<slug>.pdf (posters also
 * <slug>-a3.pdf; src/routes.ts `materialPdfPath()`, which must name this
 * folder: tests/unit/routes.unit.test.ts), typeset at build time from the entry's Markdown
 * (src/lib/material-pdf/). Only for languages the material is translated
 * into: a page shown in another language links that language's PDF.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { localeCodes } from '../../../i18n/locales.ts';
import { getLocalizedEntries } from '../../../lib/entries.ts';
import { materialPdfs, type MaterialPdf } from '../../../lib/material-pdf/material-pdf.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const locale of localeCodes) {
    for (const item of await getLocalizedEntries('materials', locale)) {
      if (item.isFallback) continue;
      for (const pdf of await materialPdfs(item)) paths.push({ params: { locale, file: pdf.file }, props: { pdf } });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { pdf } = props as { pdf: MaterialPdf };
  return new Response(new Uint8Array(pdf.pdf), { headers: { 'Content-Type': 'application/pdf' } });
};
