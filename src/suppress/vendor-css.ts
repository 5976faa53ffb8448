/**
 * The one stylesheet that hides vendor clutter, built from the rules at build time and shipped as
 * the content script's CSS, so the browser applies it before the page's first paint, in every
 * frame, with no script time at all. Each kind steps aside when switched off (an attribute on
 * <html>), an element the user brought back stays (KEEP_ATTR), and a match with content inside is
 * never hidden (CONTENT_CSS). Heuristic finds are marked with HIDDEN_ATTR and hidden by the same
 * sheet.
 */
import { SUPPRESSION_KINDS } from '../settings/site-entries.ts';
import type { SuppressionKind } from '../settings/schema.ts';
import { CONTENT_CSS } from './content-guard.ts';
import { HIDDEN_ATTR, KEEP_ATTR, OFF_ATTR } from './marks.ts';
import type { SuppressionRule } from './rules.ts';

export { HIDDEN_ATTR, KEEP_ATTR, OFF_ATTR } from './marks.ts';

export const HIDE = 'display: none !important;';

export function vendorSelector(kind: SuppressionKind, rules: readonly SuppressionRule[]): string {
  const selectors = rules.filter((r) => r.kind === kind && r.selectors && !r.onlyIfAsking).flatMap((r) => r.selectors!);
  return selectors.length ? `:is(${selectors.join(', ')})` : '';
}

/**
 * The stylesheet text: one rule per kind and one for marked elements, so a browser that rejects
 * one rule keeps the others; inside a rule, `:is()` is forgiving, so one selector a browser does
 * not know cannot void the rest.
 */
export function vendorCss(rules: readonly SuppressionRule[]): string {
  const selectors = SUPPRESSION_KINDS.flatMap((kind) => {
    const match = vendorSelector(kind, rules);
    const content = CONTENT_CSS[kind === 'shareButtons' ? 'share' : 'prompt'];
    return match ? [`:root:not([${OFF_ATTR}~="${kind}"]) ${match}:not([${KEEP_ATTR}]):not(:has(${content}))`] : [];
  });
  return [...selectors, `[${HIDDEN_ATTR}]:not([${KEEP_ATTR}])`].map((s) => `${s} { ${HIDE} }\n`).join('');
}

/**
 * The same rule as a user stylesheet (scripting.insertCSS, origin USER), asked for only when a
 * page's own `!important` (inline or more specific) keeps an element on screen: a user sheet's
 * `!important` wins over every author rule.
 */
export const FORCE_CSS = `[${HIDDEN_ATTR}]:not([${KEEP_ATTR}]) { ${HIDE} }`;
