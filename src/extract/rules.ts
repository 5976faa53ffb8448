/**
 * The extraction pipeline's rules by name, so the benchmark can switch each one off in turn and
 * measure what it is worth on pages it was not designed on (`npm run bench:extract -- --ablate all`).
 * Every rule here has to pay its way on the validation part of at least two corpora
 * (BENCHMARKS.md, ablation table); the reader always runs with all of them on.
 */
export const RULE_NAMES = [
  // Body: choosing the root.
  'container-fallback',
  'fallback-guard',
  'prune-broad-root',
  // Body: clean-up.
  'share-links',
  'chrome-blocks',
  'signup-forms',
  'prompt-lines',
  'credit-lines',
  'trailing-sections',
  'teaser-links',
  'leading-meta',
  'byline-block',
  'headline-copy',
  'duplicate-dek-date',
  'placeholder-images',
  'caption-controls',
  'edit-links',
  'empty-wrappers',
  // Body: gate.
  'word-floor',
  // Title.
  'title-h1-agreement',
  'title-kicker',
  'title-lone-h1',
  'title-site-name',
  'title-canonical-host',
  // Author.
  'author-person-first',
  'author-structure',
  'author-visible-text',
  'author-signoff',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

export interface Rules {
  on(name: RuleName): boolean;
}

export const ALL_RULES: Rules = { on: () => true };

export function rulesWithout(disabled: ReadonlySet<string> | undefined): Rules {
  if (!disabled || disabled.size === 0) return ALL_RULES;
  return { on: (name) => !disabled.has(name) };
}
