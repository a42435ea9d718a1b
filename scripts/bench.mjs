/**
 * `npm run bench`: how the build scales with content.
 *
 * For each size N, a copy of the project (scripts/project-copy.mjs) gets N
 * entries per locale, in all 7 locales, split evenly over the collections
 * (campaigns, rights, materials by default; `--collections campaigns` puts all
 * N in one): the real entries plus synthetic ones written from template
 * sentences in each language (Arabic, Persian and Pashto included, so the
 * search index and the RTL pages carry real script). Then the normal build
 * runs there (scripts/build.mjs: astro build, search index and the build's
 * own checks) and we report:
 *   wall time, peak memory (RSS of the whole process tree, polled from /proc),
 *   pages and pages per second, dist/ size, search index size per language,
 *   median and maximum page weight (scripts/page-weight.mjs).
 * With several sizes it checks that the build time grows no worse than linearly.
 *
 *   npm run bench                                  # N = 300
 *   npm run bench -- --sizes 50,100,200,300        # the scaling series
 *   npm run bench -- --sizes 5 --json reports/bench.json
 *   npm run bench -- --sizes 900                  # 300 in each collection: the stress case
 *   npm run bench -- --collections campaigns      # only one collection grows
 *
 * Targets (2-core machine): 7 locales × 300 entries (2,100 entry pages, plus
 * the index and UI pages) build and index in at most 60 s, under 3 GB;
 * time(Nmax)/time(Nmin) ≤ (Nmax/Nmin) × 1.2.
 * The exit code is 1 if a target is missed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { copyProject, removeCopy } from './project-copy.mjs';
import { kb, measureSite } from './page-weight.mjs';
import { indexLanguage } from './search-index.mjs';
import { defaultLocale, locales } from '../src/i18n/locales.ts';

export const TARGET = { seconds: 60, peakBytes: 3 * 1024 ** 3, entries: 300, linearityTolerance: 1.2 };

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
    steps: ['Обсудите предложение с человеком, которому доверяете.', 'Храните копию своих документов.', 'Позвоните по номеру 157.', 'Прочитайте договор до того, как подписать его.'],
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
const TACTICS = ['fake-job-offers', 'debt-bondage', 'confiscated-documents', 'online-recruitment', 'false-romance', 'smuggling-to-trafficking', 'forced-begging-child-labour', 'child-forced-marriage'];
const MATERIAL_FORMATS = ['lesson-plan', 'poster', 'brochure', 'guide'];

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

function entry(collection, locale, i, slug) {
  const t = TEXT[locale];
  const n = String(i + 1);
  const title = t[collection].replace('{n}', n);
  const summary = pick(t.sentences, i, 2).join(' ');
  const status = locale === 'tr' ? 'source' : i % 2 ? 'machine' : 'reviewed';
  const common = [`slug: ${slug}`, `title: ${yaml(title)}`];
  const tail = [`sources:`, `  - title: ${yaml(t.source)}`, `translationStatus: ${status}`];
  let fields;
  if (collection === 'campaigns') {
    fields = [
      ...common,
      `summary: ${yaml(summary)}`,
      `tactic: ${TACTICS[i % TACTICS.length]}`,
      `audiences: [migrants, workers]`,
      `warningSigns:`,
      ...pick(t.sentences, i, 5).map((s) => `  - ${yaml(s)}`),
      `whatToDo:`,
      ...pick(t.steps, i, 3).map((s) => `  - ${yaml(s)}`),
      `helplines: ["157", "112"]`,
      `published: 2026-0${1 + (i % 9)}-1${i % 10}`,
      ...tail,
    ];
  } else if (collection === 'rights') {
    fields = [
      ...common,
      `summary: ${yaml(summary)}`,
      `legalBasis:`,
      `  - law: ${yaml('Law No. 6458')}`,
      `    article: ${yaml(`Art. ${48 + (i % 20)}`)}`,
      `lastReviewed: 2026-10-0${1 + (i % 9)}`,
      `helplines: ["157"]`,
      ...tail,
    ];
  } else {
    fields = [
      ...common,
      `description: ${yaml(summary)}`,
      `audiences: [teachers, students]`,
      `ageGroup: ${yaml('12–15')}`,
      `format: ${MATERIAL_FORMATS[i % MATERIAL_FORMATS.length]}`,
      `published: 2026-0${1 + (i % 9)}-2${i % 9}`,
      ...tail,
    ];
  }
  return `---\n${fields.join('\n')}\n---\n\n${body(t, i)}`;
}

/**
 * Writes synthetic entries into `dir/content/<collection>/<locale>/` so that
 * each locale has `n` entries in all, split evenly over `collections` (the
 * real entries count). Returns how many files were written.
 */
