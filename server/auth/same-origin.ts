/**
 * Whether the browser says a request came from somewhere other than our own
 * pages: Sec-Fetch-Site other than "same-origin" (and "none", a typed address
 * or bookmark, when `allowsTyped`), or an Origin whose host isn't ours.
 * A request without either header (an older browser, curl) is not refused
 * here: the session cookie still has to be there.
 */
export function isFromElsewhere(request: Request, { allowsTyped }: { allowsTyped: boolean }): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && !(allowsTyped && fetchSite === "none")) return true;
  const origin = request.headers.get("origin");
  if (origin) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!host || new URL(origin).host !== host) return true;
  }
  return false;
}

// CSRF defence for state-changing requests: the body must be JSON (a form
// post from another site cannot send that without a CORS preflight, which we
// never grant) and, when the browser says where it came from, it must be us.
export function isCrossSiteRequest(request: Request): boolean {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/json")) return true;
  return isFromElsewhere(request, { allowsTyped: true });
}

export const CROSS_SITE_DOWNLOAD_REFUSED = "This download only starts from Alliance itself. Open Alliance and download it there.";

/**
 * Downloads (exports, calendar files) refuse a request another site started:
 * a link or an image elsewhere could otherwise make a signed-in browser fetch
 * and save a person's record (the session cookie is SameSite=Lax, which a
 * top-level link still carries). The browser says who started it in
 * Sec-Fetch-Site: "same-origin" (our own page) and "none" (a typed address, a
 * bookmark) pass; "cross-site" and "same-site" (a sibling subdomain, which we
 * don't control either) are refused. A request without the header (an older
 * browser, curl) passes: the session cookie still has to be there.
 */
export function crossSiteDownloadRefusal(request: Request): Response | null {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== "cross-site" && fetchSite !== "same-site") return null;
  return new Response(CROSS_SITE_DOWNLOAD_REFUSED, {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
