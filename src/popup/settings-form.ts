/**
 * The reader settings form, shared by the popup and the options page: built from the schema,
 * labelled through the locale files, and written to storage on every change (storage is the
 * bus; open overlays follow it live).
 */
import { i18n } from '../platform/extension-api.ts';
import {
  FONT_FAMILIES, STEPPED, TEXT_ALIGNS, THEMES, TOGGLES, resetReader, stepBy,
  type CustomColors, type Settings, type SteppedSetting, type ToggleSetting,
} from '../settings/schema.ts';
import { updateSettings } from '../settings/settings-store.ts';

type Child = Node | string;

export function h(tag: string, attrs: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  el.append(...children);
  return el;
}

const STEPPERS: { key: SteppedSetting; unit: string; less: string; more: string }[] = [
  { key: 'fontSize', unit: 'px', less: 'smallerText', more: 'largerText' },
  { key: 'lineHeight', unit: '', less: 'tighterLines', more: 'looserLines' },
  { key: 'contentWidth', unit: 'em', less: 'narrower', more: 'wider' },
  { key: 'letterSpacing', unit: 'em', less: 'lessLetterSpacing', more: 'moreLetterSpacing' },
  { key: 'wordSpacing', unit: 'em', less: 'lessWordSpacing', more: 'moreWordSpacing' },
];
const COLORS: (keyof CustomColors)[] = ['text', 'background', 'link'];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function stepper({ key, unit, less, more }: (typeof STEPPERS)[number]): HTMLElement {
  return h('div', { class: 'row stepper', 'data-setting': key, 'data-unit': unit },
    h('span', { class: 'label', id: `${key}-label` }, i18n(key)),
    h('button', { type: 'button', 'data-step': '-1', 'aria-label': i18n(less) }, '−'),
    h('output', { 'aria-labelledby': `${key}-label` }),
    h('button', { type: 'button', 'data-step': '1', 'aria-label': i18n(more) }, '+'));
}

function checkbox(name: ToggleSetting): HTMLElement {
  return h('label', {}, h('input', { type: 'checkbox', name }), ` ${i18n(name)}`);
}

/** Builds the groups (look, text, reading aids) at the start of `form`. */
export function buildSettingsForm(form: HTMLFormElement): void {
  const look = h('fieldset', { class: 'group' }, h('legend', {}, i18n('groupLook')),
    h('div', { class: 'themes' },
      ...THEMES.map((theme) => h('label', {}, h('input', { type: 'radio', name: 'theme', value: theme }), h('span', {}, i18n(`theme${cap(theme)}`))))),
    h('div', { class: 'colors', id: 'customColors' },
      ...COLORS.map((c) => h('label', {}, h('input', { type: 'color', name: `color-${c}` }), ` ${i18n(`color${cap(c)}`)}`))),
    h('p', { class: 'warning', id: 'contrastWarning', role: 'status' }),
    checkbox('dimImages'));
  const text = h('fieldset', { class: 'group' }, h('legend', {}, i18n('groupText')),
    h('div', { class: 'row' }, h('label', { for: 'fontFamily' }, i18n('font')),
      h('select', { id: 'fontFamily', name: 'fontFamily' }, ...FONT_FAMILIES.map((f) => h('option', { value: f }, i18n(`font${cap(f)}`))))),
    ...STEPPERS.map(stepper),
    h('div', { class: 'row' }, h('label', { for: 'textAlign' }, i18n('textAlign')),
      h('select', { id: 'textAlign', name: 'textAlign' }, ...TEXT_ALIGNS.map((a) => h('option', { value: a }, i18n(`align${cap(a)}`))))));
  const aids = h('fieldset', { class: 'group aids' }, h('legend', {}, i18n('groupAids')),
    ...TOGGLES.filter((k) => k !== 'dimImages').map(checkbox));
  form.prepend(look, text, aids);
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

export function showSettingsForm(form: HTMLFormElement, settings: Settings): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="theme"]')) input.checked = input.value === settings.theme;
  form.querySelector<HTMLSelectElement>('#fontFamily')!.value = settings.fontFamily;
  form.querySelector<HTMLSelectElement>('#textAlign')!.value = settings.textAlign;
  for (const row of form.querySelectorAll<HTMLElement>('.stepper')) {
    const key = row.dataset.setting as SteppedSetting;
    const value = settings[key];
    row.querySelector('output')!.textContent = `${value}${row.dataset.unit ?? ''}`;
    const steps: readonly number[] = STEPPED[key];
    row.querySelector<HTMLButtonElement>('[data-step="-1"]')!.disabled = value === steps[0];
    row.querySelector<HTMLButtonElement>('[data-step="1"]')!.disabled = value === steps.at(-1);
  }
  for (const key of TOGGLES) form.querySelector<HTMLInputElement>(`input[name="${key}"]`)!.checked = settings[key];
  for (const c of COLORS) form.querySelector<HTMLInputElement>(`input[name="color-${c}"]`)!.value = settings.customColors[c];
  form.querySelector<HTMLElement>('#customColors')!.hidden = settings.theme !== 'custom';
  const { text, background, link } = settings.customColors;
  const low = settings.theme === 'custom' && Math.min(contrastRatio(text, background), contrastRatio(link, background)) < 4.5;
  const warning = form.querySelector<HTMLElement>('#contrastWarning')!;
  warning.textContent = low ? i18n('lowContrast') : '';
  warning.hidden = !low;
}

/** Writes every reader-setting change to storage; other inputs in the form are left to the page. */
export function bindSettingsForm(form: HTMLFormElement): void {
  form.addEventListener('change', (event) => {
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
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-step]');
    if (!button) return;
    const key = button.closest<HTMLElement>('.stepper')!.dataset.setting as SteppedSetting;
    const delta = Number(button.dataset.step) as -1 | 1;
    void updateSettings((s) => ({ ...s, [key]: stepBy(STEPPED[key], s[key], delta) }));
  });
  form.querySelector('#reset')?.addEventListener('click', () => void updateSettings(resetReader));
}

/** Fills `data-i18n` elements of a static page from the locale files. */
export function localizePage(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = i18n(el.dataset.i18n!);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', i18n(el.dataset.i18nLabel!));
}
