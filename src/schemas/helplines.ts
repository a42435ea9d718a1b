import { z } from 'astro/zod';
import { languageCode, slug, sources, translationFields, withUntranslatedStubs } from './common.ts';

/** Digits only, 3 to 15 (112, 157, 183, or a full number with country code and a leading +). */
export const PHONE_PATTERN = /^\+?[0-9]{3,15}$/;

export const helplineFields = {
  slug,
  number: z
    .string()
    .regex(PHONE_PATTERN, 'a phone number: digits only, optionally starting with +, no spaces (e.g. "157")')
    .describe('The number to dial, digits only (e.g. 157).')
    .meta({
      cms: {
        i18n: 'duplicate',
        pattern: [PHONE_PATTERN.source, 'Digits only, optionally starting with +'],
        tr: {
          label: 'Telefon numarası',
          hint: 'Aranacak numara, yalnızca rakamlarla (ör. 157 ya da 02125551234). Boşluk, parantez ve tire yazmayın. Tüm dillerde aynıdır.',
          pattern: 'yalnızca rakam olmalı, başta + olabilir; boşluk ve parantez olmadan yazın (ör. "0 (212) 555 12 34" yerine 02125551234)',
        },
      },
    }),
  title: z
    .string()
    .min(2)
    .max(80)
    .describe('Name of the line (e.g. "YİMER – Foreigners Communication Centre").')
    .meta({ cms: { i18n: true, tr: { label: 'Hattın adı', hint: 'Ör. "YİMER – Yabancılar İletişim Merkezi". 2 ile 80 karakter arası.', pattern: '2 ile 80 karakter arası olmalı' } } }),
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
    .describe('When it answers (e.g. "24 hours, every day").')
    .meta({ cms: { i18n: true, tr: { label: 'Çalışma saatleri', hint: 'Ne zaman yanıt verdiği (ör. "Her gün 24 saat").', pattern: '2 ile 80 karakter arası olmalı' } } }),
  cost: z
    .string()
    .min(2)
    .max(120)
    .describe('What a call costs, only if an official source says so; otherwise say to ask.')
    .meta({ cms: { i18n: true, tr: { label: 'Arama ücreti', hint: 'Aramanın ücreti, yalnızca resmî bir kaynak söylüyorsa; yoksa sormalarını söyleyin.', pattern: '2 ile 120 karakter arası olmalı' } } }),
  languages: z
    .array(languageCode)
    .min(1)
    .describe('Languages the line answers in, as codes (tr, ar, fa, ru, en...).')
    .meta({ cms: { widget: 'list', i18n: 'duplicate', tr: { label: 'Yanıt verdiği diller', hint: 'Dil kodları, her satıra bir tane: tr (Türkçe), ar (Arapça), fa (Farsça), ps (Peştuca), ku (Kürtçe), ru (Rusça), en (İngilizce).', pattern: 'iki ya da üç küçük harfli dil kodu olmalı (ör. ar)' } } }),
  languagesNote: z
    .string()
    .max(200)
    .optional()
    .describe('Anything readers should know about languages (e.g. "varies by centre").')
    .meta({ cms: { i18n: true, tr: { label: 'Diller hakkında not', hint: 'Diller hakkında okurun bilmesi gereken bir şey (ör. "merkeze göre değişir"). İsteğe bağlı.', pattern: 'en çok 200 karakter olmalı' } } }),
  order: z
    .number()
    .int()
    .min(0)
    .describe('Position in lists, lowest first.')
    .meta({ cms: { widget: 'number', i18n: 'duplicate', tr: { label: 'Sıra', hint: 'Listelerdeki yeri; küçük sayı önce gelir.' } } }),
  sources,
  ...translationFields,
};

export const helplineSchema = withUntranslatedStubs(helplineFields);
