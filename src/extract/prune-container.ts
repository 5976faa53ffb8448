/**
 * Prunes a page's own content container (main, article) when it is used as the body instead of
 * Readability's pick: Readability's cleaning never ran on it, so what it would have dropped (menus,
 * forms, link lists, comment threads, author cards) is dropped here.
 */
const NEVER_TEXT =
  'script, style, noscript, template, nav, aside, form, button, select, input, textarea, iframe, svg, footer, [role="navigation"], [role="complementary"], [hidden], [aria-hidden="true"]';
const NOT_ARTICLE = /(^|[\s_-])(comments?|disqus|respond|replies|discussion|related|recent|popular|trending|recommended|more-(posts|stories|articles)|author-?(box|bio|card|info)|bio|about-?(the-)?author|newsletter|subscribe|breadcrumbs?|pagination|widget|sidebar|cta|promo)([\s_-]|$)/i;

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/** Share of an element's text that sits inside links: menus, card grids, "recent articles". */
function linkDensity(el: Element): number {
  const total = textLength(el);
  if (total === 0) return 0;
  let inLinks = 0;
  for (const a of el.getElementsByTagName('a')) inLinks += textLength(a);
  return inLinks / total;
}

export function pruneContainer(root: Element): void {
  for (const el of [...root.querySelectorAll(NEVER_TEXT)]) el.remove();
  for (const el of [...root.querySelectorAll('[id], [class]')]) {
    if (el.isConnected && NOT_ARTICLE.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) el.remove();
  }
  // Bottom-up, so a link list inside an otherwise prose section goes without taking the section.
  const blocks = [...root.querySelectorAll('div, section, ul, ol, table')].reverse();
  for (const el of blocks) {
    if (!el.isConnected) continue;
    const density = linkDensity(el);
    const len = textLength(el);
    if (density > 0.5 || (len < 200 && density > 0.3 && el.getElementsByTagName('a').length >= 3)) el.remove();
  }
}
