/**
 * Suppression rules as data. Each rule names the vendor, what kind of clutter it is, how it is
 * found, and the fixture page under test/fixtures/suppress/ that proves it
 * (test/unit/suppress-rules.test.ts loads every fixture and checks its rule against it).
 *
 * Vendor rules are CSS selectors, built into one stylesheet the browser applies before the page
 * paints (vendor-css.ts), so they hide a prompt the moment it is inserted; that stylesheet also
 * refuses any match with content inside (content-guard.ts). Selectors are the vendors' own stable
 * ids/classes and element names (see research/clutter.md §1, §5); generic names such as
 * `.share-bar` are left out on purpose, they hit sites' own UI. Heuristic rules name a finder
 * (prompt-finder.ts, share-bars.ts) for the long tail that has no vendor name.
 */
import type { SuppressionKind } from '../settings/schema.ts';

export type Heuristic = 'notification-dialog' | 'share-link-cluster';

export interface SuppressionRule {
  id: string;
  kind: SuppressionKind;
  vendor: string;
  selectors?: readonly string[];
  heuristic?: Heuristic;
  /** File name in test/fixtures/suppress/ with at least one element the rule must hide. */
  fixture: string;
  /** Hidden only when the matched box reads like a notification request (vendors with other uses). */
  onlyIfAsking?: boolean;
  /** Classes the vendor puts on <html>/<body> to stop the page scrolling while it shows. */
  scrollLockClasses?: readonly string[];
  /** A modal prompt (lightbox, backdrop): a scroll lock that arrives with it is blamed on it (scroll-lock.ts). */
  blocks?: boolean;
}

const prompt = (id: string, vendor: string, selectors: string[], extra: Partial<SuppressionRule> = {}): SuppressionRule =>
  ({ id, kind: 'notificationPrompts', vendor, selectors, fixture: `${id}.html`, ...extra });
const share = (id: string, vendor: string, selectors: string[]): SuppressionRule =>
  ({ id, kind: 'shareButtons', vendor, selectors, fixture: `${id}.html` });

