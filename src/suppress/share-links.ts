/**
 * Links whose only job is to share the current page: the most precise signal of share chrome,
 * since share widgets are named differently on every site but must all link to these endpoints.
 */
const SHARE_ENDPOINTS: ReadonlyArray<[host: RegExp, path: RegExp]> = [
  [/(^|\.)facebook\.com$/, /^\/(sharer|share\.php|dialog\/(share|feed|send))/],
  [/(^|\.)(twitter|x)\.com$/, /^\/(intent\/(tweet|post|follow)|share)/],
  [/(^|\.)linkedin\.com$/, /^\/(sharearticle|sharing\/share-offsite|cws\/share)/i],
  [/(^|\.)pinterest\.[a-z.]+$/, /^\/pin\/create/],
  [/(^|\.)reddit\.com$/, /^\/submit/],
  [/^(api\.|web\.)?whatsapp\.com$/, /^\/send/],
  [/^wa\.me$/, /^\//],
  [/^t\.me$/, /^\/share/],
  [/^telegram\.me$/, /^\/share/],
  [/(^|\.)tumblr\.com$/, /^\/(widgets\/share|share)/],
  [/(^|\.)vk\.com$/, /^\/share\.php/],
  [/(^|\.)(getpocket\.com|pocket\.co)$/, /^\/(edit|save)/],
  [/(^|\.)flipboard\.com$/, /^\/bookmarklet/],
  [/^bsky\.app$/, /^\/intent\/compose/],
  [/^news\.ycombinator\.com$/, /^\/submitlink/],
  [/(^|\.)threads\.(net|com)$/, /^\/intent\/post/],
  [/(^|\.)addtoany\.com$/, /^\/(add_to|share)/],
];

export function isShareLink(href: string): boolean {
  const value = href.trim();
  if (/^mailto:\?/i.test(value) || /^mailto:[^?]*\?(.*&)?(subject|body)=/i.test(value) && /(body|subject)=[^&]*(https?%3A|https?:)/i.test(value)) {
    return true;
  }
  if (/^(whatsapp|sms|fb-messenger|tg):/i.test(value)) return true;
  let url: URL;
  try {
    url = new URL(value, 'https://invalid.example/');
  } catch {
    return false;
  }
  if (url.hostname === 'invalid.example') return false;
  const host = url.hostname.replace(/^www\.|^m\./, '');
  return SHARE_ENDPOINTS.some(([h, p]) => h.test(host) && p.test(url.pathname));
}
