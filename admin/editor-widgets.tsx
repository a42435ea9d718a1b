/**
 * Widgets for habits Decap's own widgets do not fit (issue 14):
 * - `slug`: the file name. Turkish letters get a Latin suggestion
 *   ("çocuk-işçiliği" → "cocuk-isciligi"); a copy of an entry gets a free slug
 *   at once ("about" → "about-2"), since Decap would otherwise write
 *   about-1.md holding `slug: about`; a taken slug is said while typing; once
 *   the entry exists the slug is read-only (its files carry that name).
 * - `date-tr`: a date typed and shown as gg.aa.yyyy, stored as YYYY-MM-DD
 *   (the browser's date input shows the browser's locale, e.g. 11/20/2026).
 * - `relation` (wraps Decap's): Decap's relation control reports its loaded
 *   value back as a change when it opens (decap-cms #7276), so every campaign
 *   and rights entry opened as "unsaved"; a report of the value it already
 *   holds is dropped.
 */
import { Component, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { SLUG_PATTERN } from '../src/schemas/common.ts';
import { freeSlug } from '../src/lib/content-rules/entries.ts';
import { latinName } from '../src/lib/upload-rules.ts';
import { store, type Immutable } from './decap-internals.ts';
import { loadContentFiles } from './repository.ts';

interface Props {
  value?: unknown;
  onChange: (value: unknown, metadata?: unknown) => void;
  forID: string;
  classNameWrapper: string;
  field: Immutable;
  setActiveStyle?: () => void;
  setInactiveStyle?: () => void;
  [prop: string]: unknown;
}

const hintStyle = { margin: '6px 0 0', fontSize: 13 } as const;

/**
 * On a suggestion button: pressing it must not take the focus from the slug
 * input first. Decap re-renders the field when its input loses focus, and a
 * real mouse click on "Bunu kullan" then did nothing (a script's click worked).
 */
const keepFocus = (event: { preventDefault(): void }) => event.preventDefault();

function draftEntry(): Immutable | undefined {
  return store.getState().entryDraft.get('entry') as Immutable | undefined;
}

export function SlugControl({ value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle }: Props) {
  const entry = draftEntry();
  const isNew = Boolean(entry?.get('newRecord'));
  const collection = String(entry?.get('collection') ?? '');
  const text = typeof value === 'string' ? value : '';
  const [taken, setTaken] = useState<Set<string> | undefined>();
  const [proposed, setProposed] = useState<string | undefined>();

  useEffect(() => {
    if (!isNew) return;
    let live = true;
    void loadContentFiles().then((files) => {
      if (!live) return;
      const names = new Set(files.filter((f) => f.collection === collection).map((f) => f.name));
      setTaken(names);
      // A copy arrives with its original's slug: propose a free one straight away.
      if (text && names.has(text)) {
        const free = freeSlug(text, names);
        setProposed(free);
        onChange(free);
      }
    });
    return () => {
      live = false;
    };
    // Once per opened entry (not on every change of the value).
  }, [isNew, collection]);

  if (!isNew) {
    return (
      <div>
        <input id={forID} className={classNameWrapper} value={text} readOnly aria-readonly="true" />
        <p style={hintStyle}>Bu adres dosyaların adıdır; girdi oluşturulduktan sonra değiştirilemez. Başka bir adres için girdiyi kopyalayın.</p>
      </div>
    );
  }
  const suggestion = text && !SLUG_PATTERN.test(text) ? latinName(text) : undefined;
  const isTaken = Boolean(text && taken?.has(text));
  const free = isTaken && taken ? freeSlug(text, taken) : undefined;
  return (
    <div>
      <input
        id={forID}
        className={classNameWrapper}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onFocus={setActiveStyle}
        onBlur={setInactiveStyle}
        autoCapitalize="off"
        spellCheck={false}
        lang="en"
        dir="ltr"
      />
      {proposed && proposed === text && <p style={hintStyle}>Kopya için boş bir adres önerildi: „{proposed}”. İsterseniz değiştirin.</p>}
      {suggestion && (
        <p style={hintStyle} data-slug-suggestion={suggestion}>
          Adreste yalnızca küçük Latin harfleri, rakam ve tire olur. Öneri: <code>{suggestion}</code>{' '}
          <button type="button" onMouseDown={keepFocus} onClick={() => onChange(suggestion)}>
            Bunu kullan
          </button>
        </p>
      )}
      {free && (
        <p style={{ ...hintStyle, color: '#b42318' }} data-slug-taken={text}>
          „{text}” adresi bu bölümde kullanılıyor. Öneri: <code>{free}</code>{' '}
          <button type="button" onMouseDown={keepFocus} onClick={() => onChange(free)}>
            Bunu kullan
          </button>
        </p>
      )}
    </div>
  );
}

/** "20.11.2026", "20/11/2026", "2026-11-20" → "2026-11-20"; undefined when it is not a real date. */
export function parseTurkishDate(text: string): string | undefined {
  const trimmed = text.trim();
  let day: number, month: number, year: number;
  let match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  if (match) [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed))) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const showTurkishDate = (iso: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
};

function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : '';
}

export class DateControl extends Component<Props, { text: string }> {
  override state = { text: showTurkishDate(isoOf(this.props.value)) };
  override componentDidUpdate(previous: Props) {
    const iso = isoOf(this.props.value);
    if (iso !== isoOf(previous.value) && parseTurkishDate(this.state.text) !== iso && iso !== this.state.text) this.setState({ text: showTurkishDate(iso) });
  }
  isValid = () => {
    const { text } = this.state;
    if (!text.trim() || parseTurkishDate(text)) return true;
    return { error: { message: `${String(this.props.field.get('label'))}: tarihi gg.aa.yyyy biçiminde yazın (ör. 20.11.2026).` } };
  };
  change = (text: string) => {
    this.setState({ text });
    const iso = parseTurkishDate(text);
    this.props.onChange(iso ?? (text.trim() ? text : ''));
  };
  override render(): ReactNode {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    return (
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <input
          id={forID}
          className={classNameWrapper}
          value={this.state.text}
          placeholder="gg.aa.yyyy"
          inputMode="numeric"
          onChange={(e) => this.change(e.target.value)}
          onFocus={setActiveStyle}
          onBlur={setInactiveStyle}
        />
        <button type="button" onClick={() => this.change(showTurkishDate(new Date().toLocaleDateString('sv-SE')))}>
          Bugün
        </button>
      </div>
    );
  }
}

/** Decap's relation control, without the "change" it reports for the value it loaded with. */
export function withoutLoadChange(RelationControl: ComponentType<Props>) {
  const is = (a: unknown, b: unknown) =>
    a === b ||
    (a && typeof (a as { equals?: (o: unknown) => boolean }).equals === 'function'
      ? (a as { equals: (o: unknown) => boolean }).equals(b)
      : JSON.stringify(a) === JSON.stringify(b));
  return class QuietRelationControl extends Component<Props> {
    inner: { validate?: () => unknown; focus?: () => void } | null = null;
    isValid = () => (this.inner as { isValid?: () => unknown } | null)?.isValid?.() ?? true;
    onChange = (value: unknown, metadata?: unknown) => {
      if (is(value, this.props.value)) return;
      this.props.onChange(value, metadata);
    };
    override render() {
      return <RelationControl {...this.props} onChange={this.onChange} ref={(r: unknown) => (this.inner = r as never)} />;
    }
  };
}
