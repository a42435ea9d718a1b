/**
 * How a zod field becomes a Decap field (admin/fields.ts), rule by rule, on
 * made-up schemas: the CMS must refuse what the build would refuse, and label
 * and explain each field. The generated config against the real schemas:
 * ./cms-config.unit.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'astro/zod';
import { fieldsFromShape, labelFor } from '../../admin/fields.ts';
import { collectionLabel, fieldLabel } from '../../src/lib/content-rules/entries.ts';
import { collections } from '../../src/collections.ts';
import { bodyText } from '../../src/schemas/common.ts';

const field = (shape: z.ZodRawShape, name: string) => fieldsFromShape(shape).find((f) => f.name === name)!;

test('labels: the schema’s Turkish label (cms.tr.label), else the name read aloud', () => {
  assert.equal(field({ title: z.string().meta({ cms: { tr: { label: 'Başlık' } } }) }, 'title').label, 'Başlık');
  assert.equal(labelFor('warningSigns'), 'Warning signs');
  assert.equal(field({ somethingNew: z.string() }, 'somethingNew').label, 'Something new');
});

test('labels in messages come from the registries: a collection’s singular name, a field’s schema label, the body’s', () => {
  for (const [name, spec] of Object.entries(collections)) assert.equal(collectionLabel(name), spec.cms.singular);
  assert.equal(collectionLabel('site'), 'Site', 'the menus, which referrersOf names for a linked page');
  assert.equal(collectionLabel('constructor'), 'constructor', 'never an Object.prototype member');
  assert.equal(fieldLabel('campaigns', 'body'), bodyText.label);
  assert.equal(fieldLabel('campaigns', 'warningSigns'), 'Uyarı işaretleri');
  assert.equal(fieldLabel('campaigns', 'constructor'), 'constructor');
});

test('required: only when the schema rejects the field missing; the hint is the description', () => {
  const shape = { a: z.string().describe('Say a.'), b: z.string().optional() };
  assert.equal(field(shape, 'a').required, undefined, 'Decap fields are required by default');
  assert.equal(field(shape, 'a').hint, 'Say a.');
  assert.equal(field(shape, 'b').required, false);
});

test('strings: the regex, or the length limits, become a Decap pattern', () => {
  assert.deepEqual(field({ code: z.string().regex(/^[a-z]+$/) }, 'code').pattern?.[0], '^[a-z]+$');
  const lengths = field({ title: z.string().min(3).max(10) }, 'title').pattern!;
  assert.equal(lengths[1], '3 ile 10 karakter arası olmalı', 'in Turkish, as the schemas write theirs');
  assert.equal(field({ sign: z.string().min(3) }, 'sign').pattern![1], 'en az 3 karakter olmalı');
  assert.ok(new RegExp(lengths[0]).test('abc') && !new RegExp(lengths[0]).test('ab') && !new RegExp(lengths[0]).test('a'.repeat(11)));
  assert.match(field({ link: z.url() }, 'link').pattern![0], /https\?/);
});

test('enums become selects; arrays of enums, multiple selects with min and max', () => {
  assert.deepEqual(field({ tone: z.enum(['a', 'b']) }, 'tone').options, ['a', 'b']);
  const many = field(
    {
      kinds: z
        .array(z.enum(['a', 'b']))
        .min(1)
        .max(2),
    },
    'kinds',
  );
  assert.deepEqual([many.widget, many.multiple, many.min, many.max], ['select', true, 1, 2]);
});

test('lists: of strings, one input per item (sentences contain commas); of objects, sub-fields', () => {
  const sentences = field({ steps: z.array(z.string().min(3)).min(1) }, 'steps');
  assert.equal(sentences.widget, 'list');
  assert.equal(sentences.field?.name, 'item');
  assert.equal(sentences.min, 1);
  const objects = field({ sources: z.array(z.object({ title: z.string(), url: z.string().optional() })) }, 'sources');
  assert.deepEqual(
    objects.fields?.map((f) => f.name),
    ['title', 'url'],
  );
  assert.equal(objects.summary, '{{fields.title}}');
});

test('meta: widget, i18n mode, relation and upload limits come from .meta({ cms })', () => {
  // Dates are typed and shown as gg.aa.yyyy by the CMS's own widget (admin/widgets.tsx) and stored as YYYY-MM-DD.
  const when = field({ published: z.coerce.date().meta({ cms: { widget: 'date-tr', i18n: 'duplicate' } }) }, 'published');
  assert.deepEqual([when.widget, when.i18n], ['date-tr', 'duplicate']);
  const lines = field({ lines: z.array(z.string()).meta({ cms: { widget: 'relation', collection: 'helplines' } }) }, 'lines');
  assert.deepEqual([lines.widget, lines.collection, lines.value_field, lines.multiple], ['relation', 'helplines', 'slug', true]);
  const pdf = field({ file: z.string().meta({ cms: { widget: 'file', maxFileBytes: 1000 } }) }, 'file');
  assert.deepEqual([pdf.choose_url, pdf.media_library?.config.max_file_size], [false, 1000], 'uploads only, never a link to another host');
  assert.equal(field({ hash: z.string().meta({ cms: { widget: 'hidden' } }) }, 'hash').widget, 'hidden');
});

test('numbers keep integer-ness and bounds; the stub discriminator never reaches the CMS', () => {
  const order = field({ order: z.number().int().min(0).max(9) }, 'order');
  assert.deepEqual([order.widget, order.value_type, order.min, order.max], ['number', 'int', 0, 9]);
  assert.equal(
    fieldsFromShape({ kind: z.literal('entry'), title: z.string() }).some((f) => f.name === 'kind'),
    false,
  );
});
