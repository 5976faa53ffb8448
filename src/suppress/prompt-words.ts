/**
 * What a notification prompt says, in the languages sites write them in (en, de, fr, es, it, pt,
 * nl, pl, tr, ja, zh, plus ru and ko). Wording is never enough on its own: the prompt finder also
 * asks for a prompt's shape. Words are matched as word starts ("aktivier" matches "aktivieren",
 * not "deaktivieren"); \b knows only ASCII letters, so the boundary here is any non-letter.
 * Scripts without spaces (ja, zh, ko) match anywhere.
 */

import { lexicon } from './notify-words.ts';

export { NOTIFY } from './notify-words.ts';

/** Asking for something: a verb or phrase that invites the reader to say yes. */
export const ASK = lexicon(
  [
    // en
    'allow', 'enable', 'turn on', 'switch on', 'subscribe', 'receive', 'get (?:notified|alerts?|notifications?|reminders?|push|breaking)',
    'never miss', "don[’']t miss", 'stay (?:up to date|updated|informed|in the loop)', 'keep (?:me|you) (?:posted|updated)',
    'would you like', 'do you want', 'want to (?:get|receive|know)', 'opt in', "click '?ok'?",
    // de
    'erlaub', 'zulass', 'zulässt', 'aktivier', 'erhalt', 'erhält', 'abonnier', 'einschalt', 'nichts (?:mehr )?verpass', 'möchten sie', 'wollen sie', 'informiert bleiben',
    // fr
    'autoris', 'activ', 'recev', 'abonn(?:er|ez)', 'accept', 'ne (?:rien )?(?:rater|manquer|manquez)', 'voulez-vous', 'souhaitez', 'restez informé',
    // es
    'permit', 'recib', 'suscrib', 'acept', 'no te pierdas', 'quieres', 'deseas', 'mantente informado',
    // it
    'consent', 'attiv', 'ricev', 'abilit', 'iscriv', 'non perdere', 'vuoi', 'desideri', 'resta aggiornat',
    // pt
    'ativ', 'receb', 'inscrev', 'assin', 'aceit', 'não perca', 'deseja', 'quer receber', 'fique (?:por dentro|informado)',
    // nl
    'toesta', 'inschakel', 'ontvang', 'aanzet', 'zet (?:ze |de |meldingen )?aan', 'aanmeld', 'abonneer', 'mis niets', 'wil je', 'wilt u', 'blijf op de hoogte',
    // pl
    'zezw', 'włącz', 'otrzymuj', 'otrzymywa', 'subskryb', 'nie przegap', 'chcesz', 'bądź na bieżąco',
    // tr
    'izin ver', 'etkinleştir', 'abone ol', 'almak ister', 'kaçırma', 'haberdar ol',
    // ru
    'разреш', 'подпис', 'включ', 'получа',
  ],
  ['allow', 'yes', 'ok', 'ja', 'oui', 'sí', 'si', 'sim', 'tak', 'evet', 'aç', 'açın'],
  ['許可', '受け取', '受信', '有効', 'オンにする', '購読', '允许', '允許', '开启', '開啟', '打开', '打開', '接收', '订阅', '訂閱', '启用', '허용', '받기', '구독'],
);

/**
 * What the page's own dialogs ask about instead: signing in, cookies and consent, age, paid
 * subscriptions, newsletters by e-mail. A box that says any of these is not a notification prompt,
 * even if it mentions alerts.
 */
export const NOT_A_PROMPT = lexicon(
  [
    // sign-in
    'password', 'log ?in', 'sign ?in', 'passwort', 'anmelden mit', 'einloggen', 'mot de passe', 'connectez', 'se connecter', 'contraseña', 'iniciar sesión',
    'accedi', 'entrar', 'inloggen', 'wachtwoord', 'zaloguj', 'hasło', 'giriş yap', 'şifre', 'ログイン', 'パスワード', '登录', '登入', '密码',
    // cookies, consent, privacy
    'cookie', 'privacy', 'gdpr', 'datenschutz', 'einwilligung', 'confidentialit', 'privacidad', 'consentimento', 'toestemming', 'prywatno', 'çerez', 'gizlilik',
    // age gates
    'date of birth', 'your age', 'are you (?:over|at least) \\d', 'years of age', 'geburtsdatum', 'altersverifi', 'mindestens \\d+ jahre', 'date de naissance', 'fecha de nacimiento', 'maggiorenn', 'data di nascita',
    // paid subscriptions, paywalls
    'subscription', 'subscriber', 'unlimited access', 'keep reading', 'continue reading', 'free trial', 'per month', 'a month',
    'abonnement', 'abonnent', 'weiterlesen', 'suscripción', 'suscriptor', 'abbonamento', 'abbonati', 'assinatura', 'assinante',
    'prenumerat', 'abonelik',
    // e-mail newsletters
    'newsletter', 'e-?mail address', 'your e-?mail',
  ],
  ['consent', 'abo', 'abos', 'abonnee', 'abonnees'],
  ['\\d+(?:[.,]\\d\\d)?\\s?(?:€|\\$|£|zł|₺)', '(?:€|\\$|£)\\s?\\d', '/month', '/mo\\b', '会員登録', '订阅会员'],
);

/** Labels of share actions, on buttons and links that carry no share URL (`#`, `javascript:`, a click handler). */
export const SHARE_LABEL = lexicon(
  ['share', 'sharing', 'teil(?:en|e)', 'partag', 'compart', 'condivid', 'udostępn', 'paylaş', 'поделит', 'tweet', 'pin it', 'post to', 'send to', 'save to', 'print', 'drucken', 'imprim', 'stamp', 'kopier'],
  ['delen', 'deel', 'copy', 'copy link', 'copy url', 'copier le lien', 'copiar (?:el )?(?:enlace|link)', 'copia (?:il )?link', 'e-?mail', 'mail', 'flip', 'embed'],
  ['シェア', '共有', '分享', '转发', '공유'],
);

/** Names of the networks, as icon-only buttons name themselves (aria-label, title, class). */
export const NETWORK_NAME = /(?<![\p{L}])(?:facebook|fb|twitter|x\.com|linkedin|whatsapp|pinterest|reddit|telegram|tumblr|vk|vkontakte|xing|ok\.ru|odnoklassniki|weibo|wechat|line|viber|skype|pocket|flipboard|mix|stumbleupon|yummly|bluesky|bsky|threads|mastodon|messenger|hacker ?news|digg|delicious|evernote|blogger|buffer|qzone|douban|naver|kakao|instapaper|sms)(?![\p{L}])/iu;
