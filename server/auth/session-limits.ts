// Session limits (docs/security-and-privacy.md, S9): when a signed-in session stops being
// one. Pure rules over an auth_sessions row and its user; the database access
// is in server/auth/session-user.ts.
//
// Invariants:
// - A session is alive only while all of these hold: it has not been ended,
//   its user is not deactivated and still has the cookie's sessionVersion,
//   now < lastSeenAt + the idle limit for the user's role, and
//   now < createdAt + the absolute lifetime. Exactly at a limit it has lapsed.
// - Lapsing is one-way: lastSeenAt only moves after a request found the
//   session alive, and time only moves forward, so a lapsed row never revives.
// - lastSeenAt moves at most once per TOUCH_INTERVAL_MS, so the idle limit is
//   measured from up to a minute before the last request: it errs shorter.
// - The session cookie lives SESSION_HOURS_CEILING hours, at least as long as
//   any lifetime allowed here, so a lapsed session is still recognised (and
//   the page can say why) instead of the cookie silently vanishing first.
import type { AuthSessionEndReason, Role } from "../db/generated/enums";
import { getEnv } from "../env";

export type TSessionLimits = { idleMinutes: Record<Role, number>; maxHours: number };

/** The longest SESSION_MAX_HOURS may be; server/env.ts bounds it by the same figure. */
export const SESSION_HOURS_CEILING = 24;

export const TOUCH_INTERVAL_MS = 60_000;

export function sessionLimits(): TSessionLimits {
  const env = getEnv();
  return {
    idleMinutes: { therapist: env.SESSION_IDLE_MINUTES_THERAPIST, client: env.SESSION_IDLE_MINUTES_CLIENT },
    maxHours: Math.min(env.SESSION_MAX_HOURS, SESSION_HOURS_CEILING),
  };
}

/** What a session row looks like to the rules. */
export type TSessionRecord = {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  endedReason: AuthSessionEndReason | null;
  user: { role: Role; deactivatedAt: Date | null; sessionVersion: number };
};

export type TSessionVerdict = { isAlive: true } | { isAlive: false; reason: AuthSessionEndReason };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function idleDeadline(record: Pick<TSessionRecord, "lastSeenAt" | "user">, limits: TSessionLimits): Date {
  return new Date(record.lastSeenAt.getTime() + limits.idleMinutes[record.user.role] * MINUTE_MS);
}

export function lifetimeDeadline(record: Pick<TSessionRecord, "createdAt">, limits: TSessionLimits): Date {
  return new Date(record.createdAt.getTime() + limits.maxHours * HOUR_MS);
}

/**
 * Alive, or why not. When a session is both idle and past its lifetime, the
 * reason is whichever limit it reached first, since that is when it ended.
 */
export function judgeSession(record: TSessionRecord, sessionVersion: number, limits: TSessionLimits, now: Date): TSessionVerdict {
  if (record.endedAt) return { isAlive: false, reason: record.endedReason ?? "revoked" };
  if (record.user.deactivatedAt || record.user.sessionVersion !== sessionVersion) return { isAlive: false, reason: "revoked" };
  const idleAt = idleDeadline(record, limits).getTime();
  const expiresAt = lifetimeDeadline(record, limits).getTime();
  const at = now.getTime();
  if (at < idleAt && at < expiresAt) return { isAlive: true };
  return { isAlive: false, reason: idleAt <= expiresAt && at >= idleAt ? "idle" : "expired" };
}

/** Whether this request should move lastSeenAt (at most once a minute per session). */
export function isTouchDue(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** The instant before which lastSeenAt is old enough to move, for the conditional update. */
export function touchCutoff(now: Date): Date {
  return new Date(now.getTime() - TOUCH_INTERVAL_MS);
}
