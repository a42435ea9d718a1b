/**
 * The benchmark's synthetic content: N entries per locale, in all 7 locales,
 * split evenly over the collections, written from template sentences in each
 * language (Arabic, Persian and Pashto included, so the search index and the
 * RTL pages carry real script). Plain, realistic awareness copy; it never
 * leaves the benchmark's temporary folder. Checked against the schemas by
 * ./bench.unit.test.ts.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { collectionFolder, collectionNames, entryFile } from '../../../src/collections.ts';
import { defaultLocale, locales } from '../../../src/i18n/locales.ts';
import { campaignAudiences, tactics } from '../../../src/schemas/campaigns.ts';
import { materialAudiences, materialFormats } from '../../../src/schemas/materials.ts';

/**
 * Template text per locale: titles for each collection, sentences for signs
 * and paragraphs, and steps. Plain, realistic awareness copy; it never leaves
 * the benchmark's temporary folder.
 */
const TEXT = {
  tr: {
    campaigns: 'Uyarı işareti {n}: iş teklifini kontrol edin',
    rights: 'Hak {n}: belgeleriniz size aittir',
    materials: 'Ders materyali {n}: seçimler ve haklar',
    heading: ['Bu nasıl olur?', 'Ne yapabilirsiniz?', 'Kim yardım eder?'],
    sentences: [
      'Yurt dışında yüksek maaşlı bir iş teklif ediliyor.',
      'İşveren pasaportunuzu saklamak istiyor.',
      'Yol ve konaklama masrafları borç olarak yazılıyor.',
      'Sözleşme size okuyabileceğiniz bir dilde verilmiyor.',
      'Ailenizle konuşmanıza izin verilmiyor.',
      'Maaşınız aylardır ödenmiyor.',
      'Bir tanıdık sizi hemen yola çıkmaya zorluyor.',
      'Belgeleriniz size aittir ve kimse onları alamaz.',
    ],
    steps: ['Teklifi güvendiğiniz biriyle konuşun.', 'Belgelerinizin fotokopisini saklayın.', "157'yi arayın.", 'Sözleşmeyi imzalamadan önce okuyun.'],
    source: 'Sentetik test kaynağı',
  },
  ar: {
    campaigns: 'علامة تحذير {n}: تحقّق من عرض العمل',
    rights: 'الحق {n}: وثائقك ملك لك',
    materials: 'مادة تعليمية {n}: الخيارات والحقوق',
    heading: ['كيف يحدث ذلك؟', 'ماذا يمكنك أن تفعل؟', 'من يساعد؟'],
    sentences: [
      'يُعرض عليك عمل في الخارج براتب مرتفع.',
      'يريد صاحب العمل الاحتفاظ بجواز سفرك.',
      'تُسجَّل تكاليف السفر والسكن عليك كدَين.',
      'لا يُعطى لك العقد بلغة تستطيع قراءتها.',
      'لا يُسمح لك بالتحدث مع عائلتك.',
      'لم يُدفع راتبك منذ أشهر.',
      'شخص تعرفه يضغط عليك للسفر فوراً.',
      'وثائقك ملك لك ولا يحق لأحد أخذها.',
    ],
    steps: ['تحدّث عن العرض مع شخص تثق به.', 'احتفظ بنسخة من وثائقك.', 'اتصل بالرقم 157.', 'اقرأ العقد قبل أن توقّعه.'],
    source: 'مصدر اختبار اصطناعي',
  },
  fa: {
    campaigns: 'نشانهٔ هشدار {n}: پیشنهاد کار را بررسی کنید',
    rights: 'حق {n}: مدارک شما متعلق به خودتان است',
    materials: 'مادهٔ آموزشی {n}: انتخاب‌ها و حقوق',
    heading: ['این چگونه اتفاق می‌افتد؟', 'چه کاری می‌توانید بکنید؟', 'چه کسی کمک می‌کند؟'],
    sentences: [
      'به شما کاری در خارج با حقوق بالا پیشنهاد می‌شود.',
      'کارفرما می‌خواهد گذرنامهٔ شما را نگه دارد.',
      'هزینهٔ سفر و اقامت به‌عنوان بدهی برای شما نوشته می‌شود.',
      'قرارداد به زبانی که بتوانید بخوانید به شما داده نمی‌شود.',
      'اجازه ندارید با خانواده‌تان صحبت کنید.',
      'ماه‌هاست که حقوق شما پرداخت نشده است.',
      'یک آشنا شما را برای رفتن فوری تحت فشار می‌گذارد.',
      'مدارک شما متعلق به خودتان است و کسی نمی‌تواند آن‌ها را بگیرد.',
    ],
    steps: ['دربارهٔ پیشنهاد با کسی که به او اعتماد دارید صحبت کنید.', 'یک رونوشت از مدارک خود نگه دارید.', 'با شمارهٔ 157 تماس بگیرید.', 'قرارداد را پیش از امضا بخوانید.'],
    source: 'منبع آزمایشی ساختگی',
  },
  ps: {
    campaigns: 'د خبرتیا نښه {n}: د کار وړاندیز وګورئ',
    rights: 'حق {n}: ستاسو اسناد ستاسو دي',
    materials: 'زده کړیز توکی {n}: انتخابونه او حقونه',
    heading: ['دا څنګه پېښېږي؟', 'تاسو څه کولای شئ؟', 'څوک مرسته کوي؟'],
    sentences: [
      'تاسو ته په بهر کې د لوړې تنخوا کار وړاندې کېږي.',
      'کارګمارونکی غواړي ستاسو پاسپورټ له ځان سره وساتي.',
      'د سفر او استوګنې لګښت ستاسو پر غاړه د پور په توګه لیکل کېږي.',
      'تړون تاسو ته په داسې ژبه نه درکول کېږي چې ولوستلای یې شئ.',
      'تاسو ته اجازه نشته چې له کورنۍ سره خبرې وکړئ.',
      'څو میاشتې کېږي چې ستاسو تنخوا نه ده ورکړل شوې.',
      'یو پېژندونکی پر تاسو فشار راوړي چې سمدستي سفر وکړئ.',
      'ستاسو اسناد ستاسو دي او هېڅوک یې نشي اخیستلای.',
    ],
    steps: ['د وړاندیز په اړه له هغه چا سره خبرې وکړئ چې باور پرې لرئ.', 'د خپلو اسنادو یوه کاپي وساتئ.', '157 ته زنګ ووهئ.', 'تړون له لاسلیک مخکې ولولئ.'],
    source: 'مصنوعي ازمېښتي سرچینه',
  },
  ku: {
    campaigns: 'Nîşana hişyariyê {n}: pêşniyara kar kontrol bike',
    rights: 'Maf {n}: belgeyên te yên te ne',
    materials: 'Materyala dersê {n}: bijartin û maf',
    heading: ['Ev çawa diqewime?', 'Tu dikarî çi bikî?', 'Kî alîkariyê dike?'],
    sentences: [
      'Ji te re li derveyî welat karekî bi meaşekî bilind tê pêşniyarkirin.',
      'Kardêr dixwaze pasaporta te li cem xwe bihêle.',
      'Lêçûnên rêwîtiyê û mayînê wekî deyn li ser te têne nivîsandin.',
      'Peyman bi zimanekî ku tu dikarî bixwînî nayê dayîn.',
      'Destûr nayê dayîn ku tu bi malbata xwe re biaxivî.',
      'Çend meh in meaşê te nayê dayîn.',
      'Nasek zextê li te dike ku tu yekser biçî.',
      'Belgeyên te yên te ne û kes nikare wan ji te bistîne.',
    ],
    steps: ['Li ser pêşniyarê bi kesekî ku tu pê bawer dikî re biaxive.', 'Kopiyek ji belgeyên xwe biparêze.', 'Li 157ê bigere.', 'Berî ku tu îmze bikî, peymanê bixwîne.'],
    source: 'Çavkaniya ceribandinê ya sentetîk',
  },
  ru: {
    campaigns: 'Тревожный признак {n}: проверьте предложение о работе',
    rights: 'Право {n}: ваши документы принадлежат вам',
    materials: 'Учебный материал {n}: выбор и права',
    heading: ['Как это происходит?', 'Что вы можете сделать?', 'Кто поможет?'],
    sentences: [
      'Вам предлагают работу за границей с высокой зарплатой.',
      'Работодатель хочет оставить у себя ваш паспорт.',
      'Расходы на дорогу и жильё записывают на вас как долг.',
      'Договор не дают на языке, который вы можете прочитать.',
      'Вам не разрешают говорить с семьёй.',
      'Вам уже несколько месяцев не платят зарплату.',
      'Знакомый торопит вас уехать немедленно.',
      'Ваши документы принадлежат вам, и никто не вправе их забирать.',
    ],
    steps: [
      'Обсудите предложение с человеком, которому доверяете.',
      'Храните копию своих документов.',
      'Позвоните по номеру 157.',
      'Прочитайте договор до того, как подписать его.',
    ],
    source: 'Синтетический тестовый источник',
  },
  en: {
    campaigns: 'Warning sign {n}: check the job offer',
    rights: 'Right {n}: your documents belong to you',
    materials: 'Teaching material {n}: choices and rights',
    heading: ['How does this happen?', 'What can you do?', 'Who helps?'],
    sentences: [
      'Someone offers you a job abroad with high pay.',
      'The employer wants to keep your passport.',
      'Travel and housing costs are written down as your debt.',
      'The contract is not given to you in a language you can read.',
      'You are not allowed to talk to your family.',
      'Your wages have not been paid for months.',
      'Someone you know pushes you to leave at once.',
      'Your documents belong to you and nobody may take them.',
    ],
    steps: ['Talk about the offer with someone you trust.', 'Keep a copy of your documents.', 'Call 157.', 'Read the contract before you sign it.'],
    source: 'Synthetic test source',
  },
};
const pick = (list, i, count) => Array.from({ length: count }, (_, k) => list[(i * 3 + k * 5) % list.length]);
const yaml = (value) => JSON.stringify(value); // JSON strings are valid YAML scalars, whatever the script

