// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createLiveSuppressor, HIDDEN_ATTR, STYLE_ATTR, type LiveSuppressor } from '../../src/suppress/live-suppressor.ts';
import { looksLikeNotificationPrompt } from '../../src/suppress/heuristics.ts';
import { isHidden, loadFixture } from '../fixtures/suppress/load-fixture.ts';

const ON = { notificationPrompts: true, shareButtons: true };
const OFF = { notificationPrompts: false, shareButtons: false };
let suppressor: LiveSuppressor | undefined;
afterEach(() => suppressor?.release());
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('late prompts', () => {
  test('a vendor prompt inserted by script is hidden and counted', async () => {
    const doc = loadFixture('lookalike-article.html');
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    const late = doc.createElement('div');
    late.id = 'onesignal-slidedown-container';
    late.innerHTML = '<div id="onesignal-slidedown-dialog">We would like to send you notifications.<button>Allow</button></div>';
    doc.body.append(late);
    expect(isHidden(late)).toBe(true); // by the stylesheet alone, before any observer ran
    await flush();
    expect(suppressor.receipt().notificationPrompts).toBe(1);
  });

  test('a site-made prompt filled in later, and the scroll lock it sets, are handled by the observer', async () => {
    const doc = loadFixture('lookalike-article.html');
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    const shell = doc.createElement('div');
    shell.style.position = 'fixed';
    doc.body.append(shell);
    await flush();
    shell.innerHTML = '<p>Never miss a story: allow notifications from the Herald.</p><button>Allow</button><button>Later</button>';
    doc.body.style.overflow = 'hidden';
    doc.documentElement.classList.add('modal-open');
    await flush();
    expect(shell.getAttribute(HIDDEN_ATTR)).toBe('notificationPrompts');
    expect(isHidden(shell)).toBe(true);
    expect(doc.body.style.overflow).toBe('');
    expect(doc.documentElement.classList.contains('modal-open')).toBe(false);
    expect(suppressor.receipt()).toEqual({ notificationPrompts: 1, shareButtons: 2 - 2 });
  });

  test('share bars added later are hidden; embeds added later are not', async () => {
    const doc = loadFixture('lookalike-article.html');
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    const bar = doc.createElement('div');
    bar.innerHTML = '<a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a><a href="https://x.com/intent/post?url=x">x</a>';
    const embed = doc.createElement('blockquote');
    embed.className = 'twitter-tweet';
    embed.innerHTML = '<p>hi <a href="https://twitter.com/intent/tweet?x">a</a> <a href="https://twitter.com/intent/follow?x">b</a></p>';
    doc.querySelector('article')!.append(bar, embed);
    await flush();
    expect(isHidden(bar)).toBe(true);
    expect(isHidden(embed)).toBe(false);
    expect(suppressor.receipt().shareButtons).toBe(1);
  });
});

describe('cost', () => {
  test('one MutationObserver for the page\'s life, and no timers', () => {
    const doc = loadFixture('lookalike-article.html');
    const win = doc.defaultView! as Window & typeof globalThis;
    const Real = win.MutationObserver;
    let made = 0;
    win.MutationObserver = class extends Real { constructor(cb: MutationCallback) { super(cb); made += 1; } };
    const timers = (['setTimeout', 'setInterval', 'requestAnimationFrame'] as const).map((fn) => vi.spyOn(win, fn));
    try {
      suppressor = createLiveSuppressor(doc);
      suppressor.apply(ON);
      suppressor.apply({ notificationPrompts: false, shareButtons: true });
      suppressor.apply(ON);
      suppressor.receipt();
      expect(made).toBe(1);
      for (const timer of timers) expect(timer).not.toHaveBeenCalled();
    } finally {
      win.MutationObserver = Real;
      for (const timer of timers) timer.mockRestore();
    }
  });

  test('while the parser is still adding the page, only the stylesheet works; one scan follows at DOMContentLoaded', async () => {
    const doc = loadFixture('lookalike-article.html');
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => 'loading' });
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    const vendor = doc.createElement('div');
    vendor.className = 'onesignal-bell-container';
    const site = doc.createElement('div');
    site.style.position = 'fixed';
    site.innerHTML = '<p>Allow notifications?</p><button>Yes</button>';
    doc.body.append(vendor, site);
    await flush();
    expect(isHidden(vendor)).toBe(true);
    expect(site.hasAttribute(HIDDEN_ATTR)).toBe(false);
    delete (doc as { readyState?: string }).readyState;
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(isHidden(site)).toBe(true);
    expect(suppressor.receipt().notificationPrompts).toBe(2);
  });
});

