/**
 * Field labels in the editor's language (EDITOR_LOCALE in ./config.ts is Turkish).
 * Communications staff read these on every form; the hints under them are the
 * schemas' descriptions. A field missing here still gets a label: its name
 * read aloud in English (labelFor in ./fields.ts), so a new schema field never
 * appears blank. If EDITOR_LOCALE changes, translate this map with it.
 */
export const fieldLabels: Readonly<Record<string, string>> = {
  slug: 'Adres (slug, Latin harflerle)',
  title: 'Başlık',
  summary: 'Özet',
  tactic: 'Taktik',
  audiences: 'Hedef kitle',
  warningSigns: 'Uyarı işaretleri',
  whatToDo: 'Ne yapabilirsiniz',
  whatNotToDo: 'Ne yapmamalısınız',
  helplines: 'Yardım hatları',
  image: 'Görsel',
  src: 'Dosya',
  alt: 'Görselin açıklaması (alt metin)',
  published: 'Yayın tarihi',
  updated: 'Güncelleme tarihi',
  sources: 'Kaynaklar',
  url: 'Bağlantı',
  legalBasis: 'Yasal dayanak',
  law: 'Kanun veya yönetmelik',
  article: 'Madde',
  lastReviewed: 'Son kontrol tarihi',
  description: 'Açıklama',
  ageGroup: 'Yaş grubu',
  format: 'Biçim',
  file: 'İndirilebilir PDF',
  path: 'PDF dosyası',
  sizeBytes: 'Dosya boyutu (bayt)',
  language: 'Dil',
  number: 'Telefon numarası',
  purpose: 'Ne için aranır',
  hours: 'Çalışma saatleri',
  cost: 'Arama ücreti',
  languages: 'Yanıt verdiği diller',
  languagesNote: 'Diller hakkında not',
  order: 'Sıra',
  siteName: 'Site adı',
  tagline: 'Alt başlık',
  quickExitUrl: 'Hızlı çıkış adresi',
  translationStatus: 'Çeviri durumu',
  sourceHash: 'Kaynak metnin parmak izi',
  body: 'Metin',
};
