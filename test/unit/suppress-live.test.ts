// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HIDDEN_ATTR, KEEP_ATTR, OFF_ATTR, type LiveSuppressor } from '../../src/suppress/live-suppressor.ts';
import { isHidden, loadLiveFixture } from '../fixtures/suppress/load-fixture.ts';
import { controlled, OFF, ON } from './suppress-test-kit.ts';

let suppressor: LiveSuppressor | undefined;
afterEach(() => {
  suppressor?.release();
  vi.restoreAllMocks();
});

describe('late prompts', () => {
  test('a vendor prompt inserted by script is hidden by the stylesheet at once, and counted once looked at', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    live.suppressor.flush();
    const late = doc.createElement('div');
    late.id = 'onesignal-slidedown-container';
    late.innerHTML = '<div id="onesignal-slidedown-dialog">We would like to send you notifications.<button>Allow</button></div>';
    doc.body.append(late);
    expect(isHidden(late)).toBe(true); // by the stylesheet alone, before any script of ours ran
    await live.settle();
    expect(suppressor.entries().map((e) => [e.kind, e.rule, e.vendor])).toEqual([['notificationPrompts', 'onesignal-slidedown', 'OneSignal']]);
  });

  test('a site-made prompt filled in later is found when its text arrives', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    const shell = doc.createElement('div');
    shell.style.position = 'fixed';
    doc.body.append(shell);
    await live.settle();
    shell.innerHTML = '<p>Never miss a story: allow notifications from the Herald.</p><button>Allow</button><button>Later</button>';
    await live.settle();
    expect(shell.getAttribute(HIDDEN_ATTR)).toBe('notificationPrompts');
    expect(isHidden(shell)).toBe(true);
    expect(suppressor.receipt()).toEqual({ notificationPrompts: 1, shareButtons: 0 });
  });

  test('share bars added later are hidden; embeds added later are not', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    const bar = doc.createElement('div');
    bar.innerHTML = '<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fherald.example%2Fx">f</a><a href="https://x.com/intent/post?url=https%3A%2F%2Fherald.example%2Fx">x</a>';
    const embed = doc.createElement('blockquote');
    embed.className = 'twitter-tweet';
    embed.innerHTML = '<p>hi <a href="https://twitter.com/intent/tweet?url=https://a.example">a</a> <a href="https://twitter.com/intent/tweet?url=https://b.example">b</a></p>';
    doc.querySelector('article')!.append(bar, embed);
    await live.settle();
    expect(isHidden(bar)).toBe(true);
    expect(isHidden(embed)).toBe(false);
    expect(suppressor.receipt().shareButtons).toBe(1);
  });

  // Regression: the stylesheet hid the AMP buttons, and a dock holding hidden buttons was never looked at as a bar.
  test('a fixed dock of AMP share buttons added later is hidden whole, not left as an empty strip; bringing it back brings its buttons', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    live.suppressor.flush();
    const dock = doc.createElement('nav');
    dock.setAttribute('style', 'position: fixed; top: 0; left: 0; right: 0; background: #222; padding: 4px');
    dock.innerHTML = '<amp-social-share type="linkedin"></amp-social-share><amp-social-share type="pinterest"></amp-social-share><span>12</span><amp-social-share type="line"></amp-social-share>';
    doc.body.append(dock);
    await live.settle();
    expect(isHidden(dock)).toBe(true);
    const entries = suppressor.entries();
    expect(entries.map((e) => [e.rule, e.where])).toEqual([['share-link-cluster', 'pinned to the top of the window']]);
    expect(suppressor.restore(entries[0]!.id)).toBe(true);
    expect([dock, ...dock.querySelectorAll('amp-social-share')].some(isHidden)).toBe(false);
    expect(suppressor.entries()).toEqual([]);
  });
});

