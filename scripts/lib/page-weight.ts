// What a browser downloads of JavaScript to show a page (README,
// "Performance"): a real Chromium opens the page in a fresh context (an empty
// cache) and every JavaScript response it receives in the first
// PAGE_WEIGHT_WINDOW_MS after the navigation starts is summed as transferred:
// the encoded body bytes Chromium read off the network (compressed as `next
// start` serves it; Playwright's `responseBodySize`, which is Chromium's
// encodedDataLength less the response headers). The headers are counted
// apart (`headerBytes`), not in the budget: they are not script, and what
// they cost depends on the transport (about 0.55 KB a chunk over HTTP/1.1 as
// measured here, a few bytes each once HTTP/2 compresses the repeats). With
// them, a page's number is what DevTools shows as "Transferred" for its
// scripts. JavaScript is any response
// with a JavaScript content type or a `.js` path, whatever asked for it: a
// `<script>`, a `<link rel=preload|prefetch>`, a chunk loaded on demand, or a
// chunk the router fetched while prefetching a linked page. RSC payloads
// (`text/x-component`, what Next's `<Link>` prefetches of a route's data) and
// JSON are not script and do not count; the chunks those payloads make the
// router load do. What the person's actions fetch later (a form opened, a
// link hovered) is not part of the page's weight; the legacy polyfills in a
// `nomodule` script are never fetched by a current browser, so they are not
// either.
import { request as httpRequest } from "node:http";
import type { Page, Request } from "@playwright/test";
import { SERVICE_WORKER_URL } from "../../lib/service-worker/offline-pages";

export const PAGE_SCRIPT_BUDGET_BYTES = 170 * 1024;

/** The part of a fresh visit whose script counts. */
export const PAGE_WEIGHT_WINDOW_MS = 5_000;

export type TPageWeight = {
  path: string;
  status: number;
  scripts: number;
  /** Encoded body bytes of the page's JavaScript: what the budget counts. */
  bytes: number;
  /** Their response headers, apart. */
  headerBytes: number;
  urls: { url: string; type: string; bytes: number; headerBytes: number }[];
};

function isJavaScript(request: Request, contentType: string | null): boolean {
  // The service worker is not the page's script: reported apart (serviceWorkerWeight), not counted.
  if (new URL(request.url()).pathname === SERVICE_WORKER_URL) return false;
  if (contentType) return /javascript|ecmascript/i.test(contentType);
  return new URL(request.url()).pathname.endsWith(".js");
}

/** `page` should be in a context of its own (no cached scripts from an earlier page) and not yet have navigated. */
export async function pageScriptWeight(page: Page, path: string): Promise<TPageWeight> {
  const counted: Promise<TPageWeight["urls"][number]>[] = [];
  let isOpen = true;
  const onFinished = (request: Request) => {
    if (!isOpen) return;
    counted.push(
      (async () => {
        const response = await request.response();
        const script = { url: request.url(), type: request.resourceType(), bytes: 0, headerBytes: 0 };
        if (!response || !isJavaScript(request, await response.headerValue("content-type"))) return script;
        const sizes = await request.sizes();
        return { ...script, bytes: sizes.responseBodySize, headerBytes: sizes.responseHeadersSize };
      })(),
    );
  };
  page.on("requestfinished", onFinished);
  const startedAt = Date.now();
  try {
    const response = await page.goto(path, { waitUntil: "load" });
    const left = PAGE_WEIGHT_WINDOW_MS - (Date.now() - startedAt);
    if (left > 0) await page.waitForTimeout(left);
    isOpen = false;
    const scripts = (await Promise.all(counted)).filter((script) => script.bytes > 0);
    const sum = (key: "bytes" | "headerBytes") => scripts.reduce((total, script) => total + script[key], 0);
    return { path, status: response?.status() ?? 0, scripts: scripts.length, bytes: sum("bytes"), headerBytes: sum("headerBytes"), urls: scripts };
  } finally {
    page.off("requestfinished", onFinished);
  }
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The service worker (lib/service-worker/sw.ts) as a browser downloads it
 * when it installs or updates: not part of any page's budget (it is fetched
 * once, after the page has loaded), reported beside them. `bytes` as
 * transferred with gzip and brotli accepted, `rawBytes` uncompressed.
 */
export function serviceWorkerWeight(baseUrl: string): Promise<{ bytes: number; rawBytes: number; encoding: string }> {
  const get = (encoding: string) =>
    new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
      const request = httpRequest(new URL(SERVICE_WORKER_URL, baseUrl), { headers: { "accept-encoding": encoding } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ bytes, encoding: String(response.headers["content-encoding"] ?? "identity") }));
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end();
    });
  return Promise.all([get("br, gzip"), get("identity")]).then(([encoded, raw]) => ({ bytes: encoded.bytes, rawBytes: raw.bytes, encoding: encoded.encoding }));
}
