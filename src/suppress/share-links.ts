/**
 * Links whose only job is to share the current page, recognised by the shape of their URL rather
 * than a list of endpoints: a share action has a share-like path (share, sharer, intent/tweet,
 * submit, pin/create, send, offer, bookmarklet…) or lives on a network's host, and it carries
 * what is shared (a URL, a title, a text) in its query. Every network builds its endpoint this
 * way, including the ones nobody listed (ok.ru offer, xing spi/shares, twitter home?status=,
 * mix add, skype share, yummly urb/verify).
 */

/** Path words of share endpoints. */
const SHARE_PATH = /(?:^|[/_.-])(?:share|sharer|sharing|shares|sharearticle|share-offsite|intent|submit|submitlink|pin|send|compose|offer|bookmarklet|bookmark|addtoany|add_to|add|save|urb|post|widgets?|spi|msg|plugins)(?:$|[/_.?-])/i;
/** Query parameters that carry what is shared. */
const PAYLOAD_PARAM = /^(?:u|url|uri|link|href|text|status|body|title|summary|source|media|description|caption|content|msg|message|t|text_content|share_url|shareurl|canonicalurl|sharedurl|subject|quote|mini)$/i;
const URL_IN_TEXT = /https?(?::|%3a)(?:\/|%2f){2}/i;
/** Hosts that are networks (or share services) whatever the path: the query decides. */
const NETWORK_HOST = /(?:^|\.)(?:facebook|fb|twitter|x|linkedin|pinterest|reddit|tumblr|vk|ok|odnoklassniki|xing|mix|stumbleupon|skype|yummly|telegram|t|whatsapp|wa|line|weibo|qzone|douban|naver|kakao|getpocket|pocket|flipboard|digg|delicious|evernote|blogger|buffer|bsky|threads|plus\.google|instapaper|tumblr|addtoany|sharethis|addthis|shareaholic|viber|messenger|news\.ycombinator|hatena|mastodon)\.[a-z.]+$/i;
/** App schemes, when they carry a message (the same schemes with a phone number are a contact link). */
const SHARE_SCHEME = /^(?:(?:whatsapp|viber|line|skype):[^?]*\?(?:.*&)?(?:text|url)=|sms:[^?]*[?&]body=|tg:\/\/msg_url|fb-messenger:\/\/share)/i;
/**
 * Paths that on a network's host are a share action by themselves, even before the page's
 * script fills in what to share (`twitter.com/share`, `sharer.php?u=`, `pin/create/button/`).
 */
const STRONG_SHARE_PATH = /(?:^|\/)(?:sharer(?:\.php)?|share(?:\.php)?|sharearticle|share-offsite|bookmark(?:\.php)?|bookmarklet(?:\/popout)?|submit(?:link)?|offer|addtoany)\/?$|\/intent\/(?:tweet|post|compose)|\/pin\/(?:create|find)|\/spi\/shares|\/dialog\/(?:share|feed|send)|\/cws\/share|\/widgets\/share/i;
/** Cheap first look, so the thousand ordinary links of a page are never parsed. */
const MAYBE = /share|sharer|intent|submit|pin|send|offer|status=|text=|url=|u=|bookmark|add|save|post|:\/\/(?:[^/]*\.)?(?:wa\.me|t\.me)|^(?:whatsapp|sms|fb-messenger|tg|viber|line|skype|mailto):/i;

export function isShareUrl(href: string, pageHost = ''): boolean {
  const value = href.trim();
  if (!value || !MAYBE.test(value)) return false;
  if (/^mailto:/i.test(value)) return /[?&](?:subject|body)=/i.test(value) && (/^mailto:\?/i.test(value) || URL_IN_TEXT.test(value));
  if (SHARE_SCHEME.test(value)) return true;
  let url: URL;
  try {
    url = new URL(value, 'https://invalid.example/');
  } catch {
    return false;
  }
  if (url.hostname === 'invalid.example' || !/^https?:$/.test(url.protocol)) return false;
  const host = url.hostname.replace(/^(?:www|m|mobile|web|api|connect|social-plugins|share)\./, '');
  let payload = false;
  let urlPayload = URL_IN_TEXT.test(url.pathname) && url.pathname.indexOf('http') > 0;
  for (const [key, v] of url.searchParams) {
    if (PAYLOAD_PARAM.test(key) && v) payload = true;
    if (URL_IN_TEXT.test(v) || (pageHost && v.includes(pageHost))) urlPayload = true;
  }
  // wa.me/<number>?text=… and t.me/share/url?url=…: hosts that exist only to receive a message.
  if (/^(?:wa\.me|t\.me|telegram\.me)$/.test(host)) return payload || urlPayload;
  const path = url.pathname + (url.hash ? '' : '');
  const sharePath = SHARE_PATH.test(path);
  const network = NETWORK_HOST.test(host);
  if (network) return STRONG_SHARE_PATH.test(url.pathname) || (sharePath && (payload || urlPayload)) || (urlPayload && payload);
  // Any other host: a share path and something shared, and the shared thing is a page.
  return sharePath && payload && urlPayload && (!pageHost || host !== pageHost.replace(/^www\./, '') || /share/i.test(path));
}

/** Links that belong in a share bar without being share endpoints themselves. */
export type BarLink = 'share' | 'mail' | 'inert' | 'utility' | 'other';

const INERT = /^(?:#.*|javascript:.*|)$/i;
const UTILITY_PATH = /\/cdn-cgi\/l\/email-protection|(?:^|\/)(?:feed|rss|atom)(?:\/|\.xml|$)|\.rss$|[?&]print=|\/print(?:\/|$)|#comments?$|#respond$|#disqus_thread$/i;

/** What a link in a would-be share bar does. */
export function barLinkKind(href: string, pageHost = ''): BarLink {
  const value = href.trim();
  if (isShareUrl(value, pageHost)) return 'share';
  if (/^mailto:/i.test(value)) return 'mail';
  if (UTILITY_PATH.test(value)) return 'utility';
  if (INERT.test(value)) return 'inert';
  return 'other';
}

/** The same test for callers without a page (the reader's clean-up of an extracted article). */
export const isShareLink = (href: string): boolean => isShareUrl(href);