describe('cost', () => {
  test('one MutationObserver for the page\'s life; the callback only queues, the looking waits for idle time', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    const win = doc.defaultView! as Window & typeof globalThis;
    const Real = win.MutationObserver;
    let made = 0;
    win.MutationObserver = class extends Real { constructor(cb: MutationCallback) { super(cb); made += 1; } };
    try {
      const live = controlled(doc);
      suppressor = live.suppressor;
      suppressor.apply(ON);
      suppressor.apply({ notificationPrompts: false, shareButtons: true });
      suppressor.apply(ON);
      live.suppressor.flush();
      const styles = vi.spyOn(win, 'getComputedStyle');
      const prompt = doc.createElement('div');
      prompt.style.position = 'fixed';
      prompt.innerHTML = '<p>Allow notifications?</p><button>Yes</button>';
      doc.body.append(prompt);
      await Promise.resolve();
      expect(styles).not.toHaveBeenCalled(); // nothing looked at inside the observer's callback
      expect(prompt.hasAttribute(HIDDEN_ATTR)).toBe(false);
      live.suppressor.flush();
      expect(prompt.hasAttribute(HIDDEN_ATTR)).toBe(true);
      expect(made).toBe(1);
    } finally {
      win.MutationObserver = Real;
    }
  });

  test('a page without anything prompt-like or share-like costs no style reads, however much it changes', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    live.suppressor.flush();
    const styles = vi.spyOn(doc.defaultView!, 'getComputedStyle');
    for (let i = 0; i < 200; i++) {
      const p = doc.createElement('p');
      p.textContent = `Live ticker line ${i}: the score is still nil-nil.`;
      doc.querySelector('article')!.append(p);
    }
    await live.settle();
    expect(styles).not.toHaveBeenCalled();
  });

  test('a page that mutates without pause is looked at in bounded batches, then only once a second', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    // Every reading of the clock is half a millisecond of work.
    let t = 0;
    const idle: (() => void)[] = [];
    const later: number[] = [];
    const { createLiveSuppressor } = await import('../../src/suppress/live-suppressor.ts');
    suppressor = createLiveSuppressor(doc, undefined, {
      now: () => (t += 0.5),
      idle: (work) => idle.push(() => work({ timeRemaining: () => 50 })),
      later: (work, ms) => { later.push(ms); work(); },
    });
    suppressor.apply(ON);
    const article = doc.querySelector('article')!;
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 100; i++) article.append(doc.createElement('span'));
      await Promise.resolve();
      const batch = idle.shift();
      if (!batch) break;
      const before = t;
      batch();
      expect(t - before).toBeLessThan(20); // one batch is bounded, however much is waiting
    }
    expect(later.length).toBeGreaterThan(0); // and then the page is made to wait
    expect(later.every((ms) => ms >= 1000)).toBe(true);
  });
});

describe('undo', () => {
  test('switching off brings back every prompt, share bar and scroll lock exactly', () => {
    const doc = loadLiveFixture('generic-notification-dialog.html');
    const bodyAttrs = [doc.body.className, doc.body.getAttribute('style')];
    const prompts = [...doc.querySelectorAll('[data-expect="hidden"]')];
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    live.suppressor.flush();
    expect(prompts.every(isHidden)).toBe(true);
    expect(doc.body.classList.contains('no-scroll')).toBe(false);
    expect(doc.body.style.overflow).toBe('');
    expect(suppressor.receipt().notificationPrompts).toBe(5);

    suppressor.apply(OFF);
    expect(prompts.some(isHidden)).toBe(false);
    expect([doc.body.className, doc.body.getAttribute('style')]).toEqual(bodyAttrs);
    expect(doc.querySelector(`[${HIDDEN_ATTR}]`)).toBeNull();
    expect(doc.documentElement.getAttribute(OFF_ATTR)).toBe('notificationPrompts shareButtons');
    expect(suppressor.receipt()).toEqual({ notificationPrompts: 0, shareButtons: 0 });

    suppressor.apply(ON);
    live.suppressor.flush();
    expect(doc.documentElement.hasAttribute(OFF_ATTR)).toBe(false);
    expect(prompts.every(isHidden)).toBe(true);
  });

  test('kinds are independent: prompts off keeps share bars hidden, and vendor rules step aside per kind', () => {
    const doc = loadLiveFixture('share-link-cluster.html');
    const bars = [...doc.querySelectorAll('[data-expect="hidden"]')];
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    suppressor.apply({ notificationPrompts: false, shareButtons: true });
    live.suppressor.flush();
    expect(bars.every(isHidden)).toBe(true);
    suppressor.apply({ notificationPrompts: true, shareButtons: false });
    expect(bars.some(isHidden)).toBe(false);

    const vendor = loadLiveFixture('addtoany.html');
    const kits = [...vendor.querySelectorAll('.a2a_kit')];
    const other = controlled(vendor);
    other.suppressor.apply({ notificationPrompts: true, shareButtons: false });
    expect(kits.some(isHidden)).toBe(false);
    other.suppressor.apply(ON);
    expect(kits.every(isHidden)).toBe(true);
    other.suppressor.release();
  });

  test('each hidden thing can be brought back on its own, with the lock it set, and stays back', async () => {
    const doc = loadLiveFixture('generic-notification-dialog.html');
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    live.suppressor.flush();
    const entries = suppressor.entries();
    const soft = entries.find((e) => /Click 'OK'/.test(e.label))!;
    expect(soft).toMatchObject({ kind: 'notificationPrompts', rule: 'generic-notification-dialog', vendor: 'site-made', where: 'pinned to the top of the window' });
    expect(suppressor.restore(soft.id)).toBe(true);
    const el = doc.querySelector('.soft-ask')!;
    expect(isHidden(el)).toBe(false);
    expect(el.hasAttribute(KEEP_ATTR)).toBe(true);
    expect(suppressor.entries().map((e) => e.id)).not.toContain(soft.id);
    expect(suppressor.entries()).toHaveLength(entries.length - 1);
    // The others stay hidden, and a later look does not hide it again.
    expect(isHidden(doc.querySelector('.hinweis')!)).toBe(true);
    live.suppressor.rescan();
    expect(isHidden(el)).toBe(false);
    expect(suppressor.restore(soft.id)).toBe(false);
  });

  test('a vendor widget brought back stays back, though the stylesheet matches it', () => {
    const doc = loadLiveFixture('addtoany.html');
    const live = controlled(doc);
    suppressor = live.suppressor;
    suppressor.apply(ON);
    const [first] = suppressor.entries();
    suppressor.restore(first!.id);
    expect(isHidden(doc.querySelector('.a2a_kit')!)).toBe(false);
    expect(isHidden(doc.querySelectorAll('.a2a_kit')[1]!)).toBe(true);
  });
});

