// Forgetting this device: what Alliance keeps in the browser for offline use
// goes when the person signs out, and whenever the browser arrives signed out
// (signed out everywhere, the account deleted, the session ended).
//
// Invariants:
// - Every IndexedDB database of this origin is deleted (the offline outbox,
//   lib/offline/outbox.ts, is the only one Alliance makes), except the
//   outbox when the session merely lapsed (`keepUnsent`): words not yet sent
//   are never dropped by a timeout. Signing out on purpose asks first when
//   something is unsent (components/layout/sign-out-button.tsx).
// - The pages cache (PAGES_CACHE: a client's pages from their last visits)
//   is deleted. The service worker's other caches hold the offline page, the
//   icons and the build's scripts: the same for everyone, nothing private.
// - Signing out here also cancels this browser's push subscription at the
//   push service (the server deletes its row as the session ends,
//   server/notifications/push.ts). Arriving signed out leaves it to the
//   server: signing out everywhere and deleting the account remove the rows,
//   while a session that merely ran out keeps its reminders coming.
// - Never throws: a browser without these stores has nothing to forget.
import { PAGES_CACHE } from "@/lib/service-worker/offline-pages";
import { OUTBOX_DB_NAME } from "./names";

/** The outbox's database (lib/offline/outbox.ts); named here too for browsers that can't list databases. */
export { OUTBOX_DB_NAME };

/**
 * `isSigningOut`: this browser is signing out now (its push subscription goes too).
 * `keepUnsent`: the session lapsed (idle, or past its lifetime) rather than
 * ended on purpose: what the person wrote offline and hasn't been sent stays,
 * to send once they sign in again here (only their own pages show or send it).
 */
export async function forgetThisDevice({ isSigningOut = false, keepUnsent = false }: { isSigningOut?: boolean; keepUnsent?: boolean } = {}): Promise<void> {
  await Promise.all([forgetCaches(), forgetDatabases(keepUnsent), isSigningOut ? forgetPushSubscription() : undefined]);
}

async function forgetPushSubscription(): Promise<void> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration("/").catch(() => undefined);
  const subscription = await registration?.pushManager?.getSubscription().catch(() => null);
  await subscription?.unsubscribe().catch(() => false);
}

async function forgetCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete(PAGES_CACHE).catch(() => false);
}

async function forgetDatabases(keepUnsent: boolean): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  const listed = await (indexedDB.databases?.() ?? Promise.resolve([])).catch(() => []);
  const names = new Set([OUTBOX_DB_NAME, ...listed.flatMap((database) => (database.name ? [database.name] : []))]);
  if (keepUnsent) names.delete(OUTBOX_DB_NAME);
  await Promise.all([...names].map((name) => deleteDatabase(name)));
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
    // Another tab still has it open: it is deleted once that tab lets go.
    request.onblocked = () => resolve();
  });
}
