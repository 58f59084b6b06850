// Read models for engagements: the therapist's caseload, the client's
// relationships, and one engagement's header. Each is a fixed number of SQL
// statements whatever the caseload size (docs/house-style.md, H13).
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TEngagementContext } from "./access";
import { summaryFrom, type TEngagementSummary } from "./header";
import { isOffTrackSql } from "../measures/off-track-sql";
import { UNREAD_MESSAGES_COUNTED, type TMessagingMode } from "../../lib/constants/message";

export type { TEngagementSummary } from "./header";
import { now as clockNow } from "../clock";

/** Caseloads are bounded; search and paging arrive with the caseload issue. */
export const CASELOAD_LIMIT = 200;

type TCaseloadRow = {
  id: string;
  status: TEngagementSummary["status"];
  therapist_id: string;
  client_id: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  therapist_name: string;
  client_name: string | null;
  client_time_zone: string | null;
  invitation_name: string | null;
  invitation_email: string | null;
  invitation_created_at: Date | null;
  invitation_expires_at: Date | null;
  next_session_id: string | null;
  next_session_starts_at: Date | null;
  new_agenda_items: number | null;
  conversation_mode: TMessagingMode | null;
  reply_time: string | null;
  unread: number;
};

/**
 * Every engagement of the viewer, with its header (header.ts), in ONE
 * statement. For a therapist, who needs them first comes first: current
 * clients, then among them an urgent questionnaire answer, a measure off track
 * (server/measures/off-track-sql.ts), unread messages, new agenda items for the
 * next session, each in that order of weight; then invitations and ended work;
 * then by name. Ordered in SQL, so no row is looked at twice.
 */
export async function listEngagements(
  db: TDb,
  user: TSessionUser,
  now = clockNow(),
): Promise<{ engagement: TEngagementContext; summary: TEngagementSummary; clientTimeZone: string | null }[]> {
  const rows = await db.$queryRaw<TCaseloadRow[]>(caseloadSql(user, now));
  return rows.map((row) => ({
    engagement: { id: row.id, status: row.status, therapistId: row.therapist_id, clientId: row.client_id },
    summary: summaryFrom(
      user,
      {
        id: row.id,
        status: row.status,
        startedAt: row.started_at,
        endedAt: row.ended_at,
        therapistName: row.therapist_name,
        clientName: row.client_name,
        invitation:
          row.invitation_email !== null
            ? { name: row.invitation_name!, email: row.invitation_email, createdAt: row.invitation_created_at!, expiresAt: row.invitation_expires_at! }
            : null,
        nextSession:
          row.next_session_id !== null
            ? { id: row.next_session_id, startsAt: row.next_session_starts_at!, newAgendaItems: row.new_agenda_items ?? 0 }
            : null,
        conversation: row.conversation_mode !== null ? { mode: row.conversation_mode, replyTime: row.reply_time ?? "" } : null,
        unread: row.unread,
      },
      now,
    ),
    clientTimeZone: row.client_time_zone,
  }));
}

/** The caseload's one statement, on its own so its plan can be read (EXPLAIN). */
export function caseloadSql(user: Pick<TSessionUser, "id" | "role">, now: Date): Prisma.Sql {
  const isTherapist = user.role === "therapist";
  const mine = isTherapist ? Prisma.sql`e.therapist_id = ${user.id}::uuid` : Prisma.sql`e.client_id = ${user.id}::uuid`;
  // The client's own open items: by the client when they are viewing, by anyone but the therapist otherwise.
  const clientAuthored = isTherapist ? Prisma.sql`a.author_id <> ${user.id}::uuid` : Prisma.sql`a.author_id = ${user.id}::uuid`;
  // Only a current client can need a therapist's attention.
  const needs = isTherapist
    ? Prisma.sql`(e.status = 'active' AND EXISTS (SELECT 1 FROM measure_flags f WHERE f.engagement_id = e.id AND f.acknowledged_at IS NULL)) DESC,
                 (e.status = 'active' AND ${isOffTrackSql(Prisma.sql`e.id`)}) DESC,
                 (unread.count > 0) DESC,
                 (COALESCE(ns.new_agenda_items, 0) > 0) DESC,`
    : Prisma.empty;
  return Prisma.sql`
    SELECT e.id, e.status::text AS status, e.therapist_id, e.client_id, e.started_at, e.ended_at,
           t.name AS therapist_name, c.name AS client_name, c.time_zone AS client_time_zone,
           inv.name AS invitation_name, inv.email AS invitation_email,
           inv.created_at AS invitation_created_at, inv.expires_at AS invitation_expires_at,
           ns.id AS next_session_id, ns.starts_at AS next_session_starts_at, ns.new_agenda_items,
           cv.mode::text AS conversation_mode, cv.reply_time, unread.count AS unread
    FROM engagements e
    JOIN users t ON t.id = e.therapist_id
    LEFT JOIN users c ON c.id = e.client_id
    LEFT JOIN conversations cv ON cv.engagement_id = e.id
    LEFT JOIN LATERAL (
      SELECT i.name, i.email, i.created_at, i.expires_at FROM invitations i
      WHERE i.engagement_id = e.id ORDER BY i.created_at DESC LIMIT 1
    ) inv ON true
    LEFT JOIN LATERAL (
      SELECT s.id, s.starts_at,
             (SELECT count(*)::int FROM agenda_items a WHERE a.session_id = s.id AND a.status = 'open' AND ${clientAuthored}) AS new_agenda_items
      FROM therapy_sessions s
      WHERE s.engagement_id = e.id AND s.status = 'scheduled' AND s.starts_at >= ${now}
      ORDER BY s.starts_at ASC LIMIT 1
    ) ns ON true
    -- Unread is "newer than my read mark": the other person's newest few (index messages(engagement_id,
    -- created_at, id)), exact up to UNREAD_MESSAGES_COUNTED, one more meaning "more".
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count FROM (
        SELECT 1 FROM messages m
        WHERE m.engagement_id = e.id AND m.author_id <> ${user.id}::uuid AND m.withdrawn_at IS NULL
          AND m.created_at > COALESCE((SELECT r.last_read_at FROM conversation_reads r
                                       WHERE r.engagement_id = e.id AND r.user_id = ${user.id}::uuid), '-infinity'::timestamptz)
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT ${UNREAD_MESSAGES_COUNTED + 1}::int
      ) newest
    ) unread
    -- Withdrawn invitations (ended before they ever started) are left out.
    WHERE ${mine} AND NOT (e.status = 'ended' AND e.started_at IS NULL)
    ORDER BY CASE e.status WHEN 'active' THEN 0 WHEN 'invited' THEN 1 ELSE 2 END,
             ${needs}
             lower(COALESCE(${isTherapist ? Prisma.sql`c.name, inv.name` : Prisma.sql`t.name`}, '')), e.id
    LIMIT ${CASELOAD_LIMIT}::int`;
}
