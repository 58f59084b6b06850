/// <reference lib="webworker" />
// Alliance's service worker, built by Serwist (app/serwist/[path]/route.ts)
// and served at /serwist/sw.js with the whole site as its scope.
//
// What it does, and nothing else:
// - Pages: network first. A client's page (OFFLINE_MARKER in its HTML) is
//   kept in PAGES_CACHE, so the safety plan, the next session, today's items,
//   the journal and a session's agenda open from the last visit when there
//   is no connection. Anything else is never stored.
// - With no connection and no kept copy, the offline page (precached).
// - The build's scripts and styles (immutable, the same for everyone) are
//   kept as they are used, so a kept page can start offline.
// - Never the API: tRPC, the live streams, sign-in and voice memos always
//   go to the network.
// - Push notifications (lib/service-worker/push.ts).
import type { PrecacheEntry, SerwistGlobalConfig, SerwistPlugin } from "serwist";
import { CacheFirst, NetworkFirst, NetworkOnly, Serwist } from "serwist";
import { OFFLINE_MARKER, OFFLINE_PAGE, PAGES_CACHE, PAGES_MAX_ENTRIES, STATIC_CACHE, STATIC_MAX_ENTRIES } from "./offline-pages";

declare global {
  // An interface, to add to the worker's own (Serwist's build fills it in).
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** The build's scripts and styles a page's HTML names. */
function assetsOf(html: string): string[] {
  return [...new Set(html.match(/\/_next\/static\/[\w\-./~]+\.(?:js|css)/g) ?? [])];
}

/**
 * Keeps the scripts and styles a kept page needs, so it starts with no
 * connection even if it was kept without being opened (Today and the safety
 * plan, fetched ahead) and its code never ran on this device.
 */
async function keepAssetsOf(html: string): Promise<void> {
  const cache = await caches.open(STATIC_CACHE);
  const missing: string[] = [];
  for (const url of assetsOf(html)) if (!(await cache.match(url))) missing.push(url);
  await Promise.all(missing.map((url) => cache.add(url).catch(() => undefined)));
}

/**
 * A page response is stored only when it is a client's page, whole, with its
 * scripts and styles (keepAssetsOf). One that
 * arrived through a redirect (the page asked for by the worker itself, e.g.
 * "/safety-plan", which leads to the plan of the client's current work) is
 * stored under the address asked for, as a plain answer: a browser refuses a
 * redirected response for a page it navigates to.
 */
const onlyClientPages: SerwistPlugin = {
  async cacheWillUpdate({ response }) {
    if (response.status !== 200 || response.type !== "basic") return null;
    if (!response.headers.get("content-type")?.includes("text/html")) return null;
    const html = await response.clone().text();
    if (!html.includes(OFFLINE_MARKER)) return null;
    await keepAssetsOf(html);
    return response.redirected ? new Response(html, { status: 200, statusText: response.statusText, headers: response.headers }) : response;
  },
};

/**
 * Keeps a cache to its newest `maxEntries` (a stored response moves to the end
 * of the cache's order). Not Serwist's ExpirationPlugin: that one keeps its
 * bookkeeping, the pages' URLs among it, in an IndexedDB database that would
 * outlive signing out.
 */
function keepAtMost(maxEntries: number): SerwistPlugin {
  return {
    async cacheDidUpdate({ cacheName }) {
      const cache = await caches.open(cacheName);
      const keys = await cache.keys();
      await Promise.all(keys.slice(0, Math.max(0, keys.length - maxEntries)).map((key) => cache.delete(key)));
    },
  };
}

function isSameOrigin(url: URL): boolean {
  return url.origin === self.location.origin;
}

/** A page of the app: not the API, not the build's files, not an RSC payload. */
function isPage(request: Request, url: URL): boolean {
  if (request.method !== "GET" || !isSameOrigin(url)) return false;
  if (/^\/(api|_next|serwist)\//.test(url.pathname)) return false;
  if (url.searchParams.has("_rsc") || request.headers.has("RSC")) return false;
  return request.mode === "navigate" || request.destination === "document" || request.destination === "";
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url }) => isSameOrigin(url) && url.pathname.startsWith("/_next/static/") && (request.destination === "script" || request.destination === "style" || /\.(js|css)$/.test(url.pathname)),
      handler: new CacheFirst({
        cacheName: STATIC_CACHE,
        plugins: [keepAtMost(STATIC_MAX_ENTRIES)],
      }),
    },
    {
      matcher: ({ request, url }) => isPage(request, url) && !url.pathname.startsWith("/icons/") && url.pathname !== "/manifest.webmanifest",
      handler: new NetworkFirst({
        cacheName: PAGES_CACHE,
        plugins: [onlyClientPages, keepAtMost(PAGES_MAX_ENTRIES)],
      }),
    },
    { matcher: () => true, handler: new NetworkOnly() },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.destination === "document" }],
  },
});

serwist.addEventListeners();

// The offline page's own scripts and styles, beside its precached HTML.
self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch(OFFLINE_PAGE)
      .then((response) => (response.ok ? response.text() : ""))
      .then(keepAssetsOf)
      .catch(() => undefined),
  );
});
