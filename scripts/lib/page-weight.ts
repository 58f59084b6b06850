// What a browser downloads of JavaScript to show a page (README,
// "Performance"): a real Chromium loads the page in a fresh context (an empty
// cache) and every script response until the page is interactive and no
// further script arrives is summed, gzipped as `next start` serves it. Chunks
// fetched later on demand (a form opened, a review started) are not part of
// the page's weight; the legacy polyfills in a `nomodule` script are never
// fetched by a current browser, so they are not either.
import { gzipSync } from "node:zlib";
import type { Page, Response } from "@playwright/test";

export const PAGE_SCRIPT_BUDGET_BYTES = 170 * 1024;

export type TPageWeight = { path: string; status: number; scripts: number; bytes: number };

/** How long the page must stay without a new script before it counts as loaded. */
const QUIET_MS = 750;

/** `page` should be in a context of its own (no cached scripts from an earlier page). */
export async function pageScriptWeight(page: Page, path: string): Promise<TPageWeight> {
  const sizes: Promise<number>[] = [];
  let lastScriptAt = Date.now();
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== "script") return;
    lastScriptAt = Date.now();
    sizes.push(response.body().then((body) => gzipSync(body).length));
  };
  page.on("response", onResponse);
  try {
    const response = await page.goto(path, { waitUntil: "load" });
    // Hydration may fetch more chunks after "load": wait until none has come for a while.
    while (Date.now() - lastScriptAt < QUIET_MS) await page.waitForTimeout(QUIET_MS - (Date.now() - lastScriptAt));
    const bytes = (await Promise.all(sizes)).reduce((total, size) => total + size, 0);
    return { path, status: response?.status() ?? 0, scripts: sizes.length, bytes };
  } finally {
    page.off("response", onResponse);
  }
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
