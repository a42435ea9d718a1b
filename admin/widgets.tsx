/**
 * Widgets the schemas need that Decap does not ship.
 *
 * - `object` (replaces Decap's): an optional object left empty is not
 *   validated. Decap validates an object's required sub-fields even when
 *   the object itself is optional and untouched, so a campaign without an
 *   image could not be saved ("alt: required"). Once any sub-field is
 *   filled, every sub-field is checked: an image without alt text is refused.
 * - `file-with-size`: the material's PDF. An object widget that, when the
 *   chosen file changes, measures the file and writes `sizeBytes`; the site
 *   prints that size next to the download link and the build compares it
 *   with the file in public/ (src/lib/validate-content.ts).
 * - `file-size`: shows the measured size; editors cannot type it.
 */
import { Component, createRef, type ReactNode } from 'react';
import { formatBytes } from '../src/lib/format.ts';
import { DateControl, SlugControl, showTurkishDate, withoutLoadChange } from './editor-widgets.tsx';
import { TranslationStatusControl } from './translation-widget.tsx';

/* Decap passes Immutable.js values and field configs; only what we use is typed here. */
interface ImmutableMap {
  get(key: string, fallback?: unknown): unknown;
  set(key: string, value: unknown): ImmutableMap;
  valueSeq?(): { toArray(): unknown[] };
  toArray?(): unknown[];
  size?: number;
  find?(fn: (field: ImmutableMap) => boolean): ImmutableMap | undefined;
}
interface WidgetProps {
  field: ImmutableMap;
  value?: ImmutableMap | string | number | null;
  onChange: (value: unknown, metadata?: unknown) => void;
  getAsset: (path: string, field?: ImmutableMap) => { path: string; url: string; fileObj?: File } | undefined;
  forID: string;
  classNameWrapper: string;
  [prop: string]: unknown;
}
interface ValidatingControl {
  validate?: () => void;
  focus?: (path?: string) => void;
}
type ControlClass = new (props: WidgetProps) => Component<WidgetProps>;

export interface DecapRegistry {
  getWidget(name: string): { control: ControlClass; preview: unknown; schema?: unknown } | undefined;
  registerWidget(widget: { name: string; controlComponent: unknown; previewComponent?: unknown; schema?: unknown }): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
}

/** True when nothing in the value was filled in: no text, no list item, no sub-value. */
function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value === 'object') {
    const v = value as ImmutableMap;
    const items = v.valueSeq ? v.valueSeq().toArray() : v.toArray ? v.toArray() : Object.values(value);
    return items.every(isBlank);
  }
  return false;
}

