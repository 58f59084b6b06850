/**
 * Where a form lands if the browser ever submits it natively: JavaScript off,
 * the page not yet interactive, or a browser quirk. Every form posts here
 * (components/ui/form.tsx), so its fields travel in a body, never in a URL.
 *
 * Invariants: the body is never read, parsed or logged, and nothing is saved
 * (saving is a tRPC call). So no session is needed, and a forged cross-site
 * POST gets nothing but a redirect: there is no state to change and no CSRF
 * to defend. 303 makes the browser GET the page that explains, so a reload
 * there does not post the fields again.
 */
export function POST() {
  return new Response(null, {
    status: 303,
    // Relative, so it stays on whatever host and scheme the visitor used.
    headers: { location: "/javascript-needed", "cache-control": "no-store" },
  });
}
