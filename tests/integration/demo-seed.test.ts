// The demo practice (prisma/seed/demo.ts) is seeded whenever someone starts
// the app, so it has to hold together at any moment: any time of day in its
// people's zones (London, Stockholm, New York, Kolkata), on the days their
// clocks change. Each case loads it in a transaction that is rolled back.
import { describe, expect, it } from "vitest";
import { seedStarterTemplates } from "@/prisma/seed/starter-templates";
import { loadDemo } from "@/prisma/seed/demo/load";
import { DEMO_ACCOUNTS, DEMO_FORMER_THERAPIST } from "@/server/auth/demo-accounts";
import type { Prisma } from "@/server/db/generated/client";
import { connectTestDb } from "../support/db";

const db = connectTestDb();
const EMAILS = [...DEMO_ACCOUNTS, DEMO_FORMER_THERAPIST].map((account) => account.email);
const ROLLED_BACK = new Error("rolled back");

const MOMENTS = [
  ["London springs forward", "2026-03-29T01:30:00Z"],
  ["New York springs forward", "2026-03-08T07:00:00Z"],
  ["London's repeated hour", "2026-10-25T01:30:00Z"],
  ["New York's repeated hour", "2026-11-01T05:30:00Z"],
  ["just before midnight in Kolkata", "2026-06-15T18:29:00Z"],
  ["just after midnight in Kolkata", "2026-06-15T18:30:00Z"],
  ["midnight in New York", "2026-02-27T05:00:00Z"],
  ["the last minute of a year in London", "2026-12-31T23:59:00Z"],
] as const;

/** Every moment the demo wrote for its people, by what it is. */
async function demoMoments(tx: Prisma.TransactionClient): Promise<{ what: string; at: Date }[]> {
  return tx.$queryRaw`
    WITH people AS (SELECT id FROM users WHERE email = ANY(${EMAILS}::text[])),
         work AS (SELECT id FROM engagements WHERE client_id IN (SELECT id FROM people)),
         their_sessions AS (SELECT id FROM therapy_sessions WHERE engagement_id IN (SELECT id FROM work)),
         their_goals AS (SELECT id FROM goals WHERE engagement_id IN (SELECT id FROM work)),
         their_occurrences AS (SELECT o.id FROM homework_occurrences o JOIN homework_assignments a ON a.id = o.assignment_id
                         WHERE a.engagement_id IN (SELECT id FROM work))
    SELECT what, at FROM (
      SELECT 'user' AS what, created_at AS at FROM users WHERE id IN (SELECT id FROM people)
      UNION ALL SELECT 'engagement started', started_at FROM engagements WHERE id IN (SELECT id FROM work)
      UNION ALL SELECT 'session booked', created_at FROM therapy_sessions WHERE id IN (SELECT id FROM their_sessions)
      UNION ALL SELECT 'session held', starts_at FROM therapy_sessions WHERE id IN (SELECT id FROM their_sessions) AND status <> 'scheduled'
      UNION ALL SELECT 'agenda item', created_at FROM agenda_items WHERE session_id IN (SELECT id FROM their_sessions)
      UNION ALL SELECT 'agenda item settled', status_changed_at FROM agenda_items WHERE session_id IN (SELECT id FROM their_sessions) AND status_changed_at IS NOT NULL
      UNION ALL SELECT 'note', updated_at FROM session_notes WHERE session_id IN (SELECT id FROM their_sessions)
      UNION ALL SELECT 'feedback', created_at FROM session_feedback WHERE session_id IN (SELECT id FROM their_sessions)
      UNION ALL SELECT 'check-in', created_at FROM check_ins WHERE engagement_id IN (SELECT id FROM work)
      UNION ALL SELECT 'goal', updated_at FROM goals WHERE id IN (SELECT id FROM their_goals)
      UNION ALL SELECT 'goal status', created_at FROM goal_status_changes WHERE goal_id IN (SELECT id FROM their_goals)
      UNION ALL SELECT 'step done', done_at FROM goal_steps WHERE goal_id IN (SELECT id FROM their_goals) AND done_at IS NOT NULL
      UNION ALL SELECT 'rating', created_at FROM goal_ratings WHERE goal_id IN (SELECT id FROM their_goals)
      UNION ALL SELECT 'homework assigned', created_at FROM homework_assignments WHERE engagement_id IN (SELECT id FROM work)
      UNION ALL SELECT 'homework recorded', completed_at FROM homework_completions WHERE occurrence_id IN (SELECT id FROM their_occurrences)
      UNION ALL SELECT 'homework reply', feedback_at FROM homework_completions WHERE occurrence_id IN (SELECT id FROM their_occurrences) AND feedback_at IS NOT NULL
      UNION ALL SELECT 'journal', updated_at FROM journal_entries WHERE client_id IN (SELECT id FROM people)
      UNION ALL SELECT 'notification', created_at FROM notifications WHERE user_id IN (SELECT id FROM people)
      UNION ALL SELECT 'notification read', read_at FROM notifications WHERE user_id IN (SELECT id FROM people) AND read_at IS NOT NULL
      UNION ALL SELECT 'questionnaire', completed_at FROM measure_responses WHERE engagement_id IN (SELECT id FROM work)
    ) moments`;
}

describe("the demo practice", () => {
  it.each(MOMENTS)("holds together when seeded at %s", async (_, text) => {
    const now = new Date(text);
    const work = db.$transaction(
      async (tx) => {
        await seedStarterTemplates(tx);
        await loadDemo(tx, { now, passwordHash: "not a real hash" });
        const moments = await demoMoments(tx);
        expect(moments.length).toBeGreaterThan(250);
        const later = moments.filter((moment) => moment.at.getTime() > now.getTime()).map((moment) => moment.what);
        expect(later, "written as if it had happened after the demo was seeded").toEqual([]);
        const upcoming = await tx.therapySession.findMany({
          where: { status: "scheduled", engagement: { client: { email: { in: EMAILS } } } },
          select: { startsAt: true },
        });
        expect(upcoming).toHaveLength(3);
        for (const session of upcoming) expect(session.startsAt.getTime()).toBeGreaterThan(now.getTime());
        throw ROLLED_BACK;
      },
      { timeout: 60_000 },
    );
    await expect(work).rejects.toBe(ROLLED_BACK);
  });
});