describe('undo', () => {
  test('switching off brings back every prompt, share bar and scroll lock exactly', () => {
    const doc = loadFixture('generic-notification-dialog.html');
    const bodyAttrs = [doc.body.className, doc.body.getAttribute('style')];
    const prompts = [...doc.querySelectorAll('[data-expect="hidden"]')];
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    expect(prompts.every(isHidden)).toBe(true);
    expect(doc.body.classList.contains('no-scroll')).toBe(false);
    expect(doc.body.style.overflow).toBe('');
    expect(suppressor.receipt().notificationPrompts).toBe(5);

    suppressor.apply(OFF);
    expect(prompts.some(isHidden)).toBe(false);
    expect([doc.body.className, doc.body.getAttribute('style')]).toEqual(bodyAttrs);
    expect(doc.querySelector(`[${HIDDEN_ATTR}]`)).toBeNull();
    expect(doc.querySelector(`[${STYLE_ATTR}]`)).toBeNull();
    expect(suppressor.receipt()).toEqual({ notificationPrompts: 0, shareButtons: 0 });

    suppressor.apply(ON);
    expect(prompts.every(isHidden)).toBe(true);
  });

  test('kinds are independent: prompts off keeps share bars hidden', () => {
    const doc = loadFixture('share-link-cluster.html');
    const bars = [...doc.querySelectorAll('[data-expect="hidden"]')];
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    suppressor.apply({ notificationPrompts: false, shareButtons: true });
    expect(bars.every(isHidden)).toBe(true);
    suppressor.apply({ notificationPrompts: true, shareButtons: false });
    expect(bars.some(isHidden)).toBe(false);
  });

  test('vendor scroll-lock classes come back; a lock the page keeps for its own dialog is never lifted', () => {
    const doc = loadFixture('braze-primer.html');
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    expect(doc.documentElement.className).toBe('');
    suppressor.apply(OFF);
    expect(doc.documentElement.className).toBe('ab-pause-scrolling');
    expect(doc.body.className).toBe('ab-pause-scrolling');

    const login = loadFixture('lookalike-login.html');
    const prompt = login.createElement('div');
    prompt.className = 'onesignal-slidedown-container';
    login.body.append(prompt);
    suppressor = createLiveSuppressor(login);
    suppressor.apply(ON);
    expect(login.body.className).toBe('modal-open');
    expect(login.body.style.overflow).toBe('hidden');
  });

  test('a lock the page sets later for itself (its menu, the reader) is left alone while a prompt sits hidden', async () => {
    const doc = loadFixture('generic-notification-dialog.html');
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    expect(doc.body.getAttribute('style')).toBe('');
    doc.documentElement.style.setProperty('overflow', 'hidden', 'important');
    doc.body.classList.add('modal-open');
    await flush();
    expect(doc.documentElement.style.overflow).toBe('hidden');
    expect(doc.body.classList.contains('modal-open')).toBe(true);
  });

  test('a bell or inline widget never takes the page\'s lock away', async () => {
    const doc = loadFixture('onesignal-bell.html');
    doc.body.style.overflow = 'hidden';
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    expect(doc.body.style.overflow).toBe('hidden');
  });

  test('a lock is not put back when the prompt that set it has gone', () => {
    const doc = loadFixture('generic-notification-dialog.html');
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ON);
    for (const el of doc.querySelectorAll('[data-expect="hidden"]')) el.remove();
    suppressor.apply(OFF);
    expect(doc.body.getAttribute('style')).toBe('');
    expect(doc.body.className).toBe('');
  });
});

describe('generic prompt heuristic', () => {
  const box = (html: string) => {
    const el = document.createElement('div');
    el.innerHTML = html;
    return el;
  };
  test.each([
    ['en', "<p>We're happy to send you some reminders. Click 'OK' then 'Allow' to enable notifications.</p><button>OK</button>"],
    ['de', '<p>Benachrichtigungen erlauben?</p><button>Ja</button><button>Nein</button>'],
    ['fr', '<p>Recevoir nos notifications ?</p><button>Oui</button>'],
    ['es', '<p>¿Permitir notificaciones?</p><button>Sí</button>'],
    ['it', '<p>Attiva le notifiche? Ricevere le notificazioni</p><button>Sì</button>'],
    ['pt', '<p>Ativar notificações do site?</p><button>Sim</button>'],
    ['nl', '<p>Meldingen toestaan voor het laatste nieuws?</p><button>Ja</button>'],
    ['pl', '<p>Włącz powiadomienia!</p><button>Tak</button>'],
  ])('recognises a request in %s', (_lang, html) => {
    expect(looksLikeNotificationPrompt(box(html))).toBe(true);
  });
  test.each([
    ['no request', '<p>Notifications</p><ul><li><a href="/1">Anna replied</a></li></ul>'],
    ['no notification word', '<p>Allow all?</p><button>Allow</button>'],
    ['cookie banner', '<p>Allow cookies for alerts</p><button>Allow</button>'],
    ['login form', '<p>Sign in to get notifications</p><input type="password"><button>Go</button>'],
    ['no action', '<p>Notifications enabled. You will receive alerts.</p>'],
    ['too many actions', '<p>Enable notifications</p>' + '<a href="/x">x</a>'.repeat(6)],
    ['a whole article', `<p>Enable notifications</p><button>OK</button><p>${'words '.repeat(120)}</p>`],
  ])('rejects %s', (_what, html) => {
    expect(looksLikeNotificationPrompt(box(html))).toBe(false);
  });
});
