/**
 * Shared by the settings and restart tests: a long article to scroll, a probe that reads a
 * computed style inside the overlay, and every reader setting as a user changes it in the popup
 * (or the options page: both are built by the same settings form) with its visible effect.
 */
import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';

/** A long article with sections (for the contents box and resume position); `image` adds a figure. */
export function longArticle(image?: string): string {
  const para = (s: number, i: number) => `<p>Section ${s}, paragraph ${i}: ${'The quick brown fox considers the lazy dog with patience and some care. '.repeat(6)}</p>`;
  const sections = [1, 2, 3, 4].map((s) => `<h2>Section heading ${s}</h2>${[1, 2, 3, 4, 5].map((i) => para(s, i)).join('')}<h3>Detail ${s}</h3>${para(s, 9)}`);
  const figure = image ? `<figure><img src="${image}" alt="A demonstration in the street" width="640" height="360"><figcaption>A demonstration.</figcaption></figure>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long read</title></head><body>
    <article><h1>A long read with sections</h1><p class="byline">By Test Writer</p>${figure}${sections.join('')}</article></body></html>`;
}

export type Probe = (page: Page) => Promise<unknown>;
/** Reads a computed style inside the overlay's shadow root. */
export const style = (selector: string, prop: string): Probe => (page) => page.evaluate((sel, p) => {
  const root = document.querySelector('[data-reader-overlay]')?.shadowRoot;
  const el = root?.querySelector(sel);
  return el ? getComputedStyle(el).getPropertyValue(p) : null;
}, selector, prop);
/** A custom property the reader sets on its host from the settings. */
export const hostStyle = (prop: string): Probe => (page) =>
  page.evaluate((p) => (document.querySelector('[data-reader-overlay]') as HTMLElement | null)?.style.getPropertyValue(p) ?? null, prop);
export const hostAttribute = (attr: string): Probe => (page) =>
  page.evaluate((a) => document.querySelector('[data-reader-overlay]')?.getAttribute(a) ?? null, attr);

export interface SettingCase {
  name: string;
  /** What the user does in the popup or options page. */
  act(form: Page): Promise<void>;
  probe: Probe;
  /** The stored value after the change, as [key, value]. */
  stored: [string, unknown];
  expect: (value: any) => void;
}

/**
 * The popup folds the reader's look away (its common controls must fit 600 px); a user opens it
 * to reach those settings. The options page and the reader's panel show them as they are.
 */
export async function showLook(form: Page): Promise<void> {
  await form.evaluate(() => {
    const look = document.querySelector<HTMLDetailsElement>('details.look');
    if (look && !look.open) look.querySelector('summary')!.click();
  });
}
const step = (setting: string) => async (form: Page) => {
  await showLook(form);
  await form.click(`[data-setting="${setting}"] [data-step="1"]`);
};
const toggle = (name: string) => async (form: Page) => {
  await showLook(form);
  await form.click(`input[name="${name}"]`);
};
/** A choice among radio buttons drawn as segments: the user clicks the visible label. */
export const choose = (name: string, value: string) => async (form: Page) => {
  await showLook(form);
  await form.click(`input[name="${name}"][value="${value}"] + span`);
};

/** Picks the custom theme and sets its background colour, as the colour input reports a choice. */
export async function chooseCustomBackground(form: Page, color: string): Promise<void> {
  await choose('theme', 'custom')(form);
  await form.waitForSelector('#customColors:not([hidden])');
  await form.evaluate((c) => {
    const input = document.querySelector<HTMLInputElement>('input[name="color-background"]')!;
    input.value = c;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, color);
}

export const CASES: SettingCase[] = [
  { name: 'theme', act: choose('theme', 'sepia'), probe: style('.scroller', 'background-color'), stored: ['theme', 'sepia'], expect: (v) => expect(v).toBe('rgb(245, 237, 219)') },
  { name: 'fontFamily', act: choose('fontFamily', 'atkinson'), probe: style('.scroller', 'font-family'), stored: ['fontFamily', 'atkinson'], expect: (v) => expect(v).toContain('ClearRead Atkinson') },
  { name: 'fontSize', act: step('fontSize'), probe: style('.scroller', 'font-size'), stored: ['fontSize', 20], expect: (v) => expect(v).toBe('20px') },
  { name: 'lineHeight', act: step('lineHeight'), probe: style('.scroller', 'line-height'), stored: ['lineHeight', 1.75], expect: (v) => expect(parseFloat(v)).toBeCloseTo(35, 0) },
  // The width is in characters: the column's measure grows by a step (62 → 66, plus the break slack).
  { name: 'contentWidth', act: step('contentWidth'), probe: hostStyle('--measure-chars'), stored: ['contentWidth', 66], expect: (v) => expect(v).toBe('70') },
  { name: 'letterSpacing', act: step('letterSpacing'), probe: style('[data-reader-body]', 'letter-spacing'), stored: ['letterSpacing', 0.02], expect: (v) => expect(parseFloat(v)).toBeCloseTo(0.4, 1) },
  { name: 'wordSpacing', act: step('wordSpacing'), probe: style('[data-reader-body]', 'word-spacing'), stored: ['wordSpacing', 0.05], expect: (v) => expect(parseFloat(v)).toBeCloseTo(1, 1) },
  { name: 'textAlign', act: choose('textAlign', 'justify'), probe: style('[data-reader-body]', 'text-align'), stored: ['textAlign', 'justify'], expect: (v) => expect(v).toBe('justify') },
  { name: 'showImages', act: toggle('showImages'), probe: style('[data-reader-body] img', 'display'), stored: ['showImages', false], expect: (v) => expect(v).toBe('none') },
  { name: 'showProgress', act: toggle('showProgress'), probe: style('.progress', 'display'), stored: ['showProgress', false], expect: (v) => expect(v).toBe('none') },
  { name: 'focusLine', act: toggle('focusLine'), probe: style('.focus-line', 'display'), stored: ['focusLine', true], expect: (v) => expect(v).toBe('block') },
  { name: 'showToc', act: toggle('showToc'), probe: hostAttribute('data-toc'), stored: ['showToc', false], expect: (v) => expect(v).toBe('off') },
  { name: 'resumePosition', act: toggle('resumePosition'), probe: async () => 'storage only', stored: ['resumePosition', false], expect: () => {} },
  { name: 'customColors', act: (p) => chooseCustomBackground(p, '#203040'), probe: style('.scroller', 'background-color'), stored: ['customColors', { text: '#1d1d1f', background: '#203040', link: '#0b57d0' }], expect: (v) => expect(v).toBe('rgb(32, 48, 64)') },
  // Dark theme with dimmed images; images are shown again so the filter can be read.
  { name: 'dimImages', act: async (p) => { await choose('theme', 'dark')(p); await p.click('input[name="showImages"]'); await p.click('input[name="dimImages"]'); }, probe: style('[data-reader-body] img', 'filter'), stored: ['dimImages', true], expect: (v) => expect(v).toMatch(/brightness/) },
];

/** Settings a later case changes again (theme, finally to dark; images back on to see them dimmed). */
export const CHANGED_LATER = new Set(['theme', 'showImages', 'customColors']);
