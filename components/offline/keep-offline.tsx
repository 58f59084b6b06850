"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { OFFLINE_MARKER_ATTRIBUTE, PAGES_CACHE } from "@/lib/service-worker/offline-pages";

/** The message the service worker understands (Serwist's cache listener): fetch these and keep what its rules allow. */
function keep(worker: ServiceWorker, urls: string[]) {
  worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } });
}

/**
 * The pages a client may need most when there is no connection, kept even if
 * not opened lately: the safety plan (its tab leads on to the plan of their
 * current work) and Today (the next session, today's items). Fetched again
 * when the kept copy is older than KEEP_FRESH_MS.
 */
const ALWAYS_KEPT = ["/safety-plan", "/between-sessions"];
const KEEP_FRESH_MS = 60 * 60_000;

async function staleOrMissing(paths: string[]): Promise<string[]> {
  const cache = await caches.open(PAGES_CACHE);
  const ages = await Promise.all(
    paths.map(async (path) => {
      const kept = await cache.match(path);
      const at = Date.parse(kept?.headers.get("date") ?? "");
      return Number.isNaN(at) ? Infinity : Date.now() - at;
    }),
  );
  return paths.filter((_, index) => ages[index]! > KEEP_FRESH_MS);
}

/** The build's scripts and styles this page loaded before the worker was there to keep them. */
function loadedAssets(): string[] {
  return performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === window.location.origin && url.pathname.startsWith("/_next/static/"))
    .map((url) => url.pathname);
}

/**
 * A client's pages, kept on their phone for when there is no connection
 * (lib/service-worker/sw.ts), and a plain line saying so when they are offline.
 *
 * The marker in the HTML is what lets the worker keep a page; this shell
 * renders it for clients only. A page that arrives through the worker (a full
 * load) is kept on its way; one the router shows without a full load, or the
 * first page before the worker existed, is fetched once more by the worker,
 * and so are ALWAYS_KEPT when their copy is missing or old.
 */
export function KeepOffline() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const wasControlled = useRef<boolean | null>(null);
  const isFirstPage = useRef(true);
  const isOffline = useIsOffline();

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !navigator.onLine) return;
    wasControlled.current ??= Boolean(navigator.serviceWorker.controller);
    const isFullLoad = isFirstPage.current;
    isFirstPage.current = false;
    // A full load through the worker was kept on its way.
    const isKept = isFullLoad && wasControlled.current;
    const url = search ? `${pathname}?${search}` : pathname;
    let isCurrent = true;
    void navigator.serviceWorker.ready.then(async (registration) => {
      const worker = registration.active;
      if (!isCurrent || !worker) return;
      const also = await staleOrMissing(ALWAYS_KEPT.filter((path) => path !== url));
      const urls = [...(isKept ? [] : [url]), ...also, ...(isFullLoad && !isKept ? loadedAssets() : [])];
      if (urls.length > 0) keep(worker, urls);
    });
    return () => {
      isCurrent = false;
    };
  }, [pathname, search]);

  return (
    <>
      <span hidden {...{ [OFFLINE_MARKER_ATTRIBUTE]: "keep" }} />
      {isOffline && (
        <p role="status" className="border-b border-line bg-notice-soft px-4 py-2 text-center text-sm print:hidden">
          You&apos;re offline. You&apos;re seeing this page as it was on your last visit. Anything you write is kept on this phone and
          sent when you&apos;re back online.
        </p>
      )}
    </>
  );
}

function useIsOffline(): boolean {
  const [isOffline, setIsOffline] = useState(false);
  useEffect(() => {
    const update = () => setIsOffline(!navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return isOffline;
}
