// Why a person landed on the sign-in page, carried in its URL
// (`/sign-in?reason=idle&next=/caseload`), and the calm words it shows.
// Client-safe: the server's page redirects, the tRPC client and the idle
// watcher all build the same URL here.
//
// Only reasons worth explaining travel in the URL: a session that lapsed.
// A session ended on purpose (sign-out, password change, deactivation) shows
// the plain sign-in page, which says nothing about the account.
import { safeReturnPath } from "./return-path";

export const SIGNED_OUT_REASONS = ["idle", "expired"] as const;

export type TSignedOutReason = (typeof SIGNED_OUT_REASONS)[number];

export function parseSignedOutReason(value: unknown): TSignedOutReason | null {
  return SIGNED_OUT_REASONS.find((reason) => reason === value) ?? null;
}

/** The sign-in page, saying why (if there is a reason to) and where to return (if on-site). */
export function signInPath(options: { reason?: TSignedOutReason | null; next?: string | null } = {}): string {
  const params = new URLSearchParams();
  if (options.reason) params.set("reason", options.reason);
  const next = safeReturnPath(options.next);
  if (next) params.set("next", next);
  const query = params.toString();
  return query ? `/sign-in?${query}` : "/sign-in";
}

/** What the sign-in page says for a reason; null for none (or one it does not know). */
export function signedOutNotice(reason: TSignedOutReason | null, limits: { maxHours: number }): string | null {
  switch (reason) {
    case "idle":
      return "You were signed out after a while without activity, to keep your records private. Sign in to carry on.";
    case "expired":
      return `For your privacy, sessions end after ${limits.maxHours} hours. Please sign in again.`;
    default:
      return null;
  }
}
