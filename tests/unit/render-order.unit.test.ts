/**
 * The order `astro build` asks for the pages in (src/integrations/render-order.ts): the material PDFs
 * and the materials' pages last, everything else and each group in Astro's own order; a pathname
 * listed twice keeps its place (Astro keeps the first of two); the wrapped prerenderer is otherwise
 * the same. That the real build renders the same pages is checked by every test of the built site.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AstroPrerenderer, RouteData } from 'astro';
import { typesetsPdfs, typesettingLast, withTypesettingLast } from '../../src/integrations/render-order.ts';
import { entryPath, isMaterialPdf, listPath, localePath, materialPdfPath } from '../../src/routes.ts';

const pageRoute = { type: 'page', component: 'src/pages/[locale]/[...path].astro' } as RouteData;
const pdfRoute = { type: 'endpoint', component: 'src/pages/[locale]/[folder]/[file].pdf.ts' } as RouteData;
const path = (pathname: string, route = pageRoute) => ({ pathname, route });

const materialPage = localePath('ar', entryPath('materials', 'cefm-lesson-plan'));
const materialPdf = localePath('ar') + materialPdfPath('cefm-lesson-plan');

test('typesetsPdfs: a material PDF and a material page, with or without the trailing slash; nothing else', () => {
  assert.equal(typesetsPdfs(path(materialPdf, pdfRoute)), true);
  assert.equal(typesetsPdfs(path(materialPage)), true);
  assert.equal(typesetsPdfs(path(materialPage.replace(/\/$/, ''))), true);
  assert.equal(typesetsPdfs(path(localePath('tr', entryPath('campaigns', 'fake-job-offers')))), false);
  assert.equal(typesetsPdfs(path(localePath('ar', listPath('materials')))), false, 'the list of materials typesets nothing');
  assert.equal(typesetsPdfs(path('/sitemap.xml', { type: 'endpoint', component: 'src/pages/sitemap.xml.ts' } as RouteData)), false);
});

test('isMaterialPdf: a locale, then a material PDF path of one file name', () => {
  assert.equal(isMaterialPdf(materialPdf), true);
  assert.equal(isMaterialPdf(localePath('ku') + materialPdfPath('poster-a3')), true);
  assert.equal(isMaterialPdf(materialPdfPath('cefm-lesson-plan')), false, 'no locale');
  assert.equal(isMaterialPdf(`/xx/${materialPdfPath('cefm-lesson-plan')}`), false, 'not a locale');
  assert.equal(isMaterialPdf(localePath('ar') + materialPdfPath('a/b')), false, 'a file name has no slash');
  assert.equal(isMaterialPdf(localePath('ar') + materialPdfPath('')), false, 'a file name is not empty');
  assert.equal(isMaterialPdf(materialPage), false);
});

test('typesettingLast: PDFs and material pages last, each group in the order given; the list itself unchanged', () => {
  const campaigns = localePath('tr', listPath('campaigns'));
  const otherPdf = localePath('tr') + materialPdfPath('a');
  const paths = [path('/tr/'), path(materialPdf, pdfRoute), path(campaigns), path(materialPage), path('/ar/'), path(otherPdf, pdfRoute)];
  const before = [...paths];
  assert.deepEqual(
    typesettingLast(paths).map((p) => p.pathname),
    ['/tr/', campaigns, '/ar/', materialPdf, materialPage, otherPdf],
  );
  assert.deepEqual(paths, before);
});

test('typesettingLast: a pathname listed twice keeps its place, so Astro still keeps the same one of the two', () => {
  const twice = [path('/tr/'), path(materialPage), path('/en/'), path(materialPage.replace(/\/$/, '')), path(materialPdf, pdfRoute)];
  assert.deepEqual(
    typesettingLast(twice).map((p) => p.pathname),
    ['/tr/', materialPage, '/en/', materialPage.replace(/\/$/, ''), materialPdf],
  );
});

test("withTypesettingLast: the paths reordered; setup, render, images and teardown are the inner prerenderer's", async () => {
  const calls: string[] = [];
  const response = new Response('x');
  const inner: AstroPrerenderer = {
    name: 'inner',
    setup: async () => void calls.push('setup'),
    getStaticPaths: async () => [path(materialPdf, pdfRoute), path('/tr/')],
    render: async (request) => (calls.push(`render ${new URL(request.url).pathname}`), response),
    collectStaticImages: async () => (calls.push('images'), new Map()),
    teardown: async () => void calls.push('teardown'),
  };
  const outer = withTypesettingLast(inner);
  assert.equal(outer.name, 'inner');
  await outer.setup?.();
  assert.deepEqual(
    (await outer.getStaticPaths()).map((p) => p.pathname),
    ['/tr/', materialPdf],
  );
  assert.equal(await outer.render(new Request('http://x/tr/'), { routeData: pageRoute }), response);
  await outer.collectStaticImages?.();
  await outer.teardown?.();
  assert.deepEqual(calls, ['setup', 'render /tr/', 'images', 'teardown']);
  const bare = withTypesettingLast({ name: 'bare', getStaticPaths: async () => [], render: async () => response });
  assert.equal(bare.setup, undefined);
  assert.equal(bare.teardown, undefined);
  assert.equal(bare.collectStaticImages, undefined);
});
