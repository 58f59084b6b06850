// "Signed in elsewhere": a person's other open sessions (auth_sessions rows),
// counted for the account page and ended on request. The current session is
// the one the request's cookie names (TContext.sessionId), never an input.
//
// INVARIANT: only rows of the acting user are touched, and never the current
// one; an ended row stays ended (server/auth/session-user.ts refuses it on
// its next request, whichever app instance serves it).
import type { TDb } from "../db/client";
import type { AuthSessionEndReason, Role } from "../db/generated/enums";
import { now as clockNow } from "../clock";
import { AppError } from "../errors";
import { sessionLimits, type TSessionLimits } from "./session-limits";

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

/** Ends every other open session of the user; returns how many were signed in. */
export async function endOtherSessions(
  db: TDb,
  user: { id: string; role: Role },
  currentSessionId: string,
  now = clockNow(),
): Promise<number> {
  const live = await countOtherSessions(db, user, currentSessionId, now);
  await db.authSession.updateMany({
    where: { userId: user.id, id: { not: currentSessionId }, endedAt: null },
    data: { endedAt: now, endedReason: "revoked" },
  });
  return live;
}

/** Ends every open session of the user (a password reset or change). */
export function endAllSessionsQuery(db: Pick<TDb, "authSession">, userId: string, reason: AuthSessionEndReason = "revoked", now = clockNow()) {
  return db.authSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endedReason: reason } });
}
