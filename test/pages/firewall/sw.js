// An empty service worker: the push page only needs a registration to reach its PushManager.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
