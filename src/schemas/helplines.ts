import { z } from 'astro/zod';
import { HELPLINE_NUMBERS } from '../lib/content-rules/allowlists.ts';
import { languageCode, slug, sources, translationFields, withUntranslatedStubs, keywords } from './common.ts';

export const helplineFields = {
  slug,
  // Only numbers vetted in code (src/lib/content-rules/allowlists.ts): a stolen
  // editor account must not be able to publish a "helpline" of its own (issue 13).
  number: z
    .enum(HELPLINE_NUMBERS, {
      error: `yalnızca onaylı yardım hattı numaraları: ${HELPLINE_NUMBERS.join(', ')}. Yeni bir numara için geliştiricilere başvurun (only the vetted helpline numbers ${HELPLINE_NUMBERS.join(', ')}; a new number is a code change, src/lib/content-rules/allowlists.ts)`,
    })
    .describe(`The number to dial. Only the vetted numbers (${HELPLINE_NUMBERS.join(', ')}) can be chosen; adding one is a code change reviewed by developers.`)
    .meta({
      cms: {
        widget: 'select',
        i18n: 'duplicate',
        tr: {
          label: 'Telefon numarası',
          hint: 'Listeden seçin. Okurlara aranması söylenen numaralar güvenlik için kodda tutulur; yeni bir numara için geliştiricilere başvurun. Tüm dillerde aynıdır.',
          options: { '112': '112 (Acil çağrı)', '157': '157 (YİMER)', '183': '183 (ALO 183 Sosyal Destek Hattı)' },
        },
      },
    }),
  title: z
    .string()
    .min(2)
    .max(80)
    .describe('Name of the line (e.g. "YİMER – Foreigners Communication Centre").')
    .meta({
      cms: { i18n: true, tr: { label: 'Hattın adı', hint: 'Ör. "YİMER – Yabancılar İletişim Merkezi". 2 ile 80 karakter arası.', pattern: '2 ile 80 karakter arası olmalı' } },
    }),
  purpose: z
    .string()
    .min(10)
    .max(300)
    .describe('What to call it for, in one sentence.')
    .meta({ cms: { widget: 'text', i18n: true, tr: { label: 'Ne için aranır', hint: 'Bu hattın ne için arandığı, tek cümleyle.', pattern: '10 ile 300 karakter arası olmalı' } } }),
  hours: z
    .string()
    .min(2)
    .max(80)
    .optional()
    .describe('When it answers (e.g. "24 hours, every day"), only as a source says. Leave empty if no source confirms it: the row is then not shown.')
    .meta({
      cms: {
        i18n: true,
        tr: {
          label: 'Çalışma saatleri',
          hint: 'Ne zaman yanıt verdiği (ör. "Her gün 24 saat"), yalnızca bir kaynak söylüyorsa. Kaynak yoksa boş bırakın: satır gösterilmez. "Arayıp sorun" yazmayın.',
          pattern: '2 ile 80 karakter arası olmalı',
        },
      },
    }),
  // Never "call the line and ask": readers took it to mean an emergency call may cost money, and a
  // closed line cannot tell you its hours (back-translation review, issue 11). Unverified: left out.
  cost: z
    .string()
    .min(2)
    .max(120)
    .optional()
    .describe('What a call costs (e.g. "Free"), only if an official source says so. Leave empty otherwise: the row is then not shown.')
    .meta({
      cms: {
        i18n: true,
        tr: {
          label: 'Arama ücreti',
          hint: 'Aramanın ücreti (ör. "Ücretsiz"), yalnızca resmî bir kaynak söylüyorsa. Yoksa boş bırakın: satır gösterilmez.',
          pattern: '2 ile 120 karakter arası olmalı',
        },
      },
    }),
  languages: z
    .array(languageCode)
    .min(1)
    .describe('Languages the line answers in, as codes (tr, ar, fa, ru, en...).')
    .meta({
      cms: {
        widget: 'list',
        i18n: 'duplicate',
        tr: {
          label: 'Yanıt verdiği diller',
          hint: 'Dil kodları, her satıra bir tane: tr (Türkçe), ar (Arapça), fa (Farsça), ps (Peştuca), ku (Kürtçe), ru (Rusça), en (İngilizce).',
          pattern: 'iki ya da üç küçük harfli dil kodu olmalı (ör. ar)',
        },
      },
    }),
  languagesNote: z
    .string()
    .max(200)
    .optional()
    .describe('Anything readers should know about languages (e.g. "varies by centre").')
    .meta({
      cms: {
        i18n: true,
        tr: {
          label: 'Diller hakkında not',
          hint: 'Diller hakkında okurun bilmesi gereken bir şey (ör. "merkeze göre değişir"). İsteğe bağlı.',
          pattern: 'en çok 200 karakter olmalı',
        },
      },
    }),
  order: z
    .number()
    .int()
    .min(0)
    .describe('Position in lists, lowest first.')
    .meta({ cms: { widget: 'number', i18n: 'duplicate', tr: { label: 'Sıra', hint: 'Listelerdeki yeri; küçük sayı önce gelir.' } } }),
  sources,
  keywords,
  ...translationFields,
};

export const helplineSchema = withUntranslatedStubs(helplineFields);
