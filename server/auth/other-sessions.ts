// "Signed in elsewhere": a person's other open sessions (auth_sessions rows),
// counted for the account page and ended on request. The current session is
// the one the request's cookie names (TContext.sessionId), never an input.
//
// INVARIANT: only rows of the acting user are touched, and never the current
// one; an ended row stays ended (server/auth/session-user.ts refuses it on
// its next request, whichever app instance serves it). Ending the others
// also forgets every other known browser (so a stolen device cookie no longer
// gets past the account-wide throttle) and retires outstanding password-reset
// links, and removes the web push subscriptions other sign-ins made (and
// those whose sign-in is gone): what "make it mine again" means.
import type { TDb } from "../db/client";
import type { AuthSessionEndReason, Role } from "../db/generated/enums";
import { now as clockNow } from "../clock";
import { AppError } from "../errors";
import { sessionLimits, type TSessionLimits } from "./session-limits";
import { findKnownDevice } from "./known-devices";

/** The request's own session; a signed-in request always has one (server/api/context.ts). */
export function requireCurrentSession(sessionId: string | null | undefined): string {
  if (!sessionId) throw new AppError("UNAUTHORIZED", "Please sign in to continue.");
  return sessionId;
}

const MINUTE_MS = 60_000;

/** Rows still open and inside the idle and lifetime limits: browsers that are really signed in. */
function liveWhere(user: { id: string; role: Role }, currentSessionId: string, limits: TSessionLimits, now: Date) {
  return {
    userId: user.id,
    id: { not: currentSessionId },
    endedAt: null,
    lastSeenAt: { gt: new Date(now.getTime() - limits.idleMinutes[user.role] * MINUTE_MS) },
    createdAt: { gt: new Date(now.getTime() - limits.maxHours * 60 * MINUTE_MS) },
  };
}

export async function countOtherSessions(
  db: TDb,
  user: { id: string; role: Role },
  currentSessionId: string,
  now = clockNow(),
): Promise<number> {
  return db.authSession.count({ where: liveWhere(user, currentSessionId, sessionLimits(), now) });
}

/**
 * Ends every other open session of the user, forgets their other known
 * browsers (all but the one whose cookie this request carries) and retires
 * outstanding reset links; returns how many were signed in.
 */
export async function endOtherSessions(
  db: TDb,
  user: { id: string; role: Role },
  currentSessionId: string,
  keepDeviceToken: string | null = null,
  now = clockNow(),
): Promise<number> {
  const live = await countOtherSessions(db, user, currentSessionId, now);
  const keep = keepDeviceToken ? await findKnownDevice(db, keepDeviceToken, user.id, now) : null;
  await db.$transaction([
    db.authSession.updateMany({
      where: { userId: user.id, id: { not: currentSessionId }, endedAt: null },
      data: { endedAt: now, endedReason: "revoked" },
    }),
    db.knownDevice.deleteMany({ where: { userId: user.id, ...(keep ? { id: { not: keep.id } } : {}) } }),
    // Their devices stop getting pushes too; this browser's, if it subscribed, keeps them.
    db.pushSubscription.deleteMany({ where: { userId: user.id, OR: [{ authSessionId: null }, { authSessionId: { not: currentSessionId } }] } }),
    retireResetLinksQuery(db, user.id, now),
  ]);
  return live;
}

/** Every unused password-reset link of the user stops working (a password change, a reset, "sign out everywhere else"). */
export function retireResetLinksQuery(db: Pick<TDb, "accountToken">, userId: string, now = clockNow()) {
  return db.accountToken.updateMany({ where: { userId, purpose: "password_reset", usedAt: null }, data: { usedAt: now } });
}

/** Ends every open session of the user (a password reset or change). */
export function endAllSessionsQuery(db: Pick<TDb, "authSession">, userId: string, reason: AuthSessionEndReason = "revoked", now = clockNow()) {
  return db.authSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endedReason: reason } });
}
