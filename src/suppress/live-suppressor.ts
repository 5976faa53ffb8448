/**
 * Hides clutter on the live page with one stylesheet, so prompts inserted later by script are
 * hidden the moment they appear, without polling. Switching a kind off removes its rules again:
 * the page gets back exactly what it had.
 */
import type { SuppressionChoices, SuppressionKind } from '../settings/schema.ts';
import { emptyReceipt, type SuppressionReceipt } from './receipt.ts';
import { RULES, type SuppressionRule } from './rules.ts';

export const STYLE_ATTR = 'data-clearread-suppress';

export interface LiveSuppressor {
  apply(choices: SuppressionChoices): void;
  receipt(): SuppressionReceipt;
  release(): void;
}

function cssFor(rules: readonly SuppressionRule[], choices: SuppressionChoices): string {
  const selectors = rules.filter((r) => choices[r.kind]).flatMap((r) => r.selectors);
  return selectors.length ? `${selectors.join(',\n')} { display: none !important; }` : '';
}

export function createLiveSuppressor(doc: Document, rules: readonly SuppressionRule[] = RULES): LiveSuppressor {
  let style: HTMLStyleElement | undefined;
  let current: SuppressionChoices | undefined;
  return {
    apply(choices) {
      current = choices;
      const css = cssFor(rules, choices);
      if (!css) {
        style?.remove();
        style = undefined;
        return;
      }
      if (!style) {
        style = doc.createElement('style');
        style.setAttribute(STYLE_ATTR, '');
      }
      style.textContent = css;
      if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    },
    receipt() {
      const out = emptyReceipt();
      if (!current) return out;
      const seen = new Set<Element>();
      for (const rule of rules) {
        if (!current[rule.kind]) continue;
        const kind: SuppressionKind = rule.kind;
        for (const el of doc.querySelectorAll(rule.selectors.join(','))) {
          if (seen.has(el)) continue;
          seen.add(el);
          out[kind] += 1;
        }
      }
      return out;
    },
    release() {
      style?.remove();
      style = undefined;
      current = undefined;
    },
  };
}
