// @vitest-environment jsdom
/**
 * Share bars recognised as a whole by their shape, with what they may carry besides share links;
 * content next to share links (a byline and date, a shipping note, a forum post header) stays.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { LiveSuppressor } from '../../src/suppress/live-suppressor.ts';
import { isShareUrl } from '../../src/suppress/share-links.ts';
import { isHidden, loadLiveFixture, shownElements } from '../fixtures/suppress/load-fixture.ts';
import { controlled, ON } from './suppress-test-kit.ts';

let suppressor: LiveSuppressor | undefined;
afterEach(() => suppressor?.release());

function run(name: string) {
  const doc = loadLiveFixture(name);
  const before = shownElements(doc);
  const live = controlled(doc);
  suppressor = live.suppressor;
  suppressor.apply(ON);
  suppressor.flush();
  return { doc, before };
}

describe('share bars as a whole', () => {
  test.each(['tools-a', 'tools-b', 'tools-c', 'tools-d', 'tools-e', 'rail'])('the %s bar is hidden whole', (cls) => {
    const { doc } = run('live/share-shapes.html');
    expect(isHidden(doc.querySelector(`.${cls}`)!)).toBe(true);
  });

  test('nothing else is hidden: bylines, dates, comment counts, shipping notes, forum headers, follow links', () => {
    const { doc, before } = run('live/share-shapes.html');
    const lost = before.filter((el) => isHidden(el) && !el.closest('[data-expect="hidden"]'));
    expect(lost.map((el) => el.outerHTML.slice(0, 70))).toEqual([]);
    for (const el of doc.querySelectorAll('[data-expect="visible"]')) expect(isHidden(el), el.className).toBe(false);
    // A share link standing alone beside them goes by itself; one inside a sentence stays.
    for (const el of doc.querySelectorAll('a[data-expect="hidden"]')) expect(isHidden(el), el.outerHTML.slice(0, 60)).toBe(true);
  });

  // Regression (trafilatura nationalgeographic.co.uk.goats): "By <name>" sat in the share kit's box and went with it.
  test('a byline inside a share kit stays; only the links go', () => {
    const { doc } = run('live/byline-in-share-kit.html');
    for (const el of doc.querySelectorAll('[data-expect="visible"]')) expect(isHidden(el), el.textContent).toBe(false);
    for (const el of doc.querySelectorAll('[data-expect="hidden"]')) expect(isHidden(el), el.className).toBe(true);
  });

  // Regression: a vendor share selector (.fb-like) matched a box that, through unclosed markup, held the whole article.
  test('a vendor match that holds the article, or a byline and date, is never hidden', () => {
    const { doc, before } = run('live/content-wrapped.html');
    for (const el of doc.querySelectorAll('[data-expect="visible"]')) expect(isHidden(el), el.outerHTML.slice(0, 50)).toBe(false);
    for (const el of doc.querySelectorAll('[data-expect="hidden"]')) expect(isHidden(el)).toBe(true);
    expect(before.filter(isHidden).every((el) => el.closest('[data-expect="hidden"]'))).toBe(true);
  });
});

describe('share endpoints by the shape of their URL', () => {
  test.each([
    'https://plus.google.com/share?url=https%3A%2F%2Fa.example%2F',
    'https://connect.ok.ru/offer?url=https%3A%2F%2Fa.example%2F',
    'https://www.xing.com/spi/shares/new?url=https%3A%2F%2Fa.example%2F',
    'https://twitter.com/home?status=Read%20this%20https%3A%2F%2Fa.example%2F',
    'https://mix.com/add?url=https%3A%2F%2Fa.example%2F',
    'https://www.stumbleupon.com/submit?url=https%3A%2F%2Fa.example%2F',
    'https://web.skype.com/share?url=https%3A%2F%2Fa.example%2F',
    'https://www.yummly.com/urb/verify?url=https%3A%2F%2Fa.example%2F&title=Soup',
    'https://www.pinterest.com/pin/find/?url=https%3A%2F%2Fa.example%2F',
    'https://pinterest.de/pin/create/button/?url=https%3A%2F%2Fa.example%2F',
    'https://vk.com/share.php?url=https%3A%2F%2Fa.example%2F',
    'https://www.tumblr.com/widgets/share/tool?canonicalUrl=https%3A%2F%2Fa.example%2F',
    'https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fa.example%2F',
    'https://service.weibo.com/share/share.php?url=https%3A%2F%2Fa.example%2F',
    'https://bsky.app/intent/compose?text=https%3A%2F%2Fa.example%2F',
    'https://news.ycombinator.com/submitlink?u=https%3A%2F%2Fa.example%2F&t=Soup',
    'https://a-network-nobody-listed.example/share?url=https%3A%2F%2Fa.example%2F',
    'whatsapp://send?text=https%3A%2F%2Fa.example%2F',
    'mailto:?subject=Soup&body=https%3A%2F%2Fa.example%2F',
  ])('%s is a share action', (href) => {
    expect(isShareUrl(href, 'a.example')).toBe(true);
  });

  test.each([
    'https://www.facebook.com/valleypost',
    'https://twitter.com/valleypost/status/123',
    'https://x.com/intent/follow?screen_name=valleypost',
    'https://www.pinterest.com/pin/123456/',
    'https://www.google.com/url?q=https%3A%2F%2Fa.example%2F',
    'https://translate.google.com/translate?u=https%3A%2F%2Fa.example%2F',
    'https://accounts.example/login?redirect=https%3A%2F%2Fa.example%2F',
    'https://web.archive.org/save/https://a.example/',
    'mailto:editor@a.example',
    '/share-your-story',
    '#share',
  ])('%s is not', (href) => {
    expect(isShareUrl(href, 'a.example')).toBe(false);
  });
});