export function generateContent(dir, n, collections = ['campaigns', 'rights', 'materials']) {
  let written = 0;
  collections.forEach((collection, c) => {
    const wanted = Math.floor(n / collections.length) + (c < n % collections.length ? 1 : 0);
    const folder = join(dir, 'content', collection);
    const real = existsSync(join(folder, defaultLocale)) ? readdirSync(join(folder, defaultLocale)).filter((f) => f.endsWith('.md')).length : 0;
    for (let i = 0; i < wanted - real; i++) {
      const slug = `bench-${collection}-${String(i + 1).padStart(4, '0')}`;
      for (const { code: locale } of locales) {
        const file = join(folder, locale, `${slug}.md`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, entry(collection, locale, i, slug));
        written++;
      }
    }
  });
  return written;
}

/** Sum of the resident memory of `pid` and all its descendants, from /proc (Linux). */
function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096); // field 24 of stat: rss in pages
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/**
 * CPU seconds (user + system) used by this process's finished children and
 * their descendants, from /proc/self/stat (cutime, cstime; in clock ticks of 1/100 s).
 * Unlike wall time it hardly changes when other work shares the machine.
 */
function childrenCpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // fields 16 and 17 of stat
}

/** Runs the project's build in `dir`; resolves with wall time, CPU time, peak tree RSS and the build's own step timings. */
function timedBuild(dir, distDir) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(process.execPath, [join(dir, 'scripts', 'build.mjs'), '--local'], {
      cwd: dir,
      env: { ...process.env, DIST_DIR: distDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`build failed (exit ${code}):\n${output.slice(-4000)}`));
      const steps = Object.fromEntries([...output.matchAll(/✓ ([^\n]+?) in ([\d.]+) s/g)].map((m) => [m[1].replace(/\s*\(.*\)$/, ''), Number(m[2])]));
      resolvePromise({ seconds, cpuSeconds: childrenCpuSeconds() - cpuBefore, peakBytes: peak, steps });
    });
  });
}

function folderSize(dir) {
  let total = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, name.name);
    total += name.isDirectory() ? folderSize(full) : statSync(full).size;
  }
  return total;
}

/** Bytes of each locale's search index: its meta file, index chunks, fragments and filters. */
function searchIndexSizes(distDir) {
  const root = join(distDir, 'pagefind');
  const sizes = {};
  for (const { code: locale, tag } of locales) {
    const lang = indexLanguage(tag);
    let bytes = 0;
    let files = 0;
    for (const [sub, prefix] of [['', `pagefind.${lang}_`], ['index', `${lang}_`], ['fragment', `${lang}_`], ['filter', `${lang}_`]]) {
      const folder = join(root, sub);
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) {
        if (name.startsWith(prefix)) {
          bytes += statSync(join(folder, name)).size;
          files++;
        }
      }
    }
    sizes[locale] = { bytes, files };
  }
  return sizes;
}

const mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** One benchmark run at size n: copy, generate, build, measure, clean up. */
export async function benchOnce(n, { collections, keep = false, log = console.log } = {}) {
  const dir = copyProject(`bench-${n}-`);
  try {
    const files = generateContent(dir, n, collections);
    const distDir = join(dir, 'dist');
    // Timings mean little on a busy machine: the load average is reported with them.
    const loadBefore = loadavg()[0];
    log(`▶ N=${n}: ${files} synthetic files written in ${dir}; building (load average ${loadBefore.toFixed(1)})…`);
    const build = await timedBuild(dir, distDir);
    const weight = measureSite(distDir);
    const result = {
      n,
      pages: weight.pages.length,
      seconds: build.seconds,
      cpuSeconds: build.cpuSeconds,
      loadAverage: [loadBefore, loadavg()[0]],
      pagesPerSecond: weight.pages.length / build.seconds,
      peakBytes: build.peakBytes,
      steps: build.steps,
      distBytes: folderSize(distDir),
      searchIndex: searchIndexSizes(distDir),
      weight: { median: weight.median, max: weight.max, heaviest: weight.pages.slice(0, 3).map((p) => ({ page: p.page, total: p.total })), overBudget: weight.overBudget.length },
    };
    log(
      `  ${result.pages} pages in ${result.seconds.toFixed(1)} s (${result.pagesPerSecond.toFixed(0)} pages/s; CPU ${result.cpuSeconds.toFixed(1)} s), peak ${mb(result.peakBytes)}, dist ${mb(result.distBytes)}; ` +
        `steps: ${Object.entries(result.steps).map(([k, v]) => `${k} ${v} s`).join(', ')}`,
    );
    log(`  search index per language: ${Object.entries(result.searchIndex).map(([l, s]) => `${l} ${kb(s.bytes)}`).join(', ')}`);
    log(`  page weight: median ${kb(result.weight.median)}, max ${kb(result.weight.max)} (${result.weight.heaviest[0]?.page}); ${result.weight.overBudget} page(s) over budget`);
    return result;
  } finally {
    if (keep) log(`  kept ${dir}`);
    else removeCopy(dir);
  }
}

