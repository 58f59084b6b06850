// Runs before every page: a fresh CSP nonce per request (docs/security-and-privacy.md, S11)
// and no caching of pages, which may show clinical records. Access checks do
// NOT live here: pages and procedures check for themselves.
import { NextResponse, type NextRequest } from "next/server";
import { isDatabaseDownNow } from "@/server/db/outage";

/** Seconds a browser (and a person) should wait before trying again during a database outage. */
const OUTAGE_RETRY_SECONDS = 10;

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isDev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Voice memos: played from /api/voice-memos, previewed from the recording's blob: URL.
    "media-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isDev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  // While Postgres is unreachable every page would fail: say so plainly, and
  // let the page try again by itself (server/db/outage.ts ends the outage).
  if (await isDatabaseDownNow()) return unavailablePage(csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", isServiceWorkerScript(request) ? SERVICE_WORKER_CSP : csp);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

/**
 * The service worker's own policy (lib/service-worker/sw.ts): it runs no
 * page and fetches only this site. Without upgrade-insecure-requests, which
 * would send the redirect it follows to keep "/safety-plan" to https even
 * where the site is served over plain http (a local install, the tests).
 */
const SERVICE_WORKER_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function isServiceWorkerScript(request: NextRequest): boolean {
  return request.nextUrl.pathname.startsWith("/serwist/");
}

function unavailablePage(csp: string): NextResponse {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${OUTAGE_RETRY_SECONDS}"><title>Alliance is briefly unavailable</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 15vh auto; padding: 0 1rem; line-height: 1.5; color: #1f2937">
<h1 style="font-size: 1.5rem">Alliance is briefly unavailable</h1>
<p>Alliance can't reach its database right now. Everything you saved before is safe.</p>
<p>This page will try again by itself in a few seconds.</p>
</body></html>`;
  return new NextResponse(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(OUTAGE_RETRY_SECONDS),
      "cache-control": "no-store",
      "content-security-policy": csp,
    },
  });
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
