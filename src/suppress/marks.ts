/** The attributes the suppressor puts on the page (and the stylesheet reads). */

/** On <html> while a kind is switched off: its value lists the kinds, space-separated. */
export const OFF_ATTR = 'data-clearread-off';
/** Set on elements the suppressor hid itself (heuristics, vendors that must be read first); its value is the kind. */
export const HIDDEN_ATTR = 'data-clearread-hidden';
/** Set on elements that are never to be hidden again: "user" (brought back from the receipt) or "content" (found to hold some). */
export const KEEP_ATTR = 'data-clearread-keep';