describe('generic prompt wording', () => {
  const box = (html: string) => {
    const el = document.createElement('div');
    el.innerHTML = html;
    return el;
  };
  test.each([
    ['en', "<p>We're happy to send you some reminders. Click 'OK' then 'Allow' to enable notifications.</p><button>OK</button>"],
    ['de', '<p>Benachrichtigungen erlauben?</p><button>Ja</button><button>Nein</button>'],
    ['de, compound', '<p>Pushbenachrichtigungen zu Eilmeldungen aktivieren?</p><button>Aktivieren</button>'],
    ['fr', '<p>Recevoir nos notifications ?</p><button>Oui</button>'],
    ['es', '<p>¿Permitir notificaciones?</p><button>Sí</button>'],
    ['it', '<p>Attiva le notifiche per non perdere le ultime notizie</p><button>Consenti</button>'],
    ['pt', '<p>Ativar notificações do site?</p><button>Sim</button>'],
    ['nl', '<p>Meldingen toestaan voor het laatste nieuws?</p><button>Ja</button>'],
    ['pl', '<p>Włącz powiadomienia!</p><button>Tak</button>'],
    ['tr', '<p>Son dakika haberleri için bildirimlere izin ver</p><button>İzin ver</button><button>Daha sonra</button>'],
    ['ja', '<p>最新ニュースの通知を受け取りますか？</p><button>許可する</button><button>後で</button>'],
    ['zh', '<p>是否允许我们向您推送最新新闻通知？</p><button>允许</button><button>以后再说</button>'],
  ])('recognises a request in %s', async (_lang, html) => {
    const { looksLikeNotificationPrompt } = await import('../../src/suppress/prompt-finder.ts');
    expect(looksLikeNotificationPrompt(box(html))).toBe(true);
  });
  test.each([
    ['no request', '<p>Notifications</p><ul><li><a href="/1">Anna replied</a></li></ul>'],
    ['no notification word', '<p>Allow all?</p><button>Allow</button>'],
    ['cookie banner', '<p>Allow cookies for alerts</p><button>Allow</button>'],
    ['login form', '<p>Sign in to get notifications</p><input type="password"><button>Go</button>'],
    ['sign-in modal without fields', '<p>Sign in to follow topics and get alerts for new stories.</p><button>Sign in</button><button>Create account</button>'],
    ['paywall', '<p>Subscribe for unlimited access and breaking news alerts. Only €1 for the first month.</p><button>Subscribe</button><button>Log in</button>'],
    ['age gate', '<p>Are you over 18? Confirm your age to get alerts about new releases.</p><button>Yes</button><button>No</button>'],
    ['newsletter', '<p>Get our morning alerts by e-mail</p><input type="email" placeholder="Your e-mail"><button>Sign up</button>'],
    ['settings panel with a checkbox', '<p>Notification settings: enable notifications for replies</p><input type="checkbox"><button>Save</button>'],
    ['no action', '<p>Notifications enabled. You will receive alerts.</p>'],
    ['too many actions', '<p>Enable notifications</p>' + '<a href="/x">x</a>'.repeat(5)],
    ['a whole article', `<p>Enable notifications</p><button>OK</button><p>${'words '.repeat(120)}</p>`],
    // Regression: "aktivieren" also matched inside "deaktivieren".
    ['de, switching off', '<p>Benachrichtigungen deaktivieren</p><button>Deaktivieren</button>'],
    ['de, settings that only say "deaktiviert"', '<p>Push-Mitteilungen sind deaktiviert.</p><button>Einstellungen</button>'],
  ])('rejects %s', async (_what, html) => {
    const { looksLikeNotificationPrompt } = await import('../../src/suppress/prompt-finder.ts');
    expect(looksLikeNotificationPrompt(box(html))).toBe(false);
  });
});
