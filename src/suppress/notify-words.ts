/**
 * Names for notifications in the languages sites write prompts in: the one piece of prompt
 * wording the always-on script needs, to tell whether anything prompt-like appeared at all. The
 * rest of the wording (prompt-words.ts) loads with the finders.
 */

const LETTER_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';

/** A regex of word starts (`starts`), whole words (`words`) and unbounded fragments (`anywhere`). */
export function lexicon(starts: string[], words: string[] = [], anywhere: string[] = []): RegExp {
  const parts = [
    starts.length ? `${LETTER_BEFORE}(?:${starts.join('|')})` : '',
    words.length ? `${LETTER_BEFORE}(?:${words.join('|')})(?![\\p{L}\\p{M}\\p{N}])` : '',
    anywhere.length ? `(?:${anywhere.join('|')})` : '',
  ].filter(Boolean);
  return new RegExp(parts.join('|'), 'iu');
}

/** Names for notifications. German nouns are compounded freely ("Pushbenachrichtigungen"), so they match anywhere. */
export const NOTIFY = lexicon(
  [
    'notif', 'alerts?', 'reminders?', // en (notification, notified), fr/it/es/pt (notification, notifica, notificación, notificação)
    'alertes?', 'alertas?', 'avisos', // fr, es, pt
    'melding', 'notificatie', 'pushbericht', // nl
    'powiadom', // pl (powiadomienia, powiadomień)
    'bildirim', // tr
    'уведомлен', // ru
  ],
  ['push'],
  ['benachrichtigung', 'mitteilungen', 'push-nachricht', 'pushnachricht', 'eilmeldung', '通知', 'プッシュ', '推送', '提醒', '알림'],
);


/**
 * Longer than any line a prompt shows. Text beyond it is an article's paragraph (or a hostile
 * page's megabytes), and running the lexicon over it costs seconds on a big page.
 */
export const MAX_PROMPT_LINE = 2_000;

/** Whether any short text under `root` names notifications; long runs of text are not read. */
export function mentionsNotifications(root: Node): boolean {
  if (root.nodeType === 3) return (root as Text).length <= MAX_PROMPT_LINE && NOTIFY.test((root as Text).data);
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const from = root.nodeType === 9 ? (root as Document).body : root;
  if (!doc || !from) return false;
  const walker = doc.createTreeWalker(from, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (n.length <= MAX_PROMPT_LINE && NOTIFY.test(n.data)) return true;
  }
  return false;
}
