/**
 * The reader settings controls, shared by the popup, the options page and the reader's own
 * "Aa" panel: built from the schema, labelled through the locale files, and written to storage
 * on every change (storage is the bus; open readers follow it live). Each place picks a layout:
 * `full` (every setting, in groups) or `panel` (what changes how the text reads, compact).
 */
import { i18n } from '../platform/extension-api.ts';
import { FONT_STACKS } from '../settings/font-stacks.ts';
import {
  FONT_FAMILIES, STEPPED, TEXT_ALIGNS, THEMES, TOGGLES, resetReader, stepBy,
  type CustomColors, type Settings, type SteppedSetting, type ToggleSetting,
} from '../settings/schema.ts';
import { updateSettings } from '../settings/settings-store.ts';

type Child = Node | string;

export function h(doc: Document, tag: string, attrs: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  el.append(...children);
  return el;
}

const STEPPERS: { key: SteppedSetting; unit: string; less: string; more: string }[] = [
  { key: 'fontSize', unit: 'px', less: 'smallerText', more: 'largerText' },
  { key: 'contentWidth', unit: '', less: 'narrower', more: 'wider' },
  { key: 'lineHeight', unit: '', less: 'tighterLines', more: 'looserLines' },
  { key: 'letterSpacing', unit: 'em', less: 'lessLetterSpacing', more: 'moreLetterSpacing' },
  { key: 'wordSpacing', unit: 'em', less: 'lessWordSpacing', more: 'moreWordSpacing' },
];
const COLORS: (keyof CustomColors)[] = ['text', 'background', 'link'];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function stepper(doc: Document, { key, unit, less, more }: (typeof STEPPERS)[number]): HTMLElement {
  return h(doc, 'div', { class: 'row stepper', 'data-setting': key, 'data-unit': unit },
    h(doc, 'span', { class: 'label', id: `${key}-label` }, i18n(key)),
    h(doc, 'button', { type: 'button', 'data-step': '-1', 'aria-label': i18n(less) }, '−'),
    h(doc, 'output', { 'aria-labelledby': `${key}-label`, 'aria-live': 'polite' }),
    h(doc, 'button', { type: 'button', 'data-step': '1', 'aria-label': i18n(more) }, '+'));
}

function checkbox(doc: Document, name: ToggleSetting): HTMLElement {
  return h(doc, 'label', {}, h(doc, 'input', { type: 'checkbox', name }), ` ${i18n(name)}`);
}

/** Radio buttons drawn as a row of segments: one tab stop, arrows move, every choice visible. */
function choices(doc: Document, name: string, legend: string, options: { value: string; label: string; font?: string }[]): HTMLElement {
  return h(doc, 'fieldset', { class: `choices ${name}` }, h(doc, 'legend', {}, legend),
    ...options.map(({ value, label, font }) => {
      const text = h(doc, 'span', {}, label);
      if (font) text.style.fontFamily = font;
      return h(doc, 'label', {}, h(doc, 'input', { type: 'radio', name, value }), text);
    }));
}

const themeChoices = (doc: Document) => choices(doc, 'theme', i18n('theme'), THEMES.map((theme) => ({ value: theme, label: i18n(`theme${cap(theme)}`) })));
const fontChoices = (doc: Document) => choices(doc, 'fontFamily', i18n('font'), FONT_FAMILIES.map((f) => ({ value: f, label: i18n(`font${cap(f)}`), font: FONT_STACKS[f] })));
const alignChoices = (doc: Document) => choices(doc, 'textAlign', i18n('textAlign'), TEXT_ALIGNS.map((a) => ({ value: a, label: i18n(`align${cap(a)}`) })));

export type FormLayout = 'full' | 'panel';

