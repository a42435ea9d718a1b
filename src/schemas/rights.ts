import { z } from 'astro/zod';
import { date, helplineRefs, httpsUrl, slug, sources, translationFields, withUntranslatedStubs, keywords, audio } from './common.ts';

export const rightsFields = {
  slug,
  title: z
    .string()
    .min(3)
    .max(120)
    .describe('The right, in plain words (e.g. "Your documents belong to you").')
    .meta({
      cms: {
        i18n: true,
        tr: { label: 'Başlık', hint: 'Hak, sade sözcüklerle (ör. "Belgeleriniz size aittir"). 3 ile 120 karakter arası.', pattern: '3 ile 120 karakter arası olmalı' },
      },
    }),
  summary: z
    .string()
    .min(10)
    .max(300)
    .describe('One or two short sentences shown in lists and link previews.')
    .meta({
      cms: {
        widget: 'text',
        i18n: true,
        tr: { label: 'Özet', hint: 'Listelerde ve paylaşılan bağlantılarda görünen bir iki kısa cümle. 10 ile 300 karakter arası.', pattern: '10 ile 300 karakter arası olmalı' },
      },
    }),
  legalBasis: z
    .array(
      z.object({
        law: z
          .string()
          .min(3)
          .describe('Name of the law or regulation (e.g. "Law No. 6458 on Foreigners and International Protection").')
          .meta({ cms: { tr: { label: 'Kanun veya yönetmelik', hint: 'Adı (ör. "6458 sayılı Yabancılar ve Uluslararası Koruma Kanunu").' } } }),
        article: z
          .string()
          .min(1)
          .describe('Article number (e.g. "Art. 48").')
          .meta({ cms: { tr: { label: 'Madde', hint: 'Madde numarası (ör. "Madde 48").' } } }),
        url: httpsUrl
          .optional()
          .describe('Official text, e.g. on mevzuat.gov.tr (https://…).')
          .meta({
            cms: {
              tr: {
                label: 'Bağlantı',
                hint: 'Resmî metnin adresi, ör. mevzuat.gov.tr üzerinde (https:// ile başlar; http:// kabul edilmez).',
                pattern: 'https:// ile başlayan tam bir web adresi olmalı (http:// olmaz)',
              },
            },
          }),
      }),
    )
    .min(1, 'name the law and article this right rests on')
    .describe('The law and article this right rests on.')
    .meta({ cms: { widget: 'list', i18n: true, tr: { label: 'Yasal dayanak', hint: 'Bu hakkın dayandığı kanun ve madde. En az bir.' } } }),
  lastReviewed: date('When a person last checked this against the official text.', {
    label: 'Son kontrol tarihi',
    hint: 'Birinin bunu resmî metinle en son karşılaştırdığı gün (gg.aa.yyyy).',
  }),
  helplines: helplineRefs,
  sources,
  keywords,
  audio,
  ...translationFields,
};

export const rightsSchema = withUntranslatedStubs(rightsFields);