export const RULES: readonly SuppressionRule[] = [
  prompt('onesignal-slidedown', 'OneSignal', ['#onesignal-slidedown-container', '.onesignal-slidedown-container', '#onesignal-popover-container']),
  prompt('onesignal-bell', 'OneSignal', ['#onesignal-bell-container', '.onesignal-bell-container']),
  // The category slidedown reuses the slidedown container; its own body is matched for older SDKs that mount it alone.
  prompt('onesignal-category', 'OneSignal', ['#tagging-container.tagging-container']),
  prompt('onesignal-customlink', 'OneSignal', ['.onesignal-customlink-container']),
  prompt('izooto', 'iZooto', ['#izooto-optin', '#izootoCustomPopup']),
  prompt('webpushr', 'Webpushr', ['#webpushr-prompt-wrapper', '#webpushr-bell-optin', '#webpushr-lightbox-optin'], { blocks: true }),
  prompt('cleverpush', 'CleverPush', ['.cleverpush-confirm', '.cleverpush-backdrop', '.cleverpush-bell'], { blocks: true }),
  // Buttons live in a closed shadow root; hiding the host hides all of it.
  prompt('gravitec', 'Gravitec', ['.grv-dialog-host'], { blocks: true }),
  // `.sp_notify_prompt` alone is also used by sites on their own buttons: only the vendor's prompt
  // wrappers. These wrapper names are unverified (research found only the button classes); a
  // SendPulse prompt wrapped otherwise is still caught by the generic rule when it floats and asks.
  prompt('sendpulse', 'SendPulse', ['.sp-prompt-wrapper', '.sendpulse-prompt', '.sendpulse-prompt-wrapper']),
  prompt('pushowl', 'PushOwl', ['.pushowl-optin']),
  prompt('wonderpush', 'WonderPush', ['.bk-wonderpush']),
  prompt('pushly', 'Pushly', ['.pushly_popover']),
  prompt('pushwoosh', 'Pushwoosh', ['#pushwooshBellWidget', '#pushwoosh-pop']),
  // Braze in-app messages carry many things; only a primer that asks for notifications is one.
  prompt('braze-primer', 'Braze', ['.ab-iam-root.v3'], { onlyIfAsking: true, scrollLockClasses: ['ab-pause-scrolling'] }),
  prompt('firebase-clone', 'Firebase-style', ['.firebase-slidedown-container', '#FCMpush-slidedown-container', '.view-firebase-prompt']),
  prompt('amp-web-push', 'AMP', ['amp-web-push-widget']),
  // amp-user-notification also carries cookie notices and the like: hidden only when it asks for notifications.
  prompt('amp-user-notification', 'AMP', ['amp-user-notification'], { onlyIfAsking: true }),
  {
    id: 'generic-notification-dialog',
    kind: 'notificationPrompts',
    vendor: 'site-made',
    heuristic: 'notification-dialog',
    fixture: 'generic-notification-dialog.html',
  },
  share('addtoany', 'AddToAny', ['.a2a_kit', '.a2a_floating_style', '.addtoany_share_save_container', '.addtoany_list']),
  share('sharethis', 'ShareThis', ['.sharethis-inline-share-buttons', '.sharethis-sticky-share-buttons', '.st-sticky-share-buttons', '.sharethis-inline-follow-buttons']),
  share('sumo', 'Sumo', ['.sumome-share-client-wrapper', '[data-sumome-share]', '#sharesumo']),
  share('social-warfare', 'Social Warfare', ['.swp_social_panel', '.swp_social_panelSide', '.social-warfare-container', '.nc_socialPanel']),
  share('shareaholic', 'Shareaholic', ['.shareaholic-canvas', '#shareaholic-bar', '.shareaholic-like-buttonset']),
  // Only the share block: Jetpack's outer `.sharedaddy.sd-sharing-enabled` (#jp-post-flair) also holds Likes and Related posts.
  share('jetpack-sharedaddy', 'Jetpack', ['.sd-sharing', '.sd-social']),
  share('addthis', 'AddThis', ['.addthis_toolbox', '.addthis_inline_share_toolbox', '#at4-share', '.at4-jumboshare', '#at-share-dock']),
  share('amp-social-share', 'AMP', ['amp-social-share']),
  share('mashshare', 'MashShare', ['.mashsb-container']),
  share('easy-social-share', 'Easy Social Share Buttons', ['.essb_links']),
  share('sassy-social-share', 'Sassy Social Share', ['.heateor_sss_sharing_container']),
  share('simple-share-buttons', 'Simple Share Buttons Adder', ['.ssba-wrap', '.ssba']),
  share('grow-social', 'Grow by Mediavine', ['.dpsp-content-wrapper', '#dpsp-floating-sidebar']),
  share('shariff', 'Shariff', ['.shariff']),
  share('follow-widgets', 'Twitter/Facebook buttons', ['.twitter-share-button', '.twitter-follow-button', '.fb-share-button', '.fb-like']),
  {
    id: 'share-link-cluster',
    kind: 'shareButtons',
    vendor: 'site-made',
    heuristic: 'share-link-cluster',
    fixture: 'share-link-cluster.html',
  },
];

/**
 * Article content that looks like share chrome from the outside (it links to the networks) but is
 * what the author embedded: never hidden, by any rule.
 */
export const EMBEDDED_CONTENT = 'blockquote.twitter-tweet, blockquote.twitter-video, .fb-post, .fb-video, blockquote.instagram-media, blockquote.tiktok-embed, .bluesky-embed';

export function selectorsFor(kind: SuppressionKind, rules: readonly SuppressionRule[] = RULES): string[] {
  return rules.filter((r) => r.kind === kind).flatMap((r) => r.selectors ?? []);
}