function body(t, i) {
  const parts = [];
  for (let s = 0; s < 3; s++) {
    parts.push(`## ${t.heading[s]}`, '', pick(t.sentences, i + s * 7, 5).join(' '), '', pick(t.sentences, i + s * 11 + 1, 4).join(' '), '');
    if (s === 1) parts.push(...pick(t.steps, i + s, 3).map((step) => `- ${step}`), '');
  }
  return parts.join('\n');
}

/**
 * The front-matter lines that differ by collection: one generator per
 * collection the benchmark can fill. Values a schema enumerates (tactics,
 * audiences, formats) come from the schema.
 * @type {Record<string, (t: typeof TEXT.tr, i: number, summary: string) => string[]>}
 */
const generators = {
  campaigns: (t, i, summary) => [
    `summary: ${yaml(summary)}`,
    `tactic: ${tactics[i % tactics.length]}`,
    `audiences: ${yaml(campaignAudiences.slice(0, 2))}`,
    `warningSigns:`,
    ...pick(t.sentences, i, 5).map((s) => `  - ${yaml(s)}`),
    `whatToDo:`,
    ...pick(t.steps, i, 3).map((s) => `  - ${yaml(s)}`),
    `helplines: ["157", "112"]`,
    `published: 2026-0${1 + (i % 9)}-1${i % 10}`,
  ],
  rights: (t, i, summary) => [
    `summary: ${yaml(summary)}`,
    `legalBasis:`,
    `  - law: ${yaml('Law No. 6458')}`,
    `    article: ${yaml(`Art. ${48 + (i % 20)}`)}`,
    `lastReviewed: 2026-10-0${1 + (i % 9)}`,
    `helplines: ["157"]`,
  ],
  materials: (t, i, summary) => [
    `description: ${yaml(summary)}`,
    `audiences: ${yaml([materialAudiences[0], materialAudiences[2]])}`,
    `ageGroup: ${yaml('12–15')}`,
    `format: ${materialFormats[i % materialFormats.length]}`,
    `published: 2026-0${1 + (i % 9)}-2${i % 9}`,
  ],
};

