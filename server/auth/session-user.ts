// The signed-in user as every request sees it: re-read from the database on
// each request, together with the session's own row (auth_sessions), so a
// deactivated account, a changed password (which bumps sessionVersion), a
// sign-out, an idle spell or the absolute lifetime ends the session on its
// next request, whichever app instance serves it (docs/security-and-privacy.md, S9). The rules
// are in session-limits.ts; this module reads and writes the rows.
import type { TDb } from "../db/client";
import type { AuthSessionEndReason, Role } from "../db/generated/enums";
import { now as clockNow } from "../clock";
import { isTouchDue, judgeSession, sessionLimits, touchCutoff, type TSessionLimits, type TSessionRecord } from "./session-limits";

export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  sessionVersion: number;
  /** Two-step sign-in is on (users.totp_enabled_at): read with the session, so the therapists' requirement costs no query. */
  hasTwoFactor: boolean;
  /**
   * The practice behind this person, read with the session (no query of its
   * own): a therapist's own, a client's therapist's (their most recent active
   * engagement's). Absent for a practice of one without a row, and for a
   * client without an active engagement in a practice.
   */
  practice?: TSessionPractice;
};

/** What every page may need of a practice: whether its members must use two-step sign-in, and its crisis text ("" : the instance's). */
export type TSessionPractice = { requiresTwoStep: boolean; crisisResources: string };

/** What the session cookie carries: identity, version and its auth_sessions row, never the role. */
export type TSessionClaims = { userId: string; sessionVersion: number; sessionId: string };

export type TSessionCheck =
  | {
      ok: true;
      user: TSessionUser;
      /** Their unread notifications, read with the session (the bell on every page). */
      unreadNotifications: number;
      /** A current supervisor in a practice (server/supervision): the shell shows "Supervision"; read with the session, so no statement of its own. */
      isSupervisor: boolean;
      /** A client with a supervision request waiting for their answer (the notice on Today); read with the session too. */
      isAskedToShare: boolean;
    }
  | { ok: false; reason: AuthSessionEndReason };

export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  timeZone: true,
  sessionVersion: true,
  totpEnabledAt: true,
} as const;

type TSessionUserRow = { id: string; email: string; name: string; role: Role; timeZone: string; sessionVersion: number; totpEnabledAt: Date | null };

