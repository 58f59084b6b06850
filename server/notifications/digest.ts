// What a therapist's daily digest says: per client, counts and a name only.
//
// Invariants:
// - Counts and client names, never text: not an agenda item's words, not a
//   reflection, not a score's comment.
// - Set-based: one statement per figure for any number of therapists (the
//   tick asks for every therapist whose digest is due at once).
// - Only active engagements count; "tomorrow" is the therapist's local
//   tomorrow; homework "recorded" means recorded or skipped in the last 24 h;
//   urgent questionnaire answers are those raised in the last 24 h and still
//   open (each was also told at once, and waits on the caseload until
//   acknowledged); messages are the client's from the last 24 h that the
//   therapist hasn't read yet (older unread ones wait on the caseload, so a
//   message left unread doesn't send a digest every day).
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { signalsFor, type TCheckInPoint, type TFeedbackPoint } from "../../lib/signals/rules";

export type TDigestLine = {
  engagementId: string;
  clientName: string;
  agendaItemsTomorrow: number;
  homeworkRecorded: number;
  hasFlag: boolean;
  /** PHQ-9 item-9 flags raised in the last 24 h and not yet acknowledged (server/measures/). */
  urgentMeasureFlags: number;
  /** The client's messages of the last 24 h the therapist hasn't read (issue 25). */
  unreadMessages: number;
};

export type TDigestTherapist = { id: string; timeZone: string };

type TReader = TDb | Prisma.TransactionClient;