/** Builds the controls at the start of `container` (the form itself, or a part of it). */
export function buildSettingsForm(container: HTMLElement, layout: FormLayout = 'full'): void {
  const doc = container.ownerDocument;
  if (layout === 'panel') {
    container.prepend(themeChoices(doc), fontChoices(doc), ...STEPPERS.map((s) => stepper(doc, s)), alignChoices(doc));
    return;
  }
  const look = h(doc, 'fieldset', { class: 'group' }, h(doc, 'legend', {}, i18n('groupLook')),
    themeChoices(doc),
    h(doc, 'div', { class: 'colors', id: 'customColors' },
      ...COLORS.map((c) => h(doc, 'label', {}, h(doc, 'input', { type: 'color', name: `color-${c}` }), ` ${i18n(`color${cap(c)}`)}`))),
    h(doc, 'p', { class: 'warning', id: 'contrastWarning', role: 'status' }),
    checkbox(doc, 'dimImages'));
  const text = h(doc, 'fieldset', { class: 'group' }, h(doc, 'legend', {}, i18n('groupText')),
    fontChoices(doc), ...STEPPERS.map((s) => stepper(doc, s)), alignChoices(doc));
  const aids = h(doc, 'fieldset', { class: 'group aids' }, h(doc, 'legend', {}, i18n('groupAids')),
    ...TOGGLES.filter((k) => k !== 'dimImages').map((k) => checkbox(doc, k)));
  container.prepend(look, text, aids);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b2] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Shows `settings` in whichever controls `form` has. */
export function showSettingsForm(form: HTMLFormElement, settings: Settings): void {
  for (const name of ['theme', 'fontFamily', 'textAlign'] as const) {
    for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) input.checked = input.value === settings[name];
  }
  for (const row of form.querySelectorAll<HTMLElement>('.stepper')) {
    const key = row.dataset.setting as SteppedSetting;
    const value = settings[key];
    row.querySelector('output')!.textContent = `${value}${row.dataset.unit ?? ''}`;
    const steps: readonly number[] = STEPPED[key];
    row.querySelector<HTMLButtonElement>('[data-step="-1"]')!.disabled = value === steps[0];
    row.querySelector<HTMLButtonElement>('[data-step="1"]')!.disabled = value === steps.at(-1);
  }
  for (const key of TOGGLES) {
    const box = form.querySelector<HTMLInputElement>(`input[name="${key}"]`);
    if (box) box.checked = settings[key];
  }
  const colors = form.querySelector<HTMLElement>('#customColors');
  if (!colors) return;
  for (const c of COLORS) form.querySelector<HTMLInputElement>(`input[name="color-${c}"]`)!.value = settings.customColors[c];
  colors.hidden = settings.theme !== 'custom';
  const { text, background, link } = settings.customColors;
  const low = settings.theme === 'custom' && Math.min(contrastRatio(text, background), contrastRatio(link, background)) < 4.5;
  const warning = form.querySelector<HTMLElement>('#contrastWarning')!;
  warning.textContent = low ? i18n('lowContrast') : '';
  warning.hidden = !low;
}

export interface BindOptions {
  /**
   * Act on the user's own input only. Inside a web page (the reader's panel) the page can reach
   * the controls and fire synthetic events at them; extension pages need no such check.
   */
  trustedOnly?: boolean;
}

/** Writes every reader-setting change to storage; other inputs in the form are left to the page. */
export function bindSettingsForm(form: HTMLFormElement, options: BindOptions = {}): void {
  const ignore = (event: Event) => options.trustedOnly === true && !event.isTrusted;
  form.addEventListener('change', (event) => {
    if (ignore(event)) return;
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const { name, value } = target;
    if (name === 'theme' || name === 'fontFamily' || name === 'textAlign') {
      void updateSettings((s) => ({ ...s, [name]: value }));
    } else if ((TOGGLES as readonly string[]).includes(name)) {
      // Read now: a storage echo may re-render the box before this queued change runs.
      const { checked } = target as HTMLInputElement;
      void updateSettings((s) => ({ ...s, [name]: checked }));
    } else if (name.startsWith('color-')) {
      const key = name.slice(6) as keyof CustomColors;
      void updateSettings((s) => ({ ...s, customColors: { ...s.customColors, [key]: value } }));
    }
  });
  form.addEventListener('click', (event) => {
    if (ignore(event)) return;
    const target = event.target as Element;
    const button = target.closest<HTMLButtonElement>('button[data-step]');
    if (button) {
      const key = button.closest<HTMLElement>('.stepper')!.dataset.setting as SteppedSetting;
      const delta = Number(button.dataset.step) as -1 | 1;
      void updateSettings((s) => ({ ...s, [key]: stepBy(STEPPED[key], s[key], delta) }));
    } else if (target.closest('[data-action="reset"]')) {
      void updateSettings(resetReader);
    }
  });
}

/** Fills `data-i18n` elements of a static page from the locale files, and sets the page's direction. */
export function localizePage(root: Document = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = i18n(el.dataset.i18n!);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', i18n(el.dataset.i18nLabel!));
  root.documentElement.lang = i18n('@@ui_locale').replace('_', '-');
  root.documentElement.dir = i18n('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
