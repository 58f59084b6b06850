// The one auth() facade for pages, layouts and the tRPC route: who is signed
// in, re-read from the database for this request, and, when nobody is, why
// a session this browser had has ended.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { parseSignedOutReason, signInPath, type TSignedOutReason } from "../../lib/auth/signed-out";
import { getDb } from "../db/client";
import type { Role } from "../db/generated/enums";
import { authOptions } from "./options";
import { loadSessionUser, type TSessionUser } from "./session-user";
import { needsTwoFactorEnrolment, TWO_FACTOR_SETUP_PATH } from "./totp";

export type TAuthState =
  | { user: TSessionUser; sessionId: string; signedOutReason: null; unreadNotifications: number; isSupervisor: boolean; isAskedToShare: boolean }
  | { user: null; sessionId?: undefined; signedOutReason: TSignedOutReason | null; unreadNotifications?: undefined; isSupervisor?: undefined; isAskedToShare?: undefined };

/**
 * Once per request (React's cache), so a page and its layout share one
 * lookup. A lapsed session's cookie is left in place: its row can never come
 * back to life (server/auth/session-limits.ts), the next sign-in overwrites
 * the cookie, and a server component cannot set cookies anyway.
 */
export const authState = cache(async (): Promise<TAuthState> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return { user: null, signedOutReason: null };
  const check = await loadSessionUser(getDb(), {
    userId: session.userId,
    sessionVersion: session.sessionVersion,
    sessionId: session.sessionId,
  });
  return check.ok
    ? { user: check.user, sessionId: session.sessionId, signedOutReason: null, unreadNotifications: check.unreadNotifications, isSupervisor: check.isSupervisor, isAskedToShare: check.isAskedToShare }
    : { user: null, signedOutReason: parseSignedOutReason(check.reason) };
});

export async function auth(): Promise<TSessionUser | null> {
  return (await authState()).user;
}

/**
 * For route handlers that serve records (calendar files, live streams): the
 * signed-in user, or null when there is none or when a therapist must turn on
 * two-step sign-in first, as pages and procedures require.
 */
export async function routeUser(): Promise<TSessionUser | null> {
  const user = await auth();
  if (!user || needsTwoFactorEnrolment(user)) return null;
  return user;
}

export function homePathFor(role: Role): string {
  return role === "therapist" ? "/caseload" : "/between-sessions";
}

/**
 * For pages: the signed-in user, or a redirect to sign-in (saying why, when a
 * session lapsed) or to their own home for the wrong role.
 */
export async function requireUser(
  options: { role?: Role; returnTo?: string; allowWithoutTwoFactor?: boolean } = {},
): Promise<TSessionUser> {
  const { user, signedOutReason } = await authState();
  if (!user) redirect(signInPath({ reason: signedOutReason, next: options.returnTo }));
  if (options.role && user.role !== options.role) redirect(homePathFor(user.role));
  // REQUIRE_TWO_FACTOR_FOR_THERAPISTS: until they turn it on, their account page is the only page (the API agrees: trpc.ts).
  if (!options.allowWithoutTwoFactor && needsTwoFactorEnrolment(user)) redirect(TWO_FACTOR_SETUP_PATH);
  return user;
}