/**
 * Linear growth check: with fixed start-up costs, a linear build gives
 * time(b)/time(a) ≤ b/a. Also a least-squares fit: seconds = fixed + perPage × pages.
 * `metric` is "seconds" (wall) or "cpuSeconds" (CPU time of the build's processes,
 * which a busy machine disturbs far less; the verdict uses it).
 */
export function linearity(results, { tolerance = TARGET.linearityTolerance, metric = 'cpuSeconds' } = {}) {
  if (results.length < 2) return undefined;
  const sorted = [...results].sort((a, b) => a.n - b.n);
  const first = sorted[0];
  const last = sorted.at(-1);
  const ratio = last[metric] / first[metric];
  const allowed = (last.n / first.n) * tolerance;
  const xs = sorted.map((r) => r.pages);
  const ys = sorted.map((r) => r[metric]);
  const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  const mx = mean(xs);
  const my = mean(ys);
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const intercept = my - slope * mx;
  const ssRes = ys.reduce((s, y, i) => s + (y - (intercept + slope * xs[i])) ** 2, 0);
  const ssTot = ys.reduce((s, y) => s + (y - my) ** 2, 0);
  // Marginal cost per page between neighbouring sizes: rising steeply would mean worse than linear.
  const marginal = sorted.slice(1).map((r, i) => ((r[metric] - sorted[i][metric]) / (r.pages - sorted[i].pages)) * 1000);
  return { metric, ratio, allowed, ok: ratio <= allowed, msPerPage: slope * 1000, fixedSeconds: intercept, r2: ssTot ? 1 - ssRes / ssTot : 1, marginalMsPerPage: marginal };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: String(TARGET.entries) },
      collections: { type: 'string', default: 'campaigns,rights,materials' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const collections = values.collections.split(',');
  console.log(`Benchmark: N = ${sizes.join(', ')} entries per locale (split over ${collections.join(', ')}) × ${locales.length} locales`);
  const results = [];
  for (const n of sizes) results.push(await benchOnce(n, { collections, keep: values.keep }));

  console.log('\n   N   pages   time (s)  CPU (s)  pages/s  peak RSS   dist      page weight median/max  load avg');
  for (const r of results) {
    console.log(`${String(r.n).padStart(4)}  ${String(r.pages).padStart(6)}  ${r.seconds.toFixed(1).padStart(8)}  ${r.cpuSeconds.toFixed(1).padStart(7)}  ${r.pagesPerSecond.toFixed(0).padStart(7)}  ${mb(r.peakBytes).padStart(8)}  ${mb(r.distBytes).padStart(8)}  ${`${kb(r.weight.median)} / ${kb(r.weight.max)}`.padEnd(22)}  ${r.loadAverage.map((l) => l.toFixed(1)).join('→')}`);
  }
  const failures = [];
  const lin = linearity(results);
  const linWall = linearity(results, { metric: 'seconds' });
  if (lin) {
    for (const l of [lin, linWall]) {
      console.log(
        `Scaling (${l.metric === 'seconds' ? 'wall' : 'CPU'} time): ratio ${l.ratio.toFixed(2)} for ${(sizes.at(-1) / sizes[0]).toFixed(1)}× the entries (allowed ≤ ${l.allowed.toFixed(2)}); ` +
          `fit ${l.fixedSeconds.toFixed(1)} s + ${l.msPerPage.toFixed(1)} ms/page (R² ${l.r2.toFixed(3)}); marginal ms/page ${l.marginalMsPerPage.map((m) => m.toFixed(1)).join(' → ')}`,
      );
    }
    if (!lin.ok) failures.push(`build CPU time grows worse than linearly (ratio ${lin.ratio.toFixed(2)} > ${lin.allowed.toFixed(2)})`);
  }
  for (const r of results) {
    // The time target is set for N = 300; memory must stay under the bar at any size we try.
    if (r.n <= TARGET.entries && r.seconds > TARGET.seconds) failures.push(`N=${r.n}: ${r.seconds.toFixed(1)} s > ${TARGET.seconds} s`);
    if (r.peakBytes > TARGET.peakBytes) failures.push(`N=${r.n}: peak ${mb(r.peakBytes)} > ${mb(TARGET.peakBytes)}`);
  }
  if (values.json) {
    mkdirSync(dirname(values.json), { recursive: true });
    writeFileSync(values.json, JSON.stringify({ sizes, collections, results, linearity: { cpu: lin, wall: linWall }, failures }, null, 2));
  }
  if (failures.length) {
    console.error(`✗ ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('✓ within targets');
}
