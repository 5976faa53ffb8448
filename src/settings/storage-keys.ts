/** Where settings live in storage; shared by the full store and the content script's small reader. */
export const SETTINGS_KEY = 'settings';
/** Set in local storage while the local copy is newer than the synced one (a sync write failed). */
export const LOCAL_IS_NEWER = 'settingsLocalIsNewer';