export function registerWidgets(CMS: DecapRegistry) {
  const object = CMS.getWidget('object');
  if (!object) throw new Error('Decap has no "object" widget to extend.');
  const ObjectControl = object.control;
  const objectSchema = withI18nModes(object.schema);

  class OptionalObjectControl extends Component<WidgetProps> {
    inner = createRef<Component<WidgetProps> & ValidatingControl>();
    validate = () => {
      const { field, value } = this.props;
      if (field.get('required', true) === false && isBlank(value)) return;
      this.inner.current?.validate?.();
    };
    focus = (path?: string) => this.inner.current?.focus?.(path);
    render(): ReactNode {
      return <ObjectControl {...this.props} ref={this.inner} />;
    }
  }

  class FileWithSizeControl extends OptionalObjectControl {
    measuring = '';
    override componentDidUpdate(previous: WidgetProps) {
      const path = pathOf(this.props.value);
      if (path && path !== pathOf(previous.value)) void this.measure(path);
    }
    async measure(path: string) {
      this.measuring = path;
      const pathField = (this.props.field.get('fields') as ImmutableMap).find?.((f) => f.get('name') === 'path');
      // By file name, not by public path: Decap treats "/uploads/x.pdf" as a URL on
      // the site (where a new upload is not yet), but a bare name as a file in
      // media_folder, which it reads from the backend (the upload itself, or the repository).
      const name = path.split('/').pop()!;
      // Decap loads the asset in the background; getAsset answers with a placeholder until then.
      let asset = this.props.getAsset(name, pathField);
      for (let i = 0; i < 50 && (!asset || asset.path === 'empty.svg' || !asset.url); i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        asset = this.props.getAsset(name, pathField);
      }
      if (!asset?.url || this.measuring !== path) return;
      let size = asset.fileObj?.size;
      if (size === undefined) {
        const response = await fetch(asset.url);
        if (!response.ok) return;
        size = (await response.blob()).size;
      }
      const current = this.props.value as ImmutableMap | undefined;
      if (current && pathOf(current) === path && current.get('sizeBytes') !== size) this.props.onChange(current.set('sizeBytes', size));
    }
  }

  function FileSizeControl({ value, forID, classNameWrapper }: WidgetProps) {
    const bytes = typeof value === 'number' ? value : undefined;
    return (
      <output id={forID} className={classNameWrapper} data-file-size={bytes}>
        {bytes ? `${formatBytes(bytes, 'tr')} (${bytes} bayt)` : 'Dosyayı seçince ölçülür.'}
      </output>
    );
  }

  // Not `...object`: Decap spreads unknown keys over the registration, and `control` would win over controlComponent.
  CMS.registerWidget({ name: 'object', controlComponent: OptionalObjectControl, previewComponent: object.preview, schema: objectSchema });
  CMS.registerWidget({ name: 'file-with-size', controlComponent: FileWithSizeControl, previewComponent: object.preview, schema: objectSchema });
  const list = CMS.getWidget('list');
  if (!list) throw new Error('Decap has no "list" widget to extend.');
  CMS.registerWidget({ name: 'list', controlComponent: list.control, previewComponent: list.preview, schema: withI18nModes(list.schema) });

  CMS.registerWidget('file-size', asDecapControl(FileSizeControl), ({ value }: { value?: number }) => (value ? <span>{value}</span> : null));

  const relation = CMS.getWidget('relation');
  if (!relation) throw new Error('Decap has no "relation" widget to extend.');
  CMS.registerWidget({
    name: 'relation',
    controlComponent: withoutLoadChange(relation.control as never),
    previewComponent: relation.preview,
    schema: withI18nModes(relation.schema),
  });
  CMS.registerWidget('slug', asDecapControl(SlugControl), ({ value }: { value?: string }) => <span>{value}</span>);
  CMS.registerWidget('date-tr', DateControl, ({ value }: { value?: string }) => <span>{value ? showTurkishDate(String(value)) : ''}</span>);
  CMS.registerWidget('translation-status', asDecapControl(TranslationStatusControl), () => null);
}

/**
 * A function component as a Decap control. Decap's Widget takes a ref to
 * every control and, when saving, calls its `isValid()`; a function component
 * gives no ref, and Decap threw "this.wrappedControlValid is not a function"
 * in the middle of validating the form, so the fields after it were never
 * checked. Required and pattern stay Decap's own checks; the rules across
 * entries are the save guard's (admin/guard.ts).
 */
function asDecapControl<P extends object>(Control: (props: P) => ReactNode) {
  return class extends Component<P> {
    static displayName = `DecapControl(${Control.name})`;
    isValid = () => true;
    override render(): ReactNode {
      return <Control {...this.props} />;
    }
  };
}

/**
 * Decap's list and object widgets declare `i18n` boolean-only in their config
 * schemas, but the core copies any field marked "duplicate" to every language
 * (decap-cms-core lib/i18n.ts, duplicateI18nFields), lists included: sources
 * and a helpline's languages are the same in every language.
 */
function withI18nModes(schema: unknown) {
  const base = (schema ?? {}) as { properties?: Record<string, unknown> };
  return { ...base, properties: { ...base.properties, i18n: { oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['translate', 'duplicate', 'none'] }] } } };
}

function pathOf(value: unknown): string | undefined {
  const path = value && typeof (value as ImmutableMap).get === 'function' ? (value as ImmutableMap).get('path') : undefined;
  return typeof path === 'string' && path ? path : undefined;
}
