/**
 * What the benchmark reads in the page (run in the page's own world): the share links a reader
 * can see. The list of share endpoints here is the benchmark's own, written independently of the
 * extension's URL-shape rules, so that it measures them rather than repeats them.
 */

/** Known share endpoints of the networks, old and new, and the share schemes. */
export const REFERENCE_SHARE = new RegExp([
  'facebook\\.com/(?:sharer|share\\.php|dialog/(?:share|feed|send))', '(?:twitter|x)\\.com/(?:intent/(?:tweet|post)|share\\b|home\\?status=)',
  'linkedin\\.com/(?:sharearticle|sharing/share-offsite|cws/share)', 'pinterest\\.[a-z.]+/pin/(?:create|find)', 'reddit\\.com/submit',
  'whatsapp\\.com/send\\?(?:.*&)?text=', '//wa\\.me/[^?]*\\?(?:.*&)?text=', '//t(?:elegram)?\\.me/share', 'tumblr\\.com/(?:widgets/share|share)', 'vk\\.com/share\\.php',
  '(?:getpocket\\.com|pocket\\.co)/(?:edit|save)', 'flipboard\\.com/bookmarklet', 'bsky\\.app/intent/compose', 'news\\.ycombinator\\.com/submitlink',
  'threads\\.(?:net|com)/intent/post', 'addtoany\\.com/(?:add_to|share)', 'addthis\\.com/bookmark', 'sharethis\\.com/share', 'plus\\.google\\.com/share',
  'ok\\.ru/(?:offer|dk\\?st\\.cmd=addshare)', 'xing\\.com/(?:spi/shares|social/share|app/user\\?op=share)', 'mix\\.com/add', 'stumbleupon\\.com/submit',
  'skype\\.com/share', 'yummly\\.com/urb/verify', 'line\\.me/(?:r/msg|lineit/share)', 'weibo\\.com/share', 'digg\\.com/submit', 'buffer\\.com/add',
  'evernote\\.com/clip', '^mailto:\\?', '^mailto:[^?]*\\?(?:.*&)?body=[^&]*http', '^whatsapp:[^?]*\\?(?:.*&)?text=', '^sms:[^?]*[?&]body=', '^fb-messenger:', '^viber:[^?]*\\?(?:.*&)?text=',
].join('|'), 'i');

/**
 * In the page: share links a reader can see (rendered, with a box, not transparent). Kept as
 * source text: the script runner's transpiler would add helpers the page does not have.
 */
export const VISIBLE_SHARE_LINKS = `(() => {
  const re = new RegExp(${JSON.stringify('PATTERN')}, 'i');
  let visible = 0, total = 0;
  for (const a of document.querySelectorAll('a[href]')) {
    if (!re.test(a.getAttribute('href') || '')) continue;
    total += 1;
    const shown = a.checkVisibility ? a.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : true;
    const r = a.getBoundingClientRect();
    if (shown && r.width > 0 && r.height > 0) visible += 1;
  }
  return { visible, total };
})()`.replace('"PATTERN"', JSON.stringify(REFERENCE_SHARE.source));
