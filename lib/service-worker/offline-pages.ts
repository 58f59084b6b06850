// What the service worker keeps for offline reading, shared by the worker
// (lib/service-worker/sw.ts) and the pages that talk to it.
//
// Invariants:
// - Only a client's own pages are kept: a page is stored only when its HTML
//   carries OFFLINE_MARKER, which the signed-in shell renders for clients
//   alone. A therapist's pages and every signed-out page are never stored.
// - The store is one cache, PAGES_CACHE, keyed by the page's URL: paths and
//   record ids, never clinical text (no page takes words in its URL).
// - Signing out, or arriving signed out, deletes PAGES_CACHE (lib/offline/forget-device.ts).

/** The Cache Storage cache that holds the client's pages from their last visits. */
export const PAGES_CACHE = "alliance-pages";

/** The attribute whose presence in a page's HTML lets the worker keep it. */
export const OFFLINE_MARKER_ATTRIBUTE = "data-alliance-offline";

/** The exact text the worker looks for (quotes included, so a record's words can't fake it: they are escaped in the HTML). */
export const OFFLINE_MARKER = `${OFFLINE_MARKER_ATTRIBUTE}="keep"`;

/** Where the worker is served from (app/serwist/[path]/route.ts); its scope is the whole site. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";

/** Shown for a page that was never kept, when there is no connection. */
export const OFFLINE_PAGE = "/offline";

/** The newest this many pages are kept. */
export const PAGES_MAX_ENTRIES = 40;

/** The build's scripts and styles as they are used: the same for everyone, nothing private. */
export const STATIC_CACHE = "alliance-static";
/** Enough for every page of two builds. */
export const STATIC_MAX_ENTRIES = 300;
