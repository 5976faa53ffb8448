/**
 * Cheap metadata signals that a page is an article, read without touching layout. Shared by
 * detection (always on) and extraction (on demand).
 */

/** What pages put between a title's parts: "Headline | Site", "Headline - Site", "Site :: Headline". */
export const TITLE_SEPARATOR = /\s+(?:[|\-–—•·»]|::)\s+/;

/** schema.org types that mean "a piece of writing meant to be read". */
export const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'blogposting', 'reportage', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'scholarlyarticle', 'techarticle', 'socialmediaposting',
  'liveblogposting', 'report', 'posting', 'medicalscholarlyarticle', 'satiricalarticle', 'advertisercontentarticle',
]);

/**
 * The first non-empty content of the named meta tags, in the order the names are given. One pass
 * over the <meta> elements: a selector per name costs a full-document match each in DOM shims.
 */
export function metaContent(doc: Document, ...names: string[]): string | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  let best: string | undefined;
  let bestRank = wanted.length;
  for (const el of doc.getElementsByTagName('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.toLowerCase();
    if (!key) continue;
    const rank = wanted.indexOf(key);
    if (rank < 0 || rank >= bestRank) continue;
    const value = el.getAttribute('content')?.trim();
    if (value) {
      best = value;
      bestRank = rank;
      if (rank === 0) break;
    }
  }
  return best;
}

/** Every JSON-LD object on the page, flattened through arrays and @graph. Broken blocks are skipped. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 4 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    out.push(obj);
    if (Array.isArray(obj['@graph'])) visit(obj['@graph'], depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > 500_000) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // Sites ship invalid JSON-LD often enough; one bad block must not hide the others.
    }
  }
  return out;
}

export function typesOf(obj: Record<string, unknown>): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

export function hasArticleMetadata(doc: Document): boolean {
  const ogType = metaContent(doc, 'og:type')?.toLowerCase();
  if (ogType === 'article' || ogType?.startsWith('article:')) return true;
  return jsonLdObjects(doc).some((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
}

/**
 * Evidence points (0-2) that the page declares itself an article. A JSON-LD article type counts
 * fully. og:type "article" counts fully too, except when the page's own JSON-LD calls it a plain
 * WebPage and no article: SEO plugins (Yoast and the like) stamp og:type "article" on every
 * WordPress page, services and pricing pages included; they add article:published_time only to
 * posts, so with it the og:type is believed.
 */
export function articleEvidence(ogType: string, types: Set<string>, publishedTime: boolean): number {
  if ([...types].some((t) => ARTICLE_TYPES.has(t))) return 2;
  const og = ogType === 'article' || ogType.startsWith('article:');
  if (!og) return 0;
  return types.has('webpage') && !publishedTime ? 0 : 2;
}
