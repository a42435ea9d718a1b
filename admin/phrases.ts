/**
 * Decap's Turkish, where it reads badly to staff (issue 14, review problem
 * 17): "Girdi devam ettirilemedi", "eşleşmeyen kalıp", "10485 kilobaytdan".
 * Only these phrases are replaced; the rest is Decap's own Turkish.
 */
interface LocaleRegistry {
  getLocale(locale: string): unknown;
  registerLocale(locale: string, phrases: unknown): void;
}

type Phrases = { [key: string]: string | Phrases };

export const turkishOverrides: Phrases = {
  editor: {
    editorControlPane: { widget: { regexPattern: '%{fieldLabel}: %{pattern}.' } },
    editorToolbar: { toggleI18n: 'Çeviri bölmesini aç/kapat' },
    editor: { onDeletePublishedEntry: 'Bu girdiyi tüm dillerde silmek istediğinize emin misiniz? Başka girdiler kullanıyorsa silinmez ve hangileri olduğu gösterilir.' },
  },
  mediaLibrary: { mediaLibrary: { fileTooLarge: 'Dosya çok büyük: bu alana en çok %{size} kB (yaklaşık 10 MB) yüklenebilir.' } },
  ui: { toast: { onFailToPersist: '%{details}', onFailToDelete: '%{details}' } },
};

function merge(base: Phrases, over: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = typeof value === 'string' ? value : merge((base[key] as Phrases | undefined) ?? {}, value);
  }
  return out;
}

export function registerTurkishPhrases(CMS: LocaleRegistry) {
  const base = CMS.getLocale('tr') as Phrases | undefined;
  if (base) CMS.registerLocale('tr', merge(base, turkishOverrides));
}
