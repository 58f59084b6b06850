// What happened since the last session, for the therapist's "Needs your
// attention" on a client's page: homework recorded (done, partly, skipped),
// days that passed with nothing recorded, exercise entries sent and journal
// entries newly shared. The window is the session brief's
// (server/sessions/since.ts), up to now. Counts only, never text: ONE
// statement, whatever the number of records (indexes on
// homework_assignments(engagement_id, …), homework_occurrences(assignment_id,
// due_on), exercise_entries(engagement_id, sent_at) and
// journal_entries(shared_engagement_id, visibility, created_at)).
// Urgent answers, off-track warnings and feedback signals come with the
// engagement's progress (./progress.ts); new agenda items and unread messages
// with its header (./header.ts).
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import { lastSessionStartSql } from "../sessions/since";
import { localDay } from "../../lib/time/zones";
import { now as clockNow } from "../clock";

export type TAttention = {
  /** The last session's start; null when there was none yet (the counts then go back to the start). */
  since: Date | null;
  homework: { done: number; partlyDone: number; skipped: number; notRecorded: number };
  exerciseEntries: number;
  sharedJournalEntries: number;
};

type TRow = {
  since_at: Date;
  done: number;
  partly_done: number;
  skipped: number;
  not_recorded: number;
  exercise_entries: number;
  shared_journal_entries: number;
};

export async function attentionFor(
  db: TDb,
  engagementId: string,
  clientTimeZone: string | null,
  now = clockNow(),
): Promise<TAttention> {
  const [row] = await db.$queryRaw<TRow[]>(attentionSql(engagementId, clientTimeZone, now));
  return {
    since: row.since_at.getTime() === 0 ? null : row.since_at,
    homework: { done: row.done, partlyDone: row.partly_done, skipped: row.skipped, notRecorded: row.not_recorded },
    exerciseEntries: row.exercise_entries,
    sharedJournalEntries: row.shared_journal_entries,
  };
}

/** The one statement, on its own so its plan can be read (EXPLAIN). */
export function attentionSql(engagementId: string, clientTimeZone: string | null, now: Date): Prisma.Sql {
  // Days before the client's today count as passed; today is still theirs to record.
  const today = localDay(now, clientTimeZone ?? "UTC");
  const zone = clientTimeZone ?? "UTC";
  return Prisma.sql`
    WITH since AS (SELECT ${lastSessionStartSql(engagementId, now)} AS at)
    SELECT since.at AS since_at,
           recorded.done, recorded.partly_done, recorded.skipped,
           (SELECT count(*)::int
              FROM homework_assignments a
              JOIN homework_occurrences o ON o.assignment_id = a.id
             WHERE a.engagement_id = ${engagementId}::uuid AND a.status = 'active'
               AND o.due_on >= (since.at AT TIME ZONE ${zone})::date
               AND o.due_on < ${today}::date
               AND NOT EXISTS (SELECT 1 FROM homework_completions c WHERE c.occurrence_id = o.id)) AS not_recorded,
           (SELECT count(*)::int FROM exercise_entries e
             WHERE e.engagement_id = ${engagementId}::uuid AND e.sent_at > since.at AND e.sent_at <= ${now}) AS exercise_entries,
           (SELECT count(*)::int FROM journal_entries j
             JOIN engagements g ON g.id = j.shared_engagement_id AND g.status = 'active'
             WHERE j.shared_engagement_id = ${engagementId}::uuid AND j.visibility = 'shared'
               AND j.shared_at > since.at AND j.shared_at <= ${now}) AS shared_journal_entries
    FROM since
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE c.status = 'done')::int AS done,
             count(*) FILTER (WHERE c.status = 'partly_done')::int AS partly_done,
             count(*) FILTER (WHERE c.status = 'skipped')::int AS skipped
        FROM homework_completions c
        JOIN homework_occurrences o ON o.id = c.occurrence_id
        JOIN homework_assignments a ON a.id = o.assignment_id
       WHERE a.engagement_id = ${engagementId}::uuid AND c.completed_at > since.at AND c.completed_at <= ${now}
    ) recorded`;
}