/** The collections the benchmark can fill, in the registry's order. */
export const benchCollections = collectionNames.filter((name) => name in generators);

function entry(collection, locale, i, slug) {
  const t = TEXT[locale];
  const title = t[collection].replace('{n}', String(i + 1));
  const summary = pick(t.sentences, i, 2).join(' ');
  const status = locale === defaultLocale ? 'source' : i % 2 ? 'machine' : 'reviewed';
  const fields = [`slug: ${slug}`, `title: ${yaml(title)}`, ...generators[collection](t, i, summary), `sources:`, `  - title: ${yaml(t.source)}`, `translationStatus: ${status}`];
  return `---\n${fields.join('\n')}\n---\n\n${body(t, i)}`;
}

/**
 * Writes synthetic entries into `dir/content/<collection>/<locale>/` so that
 * each locale has `n` entries in all, split evenly over `collections` (the
 * real entries count). Returns how many files were written.
 */
export function generateContent(dir, n, collections = benchCollections) {
  let written = 0;
  collections.forEach((collection, c) => {
    if (!(collection in generators)) throw new Error(`The benchmark cannot generate "${collection}" entries; it can: ${benchCollections.join(', ')}.`);
    const wanted = Math.floor(n / collections.length) + (c < n % collections.length ? 1 : 0);
    const folder = join(dir, collectionFolder(collection));
    const real = existsSync(join(folder, defaultLocale)) ? readdirSync(join(folder, defaultLocale)).filter((f) => f.endsWith('.md')).length : 0;
    for (let i = 0; i < wanted - real; i++) {
      const slug = `bench-${collection}-${String(i + 1).padStart(4, '0')}`;
      for (const { code: locale } of locales) {
        const file = join(dir, entryFile(collection, locale, slug));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, entry(collection, locale, i, slug));
        written++;
      }
    }
  });
  return written;
}
