/**
 * "Check an offer" (issue 16, part 1): yes/no questions a reader answers about
 * a concrete offer (a job, a journey, a marriage), each built from a warning
 * sign or tactic on the facts sheet (/work/shared/facts/turkiye.md, "Warning
 * signs" and "Trafficking tactics"), with a one-line why and the advice shown
 * under it. One page per entry and locale (src/collections.ts `offer-checks`).
 *
 * The questions are translated per language as one list. What must be the same
 * in every language (each question's `id` and `signIf`, in the same order) is
 * a rule across language files (src/lib/content-rules/entries.ts
 * `offerQuestionsMatchSource`), run by the build and by the CMS before it saves.
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN, helplineRefs, keywords, slug, sources, translationFields, withUntranslatedStubs, type EditorText, audio } from './common.ts';

/** The answer that means the warning sign is there. */
export const signAnswers = ['yes', 'no'] as const;

const offerQuestion = z
  .object({
    id: z
      .string()
      .regex(SLUG_PATTERN, 'lowercase Latin letters, digits and hyphens, e.g. "passport"')
      .describe('Short Latin name of the question, the same in every language (e.g. "passport"). Used as its anchor on the page.')
      .meta({
        cms: {
          pattern: [SLUG_PATTERN.source, 'Lowercase Latin letters, digits and hyphens only'],
          tr: {
            label: 'Kimlik (Latin harflerle, her dilde aynı)',
            hint: 'Sorunun kısa Latin adı (ör. passport). Her dilde aynı olmalı; çevirmenler değiştirmez.',
            pattern: 'yalnızca küçük Latin harfleri (a-z), rakamlar ve tire',
          },
        },
      }),
    question: z
      .string()
      .min(5)
      .max(220)
      .describe('The question, answered yes or no, in plain words (e.g. "Do they want to keep your passport or ID card?"). Only warning signs from the facts sheet.')
      .meta({
        cms: {
          tr: {
            label: 'Soru',
            hint: 'Evet ya da hayır diye yanıtlanan, sade sözcüklerle bir soru (ör. "Pasaportunuzu kendilerinde tutmak istiyorlar mı?"). Yalnızca bilgi kaynağındaki uyarı işaretlerinden.',
          },
        },
      }),
    signIf: z
      .enum(signAnswers)
      .describe(
        'Which answer is the warning sign: "yes" for "Do they want to keep your passport?", "no" for "Have they told you clearly how much you will be paid?". The same in every language.',
      )
      .meta({
        cms: {
          widget: 'select',
          tr: {
            label: 'Uyarı işareti olan yanıt',
            hint: 'Hangi yanıt bir uyarı işaretidir? Her dilde aynı olmalı.',
            options: { yes: 'Evet', no: 'Hayır' },
          },
        },
      }),
    sign: z
      .string()
      .min(5)
      .max(200)
      .describe('The warning sign as a short statement, listed in the result when the reader gives that answer (e.g. "They want to keep your passport or ID.").')
      .meta({ cms: { tr: { label: 'Uyarı işareti (sonuçta listelenir)', hint: 'Okur bu yanıtı verirse sonuçta gösterilen kısa cümle.' } } }),
    why: z
      .string()
      .min(5)
      .max(260)
      .describe('One line under the question: why this is a warning sign. No blame: "traffickers do X", never "you should have known".')
      .meta({ cms: { widget: 'text', tr: { label: 'Neden bir uyarı işareti', hint: 'Sorunun altında bir satır. Okuru suçlamadan.' } } }),
    advice: z
      .string()
      .min(5)
      .max(400)
      .describe('What the reader can do if the sign is there, shown under the question. Never promise safety.')
      .meta({ cms: { widget: 'text', tr: { label: 'Öneri (sorunun altında)', hint: 'Uyarı işareti varsa okurun yapabileceği. Asla "güvendesiniz" demeyin.' } } }),
  })
  .describe('One question.');

const textList = (description: string, min: number, tr: EditorText) =>
  z
    .array(z.string().min(3))
    .min(min)
    .describe(description)
    .meta({ cms: { widget: 'list', i18n: true, tr } });

export const offerCheckFields = {
  slug,
  title: z
    .string()
    .min(3)
    .max(120)
    .describe('Page title, in plain words (e.g. "Check an offer").')
    .meta({ cms: { i18n: true, tr: { label: 'Başlık', hint: 'Sade sözcüklerle sayfa başlığı (ör. "Bir teklifi kontrol edin"). 3 ile 120 karakter arası.' } } }),
  summary: z
    .string()
    .min(10)
    .max(300)
    .describe('One or two sentences shown in links to this page (home page, campaigns) and in link previews.')
    .meta({ cms: { widget: 'text', i18n: true, tr: { label: 'Özet', hint: 'Ana sayfadaki ve kampanyalardaki bağlantıda görünen bir iki kısa cümle.' } } }),
  intro: z
    .string()
    .min(10)
    .max(500)
    .describe('Shown above the questions: what to think of (the offer you have) and that the advice is under each question.')
    .meta({ cms: { widget: 'text', i18n: true, tr: { label: 'Giriş metni', hint: 'Soruların üstünde: okur hangi teklifi düşünmeli, öneriler her sorunun altında.' } } }),
  questions: z
    .array(offerQuestion)
    .min(3, 'at least 3 questions')
    .max(15, 'at most 15 questions: readers answer them on a phone')
    .describe('The questions, in the order readers see them. About ten; each from a warning sign on the facts sheet.')
    .meta({
      cms: {
        widget: 'list',
        i18n: true,
        tr: {
          label: 'Sorular',
          hint: 'Okurların gördüğü sırayla, 3 ile 15 arası. Her biri bilgi kaynağındaki bir uyarı işaretinden. Çevirilerde aynı sorular, aynı kimlik ve aynı sırayla.',
        },
      },
    }),
  whatToDo: textList('What the reader can do, one step each. Shown after the questions, with or without answers.', 1, {
    label: 'Ne yapabilirsiniz',
    hint: 'Soruların ardından gösterilen adımlar, her satıra bir adım. En az bir.',
  }),
  noSigns: z
    .string()
    .min(10)
    .max(400)
    .describe('Shown when every question is answered and none shows a warning sign. Never say the offer is safe: signs can appear later.')
    .meta({
      cms: {
        widget: 'text',
        i18n: true,
        tr: { label: 'Hiç işaret yoksa gösterilen metin', hint: 'Tüm sorular yanıtlandığında ve hiç işaret yoksa. Asla "teklif güvenli" demeyin: işaretler sonradan çıkabilir.' },
      },
    }),
  helplines: helplineRefs.min(1, 'show at least one helpline'),
  campaigns: z
    .array(z.string().regex(SLUG_PATTERN))
    .optional()
    .describe('Campaigns whose pages link to this check, under their warning signs.')
    .meta({
      cms: {
        widget: 'relation',
        collection: 'campaigns',
        i18n: 'duplicate',
        tr: {
          label: 'Bu sayfaya bağlantı veren kampanyalar',
          hint: 'Bu kampanyaların sayfalarında, uyarı işaretlerinin altında bu sayfaya bağlantı gösterilir. Tüm dillerde aynıdır.',
        },
      },
    }),
  sources,
  keywords,
  audio,
  ...translationFields,
};

export const offerCheckSchema = withUntranslatedStubs(offerCheckFields);
