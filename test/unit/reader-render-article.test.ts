// @vitest-environment jsdom
/**
 * The article frame. What broke (issue 12): on a right-to-left page the meta line read
 * "min read 1" (our English words took the article's direction), and "19 min read" could break
 * across lines; a page that could not be read left buttons that did nothing.
 */
import { expect, test } from 'vitest';
import { renderArticle, renderError } from '../../src/reader/render-article.ts';
import type { ArticleLabels } from '../../src/reader/strings.ts';
import type { Article } from '../../src/extract/article.ts';

const labels = (lang: string, dir: 'ltr' | 'rtl'): ArticleLabels => ({
  locale: { lang, dir },
  minutesRead: (m) => `${m} min read`,
  date: (iso) => new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso)),
  unavailable: 'Reader view isn’t available here',
  close: 'Close',
  source: 'Source',
  printed: (d) => `Printed ${d}`,
});

const ARTICLE: Article = {
  url: 'https://news.example/he/story', title: 'כותרת הכתבה', byline: 'דנה לוי', published: '2024-03-05T10:00:00Z',
  lang: 'he', dir: 'rtl', contentHtml: '', text: 'x', wordCount: 300, readingMinutes: 1,
};

test('a right-to-left article keeps its direction; our words in its meta line keep the UI language\'s', () => {
  const body = document.createDocumentFragment();
  body.append(Object.assign(document.createElement('p'), { textContent: 'פסקה' }));
  const el = renderArticle(document, ARTICLE, body, labels('en', 'ltr'), new Date('2026-12-02T00:00:00Z'));
  expect(el.getAttribute('dir')).toBe('rtl');
  expect(el.getAttribute('lang')).toBe('he');
  const reading = el.querySelector('.reading-time')!;
  // Its own direction isolates it: "1 min read" stays in that order inside right-to-left text.
  expect(reading.getAttribute('dir')).toBe('ltr');
  expect(reading.getAttribute('lang')).toBe('en');
  expect(reading.textContent).toBe('1 min read');
  const time = el.querySelector('time')!;
  expect(time.getAttribute('dir')).toBe('ltr');
  expect(time.textContent).toBe('March 5, 2024');
  // The byline is the article's text, isolated in whichever direction it is written.
  expect(el.querySelector('[data-reader-byline]')!.getAttribute('dir')).toBe('auto');
  expect(el.querySelector('h1')!.getAttribute('dir')).toBe('auto');
});

test('a right-to-left UI language gives our words its direction', () => {
  const el = renderArticle(document, { ...ARTICLE, lang: 'en', dir: 'ltr' }, document.createDocumentFragment(), labels('ar', 'rtl'));
  expect(el.querySelector('.reading-time')!.getAttribute('dir')).toBe('rtl');
  expect(el.querySelector('.print-footer')!.getAttribute('dir')).toBe('rtl');
});

test('the print footer names the address and the date', () => {
  const el = renderArticle(document, ARTICLE, document.createDocumentFragment(), labels('en', 'ltr'), new Date('2026-12-02T12:00:00Z'));
  const footer = el.querySelector('.print-footer')!;
  expect(footer.querySelector('.url')!.textContent).toBe('https://news.example/he/story');
  expect(footer.textContent).toContain('Printed December 2, 2026');
});

test('a page that cannot be read gets the message and a way out, nothing else', () => {
  let closed = 0;
  const box = renderError(document, 'This page doesn’t look like an article.', labels('en', 'ltr'), () => { closed++; });
  expect(box.hasAttribute('data-reader-error')).toBe(true);
  expect([...box.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Close']);
  box.querySelector('button')!.click();
  expect(closed).toBe(1);
});
