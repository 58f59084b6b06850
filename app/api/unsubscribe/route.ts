import { getDb } from "@/server/db/client";
import { applyUnsubscribe } from "@/server/notifications/unsubscribe";

/**
 * One-click unsubscribe (RFC 8058): mail programs POST
 * "List-Unsubscribe=One-Click" here, and the /unsubscribe page's button posts
 * here too. The signed token in the query names the person and the kind; it
 * is the only credential, so no session and no CSRF check apply (a forged
 * POST needs the token, and can only stop e-mails).
 *
 * GET changes nothing (mail scanners prefetch links): it shows the page.
 * Answers are short plain text, never an error page with details.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token");
  try {
    const isDone = await applyUnsubscribe(getDb(), token);
    if (!isDone) return text(400, "This link doesn't work.");
    return text(200, "Done: you won't get these e-mails any more.");
  } catch {
    return text(503, "That didn't work just now. Please try again in a moment.");
  }
}

export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, {
    status: 303,
    // Relative, so it stays on whatever host and scheme the visitor used.
    headers: { location: `/unsubscribe?token=${encodeURIComponent(token)}`, "cache-control": "no-store" },
  });
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