/** A row read with SESSION_USER_SELECT, as the request sees it. */
export function toSessionUser({ totpEnabledAt, ...row }: TSessionUserRow): TSessionUser {
  return { ...row, hasTwoFactor: totpEnabledAt !== null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opens a session for a user who has just proved who they are; returns its id for the cookie. */
export async function startSession(db: TDb, userId: string, now = clockNow()): Promise<string> {
  const session = await db.authSession.create({
    data: { userId, createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  return session.id;
}

/** Ends a session (sign-out, or a lapse noticed); a session already ended keeps its first reason. */
export async function endSession(db: TDb, sessionId: string, reason: AuthSessionEndReason, now = clockNow()): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await db.authSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endedReason: reason } });
  // Signing out on a shared computer: the next person there sees no pushes of ours.
  // (A sign-in that merely timed out keeps its device's pushes: reminders still arrive.)
  if (reason === "signed_out") await db.pushSubscription.deleteMany({ where: { authSessionId: sessionId } });
}

/**
 * The user behind a session cookie, or why there is none. One statement on
 * the common path (the session row joined to its user), plus a conditional
 * update at most once a minute to move lastSeenAt, and one to end the row the
 * first time a refusal is noticed.
 */
export async function loadSessionUser(
  db: TDb,
  claims: TSessionClaims,
  options: { now?: Date; limits?: TSessionLimits } = {},
): Promise<TSessionCheck> {
  // The cookie is ours (signed and encrypted), but a malformed id must not reach a uuid column.
  if (!UUID.test(claims.sessionId) || !UUID.test(claims.userId)) return { ok: false, reason: "revoked" };
  const now = options.now ?? clockNow();
  const record = await findSessionRecord(db, claims, now);
  if (!record) return { ok: false, reason: "revoked" };
  const verdict = judgeSession(record, claims.sessionVersion, options.limits ?? sessionLimits(), now);
  if (!verdict.isAlive) {
    // Lapses are one-way (session-limits.ts), so the row can say so for good.
    if (!record.endedAt) await endSession(db, claims.sessionId, verdict.reason, now);
    return { ok: false, reason: verdict.reason };
  }
  if (isTouchDue(record.lastSeenAt, now)) {
    // Conditional, so instances racing on the same session write once.
    await db.authSession.updateMany({
      where: { id: claims.sessionId, endedAt: null, lastSeenAt: { lte: touchCutoff(now) } },
      data: { lastSeenAt: now },
    });
  }
  const { deactivatedAt: _deactivatedAt, ...user } = record.user;
  return { ok: true, user, unreadNotifications: record.unreadNotifications, isSupervisor: record.isSupervisor, isAskedToShare: record.isAskedToShare };
}

type TSessionRow = {
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
  ended_reason: AuthSessionEndReason | null;
  id: string;
  email: string;
  name: string;
  role: Role;
  time_zone: string;
  session_version: number;
  deactivated_at: Date | null;
  totp_enabled_at: Date | null;
  unread_notifications: number;
  practice_requires_two_step: boolean | null;
  practice_crisis_resources: string | null;
  is_supervisor: boolean;
  is_asked_to_share: boolean;
};

/**
 * The session row and its user in one statement, with the count of the
 * user's unread notifications (index notifications(user_id, read_at,
 * created_at)): this runs on every request, and every page's bell shows the
 * count. Raw SQL to keep it one plain statement. Selects exactly
 * SESSION_USER_SELECT's columns plus what the rules need.
 */
async function findSessionRecord(
  db: TDb,
  claims: TSessionClaims,
  now: Date,
): Promise<(TSessionRecord & { user: TSessionUser & { deactivatedAt: Date | null }; unreadNotifications: number; isSupervisor: boolean; isAskedToShare: boolean }) | null> {
  const [row] = await db.$queryRaw<TSessionRow[]>`
    SELECT s.created_at, s.last_seen_at, s.ended_at, s.ended_reason::text AS ended_reason,
           u.id, u.email, u.name, u.role::text AS role, u.time_zone, u.session_version, u.deactivated_at, u.totp_enabled_at,
           (SELECT count(*)::int FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread_notifications,
           pr.require_two_step AS practice_requires_two_step, pr.crisis_resources AS practice_crisis_resources,
           EXISTS (SELECT 1 FROM practice_members pm WHERE pm.user_id = u.id AND pm.left_at IS NULL AND pm.role = 'supervisor') AS is_supervisor,
           EXISTS (SELECT 1 FROM engagements e JOIN supervision_requests sr ON sr.engagement_id = e.id
                   WHERE e.client_id = u.id AND sr.status = 'asked' AND sr.until > ${now}) AS is_asked_to_share
    FROM auth_sessions s JOIN users u ON u.id = s.user_id
    LEFT JOIN LATERAL (
      SELECT p.require_two_step, p.crisis_resources
      FROM practice_members m JOIN practices p ON p.id = m.practice_id
      WHERE m.left_at IS NULL AND m.user_id = CASE WHEN u.role = 'therapist' THEN u.id ELSE (
        SELECT e.therapist_id FROM engagements e WHERE e.client_id = u.id AND e.status = 'active' ORDER BY e.started_at DESC NULLS LAST LIMIT 1
      ) END
      LIMIT 1
    ) pr ON true
    WHERE s.id = ${claims.sessionId}::uuid AND s.user_id = ${claims.userId}::uuid`;
  if (!row) return null;
  return {
    unreadNotifications: row.unread_notifications,
    isSupervisor: row.is_supervisor,
    isAskedToShare: row.is_asked_to_share,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    endedAt: row.ended_at,
    endedReason: row.ended_reason,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      timeZone: row.time_zone,
      sessionVersion: row.session_version,
      hasTwoFactor: row.totp_enabled_at !== null,
      deactivatedAt: row.deactivated_at,
      ...(row.practice_requires_two_step === null
        ? {}
        : { practice: { requiresTwoStep: row.practice_requires_two_step, crisisResources: row.practice_crisis_resources ?? "" } }),
    },
  };
}
