// Lighthouse's performance score for a page (README, "Performance"): its
// default mobile preset (a mid-range phone, simulated slow 4G and a 4× slower
// CPU), performance category only, a few runs a page in one headless Chromium
// (Debian's where installed, else the one chrome-launcher finds), each run
// with an empty cache. A signed-in page gets the session cookie on every
// request (`extraHeaders`), as the signed-in browser would send it.
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export type TLighthouseRun = { score: number; lcpMs: number; tbtMs: number; cls: number; shifts: string[]; longTasks: string[] };

export type TLighthousePage = { runs: TLighthouseRun[]; median: TLighthouseRun; worstCls: number; isMet: boolean };

/** The goals of issue 27: a median score of at least this, and no layout shift in any run. */
export const LIGHTHOUSE_SCORE_GOAL = 95;

/** CLS as Lighthouse shows it (three decimals); 0 means no shift worth showing. */
export function formatCls(cls: number): string {
  return String(Number(cls.toFixed(3)));
}

export type TLighthouse = {
  measure: (url: string, options: { cookie: string; runs: number }) => Promise<TLighthousePage>;
};

export function startLighthouse(): TLighthouse {
  const chromePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  // A Chromium of its own for every run: a reused one now and then loses a run's trace (NO_NAVSTART).
  const launch = () =>
    chromeLauncher.launch({
      chromePath,
      // --no-sandbox: Chromium refuses to start as root without it.
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic"],
      logLevel: "silent",
    });
  const once = async (url: string, cookie: string): Promise<TLighthouseRun> => {
    for (let attempt = 1; ; attempt += 1) {
      const chrome = await launch();
      try {
        return await measureOnce(chrome.port, url, cookie);
      } catch (error) {
        // A run Lighthouse itself could not record is tried again (twice at most); a page that fails is not.
        if (attempt >= 3 || !(error instanceof LighthouseRunError)) throw error;
      } finally {
        chrome.kill();
      }
    }
  };
  const measureOnce = async (port: number, url: string, cookie: string): Promise<TLighthouseRun> => {
    const result = await lighthouse(url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new LighthouseRunError(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      lcpMs: audit("largest-contentful-paint"),
      tbtMs: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      shifts: shiftedElements(lhr.audits["layout-shifts"]),
      longTasks: longTasks(lhr.audits["long-tasks"]?.details),
    };
  };
  return {
    async measure(url, { cookie, runs }) {
      const results: TLighthouseRun[] = [];
      for (let run = 0; run < runs; run += 1) results.push(await once(url, cookie));
      const median = [...results].sort((a, b) => a.score - b.score)[Math.floor(results.length / 2)];
      const worstCls = Math.max(...results.map((run) => run.cls));
      return { runs: results, median, worstCls, isMet: median.score >= LIGHTHOUSE_SCORE_GOAL && formatCls(worstCls) === "0" };
    },
  };
}

class LighthouseRunError extends Error {}

type TNode = { selector?: string; snippet?: string };

/** The shifts Lighthouse's "layout-shifts" audit lists, largest first: score, the element most moved, and the causes it found. */
function shiftedElements(audit: { details?: unknown; errorMessage?: string } | undefined): string[] {
  // With a newer Chromium than it was released with, Lighthouse 12.2.3 may fail to read the trace for this audit.
  if (audit?.errorMessage) return [`(Lighthouse could not name the elements: ${audit.errorMessage})`];
  const { details } = audit ?? {};
  type TItem = { node?: TNode; score?: number; subItems?: { items?: { cause?: string; extra?: TNode & { value?: string } }[] } };
  const items = (details as { items?: TItem[] } | undefined)?.items ?? [];
  return items.map((item) => {
    const element = item.node ? `${item.node.selector ?? ""} ${item.node.snippet?.slice(0, 100) ?? ""}` : "(element not identified)";
    const causes = (item.subItems?.items ?? []).map((sub) => `${sub.cause ?? ""}: ${sub.extra?.value ?? sub.extra?.selector ?? ""}`);
    return `${item.score?.toFixed(3) ?? "?"} ${element}${causes.length ? ` (${causes.join("; ")})` : ""}`;
  });
}

/** The longest main-thread tasks Lighthouse's "long-tasks" audit lists: where from, and how long (simulated). */
function longTasks(details: unknown): string[] {
  const items = (details as { items?: { url?: string; duration?: number }[] } | undefined)?.items ?? [];
  return [...items]
    .sort((a, b) => (b.duration ?? 0) - (a.duration ?? 0))
    .slice(0, 3)
    .map((item) => `${Math.round(item.duration ?? 0)} ms ${item.url ? new URL(item.url, "http://x").pathname : ""}`);
}
