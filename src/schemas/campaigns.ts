import { z } from 'astro/zod';
import { date, type EditorText, helplineRefs, slug, sources, translationFields, withUntranslatedStubs, keywords, audio } from './common.ts';

/** The trafficking tactics the site has a campaign for; also a search filter. */
export const tactics = [
  'fake-job-offers',
  'debt-bondage',
  'confiscated-documents',
  'online-recruitment',
  'false-romance',
  'smuggling-to-trafficking',
  'forced-begging-child-labour',
  'child-forced-marriage',
] as const;

export const campaignAudiences = ['migrants', 'workers', 'women', 'young-people', 'parents', 'teachers', 'bystanders'] as const;

const textList = (description: string, min: number, tr: EditorText) =>
  z
    .array(z.string().min(3))
    .min(min)
    .describe(description)
    .meta({ cms: { widget: 'list', i18n: true, tr } });

export const campaignFields = {
  slug,
  title: z
    .string()
    .min(3)
    .max(120)
    .describe('Headline, in plain words (e.g. "A job offer that is too good to be true").')
    .meta({
      cms: {
        i18n: true,
        tr: {
          label: 'Başlık',
          hint: 'Sade sözcüklerle başlık (ör. "Gerçek olamayacak kadar iyi bir iş teklifi"). 3 ile 120 karakter arası.',
          pattern: '3 ile 120 karakter arası olmalı',
        },
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
  tactic: z
    .enum(tactics)
    .describe('The trafficking tactic this campaign is about.')
    .meta({
      cms: {
        widget: 'select',
        i18n: 'duplicate',
        tr: {
          label: 'Taktik',
          hint: 'Bu kampanyanın anlattığı insan ticareti yöntemi. Tüm dillerde aynıdır.',
          options: {
            'fake-job-offers': 'Sahte iş teklifleri',
            'debt-bondage': 'Borç esareti',
            'confiscated-documents': 'Elinden alınan pasaport ve kimlikler',
            'online-recruitment': 'İnternetten ayartma',
            'false-romance': 'Sahte aşk',
            'smuggling-to-trafficking': 'İnsan ticaretine dönüşen göçmen kaçakçılığı',
            'forced-begging-child-labour': 'Zorla dilendirme ve çocuk işçiliği',
            'child-forced-marriage': 'Çocuk yaşta, erken ve zorla evlilik',
          },
        },
      },
    }),
  audiences: z
    .array(z.enum(campaignAudiences))
    .min(1)
    .describe('Who this campaign speaks to.')
    .meta({
      cms: {
        widget: 'select',
        i18n: 'duplicate',
        tr: {
          label: 'Hedef kitle',
          hint: 'Bu kampanya kime sesleniyor? En az bir seçim. Tüm dillerde aynıdır.',
          options: {
            migrants: 'Göçmenler',
            workers: 'İşçiler',
            women: 'Kadınlar',
            'young-people': 'Gençler',
            parents: 'Anne babalar',
            teachers: 'Öğretmenler',
            bystanders: 'Tanıklar, çevredekiler',
          },
        },
      },
    }),
  warningSigns: textList('Warning signs, one short sentence each (5 to 8). Shown first on the page.', 3, {
    label: 'Uyarı işaretleri',
    hint: 'Her biri kısa bir cümle (5 ile 8 arası, en az 3). Sayfada ilk gösterilir.',
  }),
  whatToDo: textList('What the reader can do, one step each.', 1, { label: 'Ne yapabilirsiniz', hint: 'Okurun atabileceği adımlar, her satıra bir adım. En az bir.' }),
  whatNotToDo: textList('What not to do, one short sentence each. Optional.', 0, {
    label: 'Ne yapmamalısınız',
    hint: 'Yapılmaması gerekenler, her biri kısa bir cümle. İsteğe bağlı.',
  }).optional(),
  helplines: helplineRefs.min(1, 'show at least one helpline'),
  image: z
    .object({
      src: z
        .string()
        .regex(/^\/uploads\/[\w.\-/]+\.(?:jpe?g|png|webp|avif)$/i, 'an image uploaded to /uploads/ (jpg, png, webp or avif)')
        .describe('Illustration. People-centred and calm: no chains, bars or injuries.')
        // Decap tests an image widget's pattern against the file name only.
        .meta({
          cms: {
            widget: 'image',
            pattern: ['^[\\w.\\-]+\\.(?:jpe?g|png|webp|avif)$', 'A JPG, PNG, WebP or AVIF image'],
            tr: {
              label: 'Dosya',
              hint: 'İnsanı merkeze alan, sakin bir görsel: zincir, parmaklık ya da yara yok. JPG, PNG, WebP veya AVIF.',
              pattern: 'JPG, PNG, WebP veya AVIF bir görsel olmalı',
            },
          },
        }),
      alt: z
        .string()
        .min(5, 'describe what the image shows (alt text is required)')
        .describe('What the image shows, for people who cannot see it. Required.')
        .meta({
          cms: { tr: { label: 'Görselin açıklaması (alt metin)', hint: 'Göremeyen okurlar için görselde ne olduğu. Görsel varsa zorunlu.', pattern: 'en az 5 karakter olmalı' } },
        }),
    })
    .optional()
    .describe('Optional illustration.')
    .meta({
      cms: {
        widget: 'object',
        i18n: true,
        tr: { label: 'Görsel', hint: 'İsteğe bağlı. Her dil kendi görselini ve açıklamasını seçer: Türkçe bölmede seçilen görsel yalnızca Türkçe sayfada görünür.' },
      },
    }),
  published: date('Date first published.', { label: 'Yayın tarihi', hint: 'İlk yayımlandığı gün (gg.aa.yyyy). Tüm dillerde aynıdır.' }),
  updated: date('Date of the last real change to the advice.', {
    label: 'Güncelleme tarihi',
    hint: 'Tavsiyelerde son gerçek değişikliğin günü (gg.aa.yyyy). İsteğe bağlı.',
  }).optional(),
  sources,
  keywords,
  audio,
  ...translationFields,
};

export const campaignSchema = withUntranslatedStubs(campaignFields);
