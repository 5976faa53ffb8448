import { describe, expect, test } from 'vitest';
import { guardPlan, WEB_PAGES } from '../../src/guard/guard-plan.ts';
import { parseSettings } from '../../src/settings/schema.ts';

const settings = (raw: object) => parseSettings({ version: 1, ...raw });

describe('where the native guard is registered', () => {
  test('by default: every web page', () => {
    expect(guardPlan(parseSettings(undefined))).toEqual({ matches: WEB_PAGES, excludeMatches: [] });
  });
  test('sites switched off are excluded; sites switched on or left alone change nothing', () => {
    const plan = guardPlan(settings({ sites: {
      'mail.example.com': { suppress: { notificationPrompts: false } },
      'news.example': { suppress: { notificationPrompts: true } },
      'chat.example': { suppress: { shareButtons: false } },
    } }));
    expect(plan).toEqual({ matches: WEB_PAGES, excludeMatches: ['*://mail.example.com/*'] });
  });
  test('off everywhere: unregistered, unless some sites were switched on', () => {
    expect(guardPlan(settings({ suppress: { notificationPrompts: false, shareButtons: true } }))).toBeUndefined();
    expect(guardPlan(settings({ suppress: { notificationPrompts: false, shareButtons: true }, sites: {
      'b.example': { suppress: { notificationPrompts: true } }, 'a.example': { suppress: { notificationPrompts: true } },
      'c.example': { suppress: { notificationPrompts: false } },
    } }))).toEqual({ matches: ['*://a.example/*', '*://b.example/*'], excludeMatches: [] });
  });
  test('a host that would make an invalid match pattern is skipped, not fatal', () => {
    const plan = guardPlan(settings({ sites: { '..': { suppress: { notificationPrompts: false } }, '-a.example': { suppress: { notificationPrompts: false } }, 'ok.example': { suppress: { notificationPrompts: false } } } }));
    expect(plan?.excludeMatches).toEqual(['*://ok.example/*']);
  });
});