/** Digest lines per therapist id; a therapist with nothing to say has no entry. */
export async function digestsFor(db: TReader, therapists: TDigestTherapist[], now: Date): Promise<Map<string, TDigestLine[]>> {
  const result = new Map<string, TDigestLine[]>();
  if (therapists.length === 0) return result;
  const ids = therapists.map((therapist) => therapist.id);
  const zones = therapists.map((therapist) => therapist.timeZone);
  const since = new Date(now.getTime() - 24 * 3_600_000);

  const [engagements, agenda, homework, feedback, checkIns, urgent, messages] = await Promise.all([
    db.$queryRaw<{ engagement_id: string; therapist_id: string; client_name: string }[]>`
      SELECT e.id AS engagement_id, e.therapist_id, c.name AS client_name
      FROM engagements e JOIN users c ON c.id = e.client_id
      WHERE e.therapist_id = ANY(${ids}::uuid[]) AND e.status = 'active'`,
    db.$queryRaw<{ engagement_id: string; count: number }[]>`
      SELECT s.engagement_id, count(*)::int AS count
      FROM unnest(${ids}::uuid[], ${zones}::text[]) AS t(id, zone)
      JOIN engagements e ON e.therapist_id = t.id AND e.status = 'active'
      JOIN therapy_sessions s ON s.engagement_id = e.id AND s.status = 'scheduled'
      JOIN agenda_items a ON a.session_id = s.id AND a.author_id = e.client_id AND a.status = 'open'
      WHERE (s.starts_at AT TIME ZONE t.zone)::date = (${now}::timestamptz AT TIME ZONE t.zone)::date + 1
      GROUP BY s.engagement_id`,
    db.$queryRaw<{ engagement_id: string; count: number }[]>`
      SELECT a.engagement_id, count(*)::int AS count
      FROM homework_completions hc
      JOIN homework_occurrences o ON o.id = hc.occurrence_id
      JOIN homework_assignments a ON a.id = o.assignment_id
      JOIN engagements e ON e.id = a.engagement_id AND e.status = 'active'
      WHERE e.therapist_id = ANY(${ids}::uuid[]) AND hc.completed_at > ${since} AND hc.completed_at <= ${now}
      GROUP BY a.engagement_id`,
    // The same window as caseloadSignals: the latest four points per engagement.
    db.$queryRaw<{ engagement_id: string; overall: number; created_at: Date }[]>`
      SELECT engagement_id, overall, created_at FROM (
        SELECT s.engagement_id, f.overall, f.created_at,
               row_number() OVER (PARTITION BY s.engagement_id ORDER BY f.created_at DESC) AS rank
        FROM session_feedback f JOIN therapy_sessions s ON s.id = f.session_id
        JOIN engagements e ON e.id = s.engagement_id
        WHERE e.therapist_id = ANY(${ids}::uuid[]) AND e.status = 'active'
      ) ranked WHERE rank <= 4`,
    db.$queryRaw<{ engagement_id: string; overall: number; created_at: Date }[]>`
      SELECT engagement_id, overall, created_at FROM (
        SELECT c.engagement_id, c.overall, c.created_at,
               row_number() OVER (PARTITION BY c.engagement_id ORDER BY c.created_at DESC) AS rank
        FROM check_ins c JOIN engagements e ON e.id = c.engagement_id
        WHERE e.therapist_id = ANY(${ids}::uuid[]) AND e.status = 'active'
      ) ranked WHERE rank <= 4`,
    db.$queryRaw<{ engagement_id: string; count: number }[]>`
      SELECT f.engagement_id, count(*)::int AS count
      FROM measure_flags f JOIN engagements e ON e.id = f.engagement_id AND e.status = 'active'
      WHERE e.therapist_id = ANY(${ids}::uuid[]) AND f.acknowledged_at IS NULL
        AND f.created_at > ${since} AND f.created_at <= ${now}
      GROUP BY f.engagement_id`,
    db.$queryRaw<{ engagement_id: string; count: number }[]>`
      SELECT m.engagement_id, count(*)::int AS count
      FROM messages m
      JOIN engagements e ON e.id = m.engagement_id AND e.status = 'active'
      LEFT JOIN conversation_reads r ON r.engagement_id = m.engagement_id AND r.user_id = e.therapist_id
      WHERE e.therapist_id = ANY(${ids}::uuid[]) AND m.author_id = e.client_id AND m.withdrawn_at IS NULL
        AND m.created_at > ${since} AND m.created_at <= ${now} AND (r.last_read_at IS NULL OR m.created_at > r.last_read_at)
      GROUP BY m.engagement_id`,
  ]);

  const agendaBy = new Map(agenda.map((row) => [row.engagement_id, row.count]));
  const homeworkBy = new Map(homework.map((row) => [row.engagement_id, row.count]));
  const urgentBy = new Map(urgent.map((row) => [row.engagement_id, row.count]));
  const messagesBy = new Map(messages.map((row) => [row.engagement_id, row.count]));
  const points = new Map<string, { feedback: TFeedbackPoint[]; checkIns: TCheckInPoint[] }>();
  const pointsFor = (id: string) => points.get(id) ?? points.set(id, { feedback: [], checkIns: [] }).get(id)!;
  for (const row of feedback) pointsFor(row.engagement_id).feedback.push({ overall: row.overall, createdAt: row.created_at });
  for (const row of checkIns) pointsFor(row.engagement_id).checkIns.push({ overall: row.overall, createdAt: row.created_at });

  for (const engagement of engagements) {
    const line: TDigestLine = {
      engagementId: engagement.engagement_id,
      clientName: engagement.client_name,
      agendaItemsTomorrow: agendaBy.get(engagement.engagement_id) ?? 0,
      homeworkRecorded: homeworkBy.get(engagement.engagement_id) ?? 0,
      hasFlag: signalsFor(points.get(engagement.engagement_id) ?? { feedback: [], checkIns: [] }).length > 0,
      urgentMeasureFlags: urgentBy.get(engagement.engagement_id) ?? 0,
      unreadMessages: messagesBy.get(engagement.engagement_id) ?? 0,
    };
    const isQuiet =
      line.agendaItemsTomorrow === 0 && line.homeworkRecorded === 0 && !line.hasFlag && line.urgentMeasureFlags === 0 && line.unreadMessages === 0;
    if (isQuiet) continue;
    const lines = result.get(engagement.therapist_id) ?? result.set(engagement.therapist_id, []).get(engagement.therapist_id)!;
    lines.push(line);
  }
  for (const lines of result.values()) lines.sort((a, b) => a.clientName.localeCompare(b.clientName));
  return result;
}

/** "Cleo Client: 1 unread message, 2 agenda items for tomorrow, 1 homework day recorded, a “may not be helping” flag". */
export function describeDigestLine(line: TDigestLine): string {
  const parts: string[] = [];
  if (line.urgentMeasureFlags > 0) {
    parts.push(`urgent: ${line.urgentMeasureFlags === 1 ? "a questionnaire answer needs" : `${line.urgentMeasureFlags} questionnaire answers need`} your follow-up`);
  }
  if (line.unreadMessages > 0) {
    parts.push(`${line.unreadMessages} unread ${line.unreadMessages === 1 ? "message" : "messages"}`);
  }
  if (line.agendaItemsTomorrow > 0) {
    parts.push(`${line.agendaItemsTomorrow} agenda ${line.agendaItemsTomorrow === 1 ? "item" : "items"} for tomorrow`);
  }
  if (line.homeworkRecorded > 0) {
    parts.push(`${line.homeworkRecorded} homework ${line.homeworkRecorded === 1 ? "day" : "days"} recorded`);
  }
  if (line.hasFlag) parts.push("a “may not be helping” flag is open");
  return `${line.clientName}: ${parts.join(", ")}`;
}
