/**
 * Only what the user does counts. The page can reach the overlay (its shadow root is open, and
 * window listeners see its synthetic events), so every key and pointer handler the page could
 * trigger asks this first: a page's `dispatchEvent` or `element.click()` makes untrusted events.
 */
export const isTrusted = (event: Event): boolean => event.isTrusted;
