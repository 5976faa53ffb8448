// @vitest-environment jsdom
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createLiveSuppressor, type LiveSuppressor } from '../../src/suppress/live-suppressor.ts';
import { RULES } from '../../src/suppress/rules.ts';
import { FIXTURE_DIR, fixtureNames, isHidden, loadLiveFixture, shownElements } from '../fixtures/suppress/load-fixture.ts';

const ALL_ON = { notificationPrompts: true, shareButtons: true };
let suppressor: LiveSuppressor | undefined;
afterEach(() => suppressor?.release());

describe('rules data', () => {
  test('ids are unique and every rule has selectors or a heuristic', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) expect(rule.selectors?.length || rule.heuristic, rule.id).toBeTruthy();
  });

  test('every selector is valid CSS', () => {
    for (const rule of RULES) for (const s of rule.selectors ?? []) expect(() => document.querySelector(s), `${rule.id}: ${s}`).not.toThrow();
  });

  test('every rule has a fixture and every vendor fixture belongs to a rule', () => {
    for (const rule of RULES) expect(existsSync(join(FIXTURE_DIR, rule.fixture)), rule.fixture).toBe(true);
    const owned = new Set(RULES.map((r) => r.fixture));
    for (const name of fixtureNames()) if (!name.startsWith('lookalike-') && !name.startsWith('regression-')) expect(owned.has(name), name).toBe(true);
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('rule %s on its fixture', (_id, rule) => {
  test('the rule alone hides every target', () => {
    const doc = loadLiveFixture(rule.fixture, [rule]);
    const targets = [...doc.querySelectorAll('[data-expect="hidden"]')];
    expect(targets.length).toBeGreaterThan(0);
    suppressor = createLiveSuppressor(doc, [rule]);
    suppressor.apply(ALL_ON);
    suppressor.flush();
    for (const el of targets) expect(isHidden(el), el.outerHTML.slice(0, 80)).toBe(true);
    expect(suppressor.receipt()[rule.kind]).toBeGreaterThan(0);
  });

  test('all rules together hide nothing but the targets', () => {
    const doc = loadLiveFixture(rule.fixture);
    const before = new Set(shownElements(doc));
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ALL_ON);
    suppressor.flush();
    // `bar`: a box of the rule's widgets, hidden whole by the share-bar finder once the rule has hidden its widgets.
    const lost = [...before].filter((el) => isHidden(el) && !el.closest('[data-expect="hidden"], [data-expect="bar"]'));
    expect(lost.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
    for (const el of doc.querySelectorAll('[data-expect="bar"]')) expect(isHidden(el), el.outerHTML.slice(0, 80)).toBe(true);
    for (const el of doc.querySelectorAll('[data-expect="visible"]')) expect(isHidden(el)).toBe(false);
  });
});

describe.each(fixtureNames().filter((f) => f.startsWith('lookalike-')))('look-alike %s', (name) => {
  test('nothing legitimate is hidden and nothing is counted', () => {
    const doc = loadLiveFixture(name);
    const before = shownElements(doc);
    const attrs = [doc.documentElement, doc.body].map((el) => [el.className, el.getAttribute('style')]);
    suppressor = createLiveSuppressor(doc);
    suppressor.apply(ALL_ON);
    suppressor.flush();
    expect(before.filter(isHidden).map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
    expect(suppressor.receipt()).toEqual({ notificationPrompts: 0, shareButtons: 0 });
    expect([doc.documentElement, doc.body].map((el) => [el.className, el.getAttribute('style')])).toEqual(attrs);
  });
});
