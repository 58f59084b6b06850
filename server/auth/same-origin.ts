// CSRF defence for state-changing requests: the body must be JSON (a form
// post from another site cannot send that without a CORS preflight, which we
// never grant) and, when the browser says where it came from, it must be us.
export function isCrossSiteRequest(request: Request): boolean {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/json")) return true;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!host || new URL(origin).host !== host) return true;
  }
  return false;
}
