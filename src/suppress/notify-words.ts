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

