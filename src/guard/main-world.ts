/**
 * Entry of the native prompt guard, registered from the background (guard-registration.ts) into
 * the page's MAIN world at document_start in every frame. Built as a self-contained IIFE with no
 * exports, so it leaves no global behind.
 */
import { installNotificationGuard } from './install-guard.ts';

try {
  installNotificationGuard(window as unknown as Parameters<typeof installNotificationGuard>[0]);
} catch {
  // A page with a broken or frozen API keeps it as it is; the guard must never break a page.
}
