// The demo practice (prisma/seed/demo.ts) is seeded whenever someone starts
// the app, so it has to hold together at any moment: any time of day in its
// people's zones (London, Stockholm, New York, Kolkata), on the days their
// clocks change. Each case loads it in a transaction that is rolled back.
// The demo client's exercises and messages are read back as the app reads them.
import { describe, expect, it } from "vitest";
import { seedStarterTemplates } from "@/prisma/seed/starter-templates";
import { loadDemo } from "@/prisma/seed/demo/load";
import { DEMO_ACCOUNTS, DEMO_COLLEAGUE_CLIENT, DEMO_COLLEAGUES, DEMO_FORMER_THERAPIST, DEMO_PRACTICE_NAME } from "@/server/auth/demo-accounts";
import type { Prisma } from "@/server/db/generated/client";
import type { TDb } from "@/server/db/client";
import { openDefinition } from "@/server/exercises/forms";
import { ladderProgress } from "@/server/exercises/ladder";
import { entriesOf, exerciseBrief } from "@/server/exercises/read-back";
import { STARTER_EXERCISES } from "@/lib/exercises/starters";
import { DEMO_MAYA } from "@/prisma/seed/demo/people";
import { openField } from "@/server/crypto/sealed-fields";
import { messagesBetween, unreadMessagesBy } from "@/server/messages/counts";
import { getSafetyPlan, listSafetyPlanVersions } from "@/server/safety-plans/plans";
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
      UNION ALL SELECT 'exercise template', created_at FROM homework_templates WHERE owner_id IN (SELECT therapist_id FROM engagements WHERE id IN (SELECT id FROM work))
      UNION ALL SELECT 'exercise form', created_at FROM exercise_forms WHERE template_id IN (SELECT id FROM homework_templates WHERE owner_id IN (SELECT therapist_id FROM engagements WHERE id IN (SELECT id FROM work)))
      UNION ALL SELECT 'exercise started', created_at FROM exercise_entries WHERE engagement_id IN (SELECT id FROM work)
      UNION ALL SELECT 'exercise sent', sent_at FROM exercise_entries WHERE engagement_id IN (SELECT id FROM work) AND sent_at IS NOT NULL
      UNION ALL SELECT 'skill noted', skill_rated_at FROM exercise_entries WHERE engagement_id IN (SELECT id FROM work) AND skill_rated_at IS NOT NULL
      UNION ALL SELECT 'ladder step', created_at FROM ladder_steps WHERE engagement_id IN (SELECT id FROM work)
      UNION ALL SELECT 'exercise review added', exercise_review_added_at FROM therapy_sessions WHERE id IN (SELECT id FROM their_sessions) AND exercise_review_added_at IS NOT NULL
      UNION ALL SELECT 'messages turned on', updated_at FROM conversations WHERE engagement_id IN (SELECT id FROM work)
      UNION ALL SELECT 'message', created_at FROM messages WHERE engagement_id IN (SELECT id FROM work)
      UNION ALL SELECT 'conversation read', last_read_at FROM conversation_reads WHERE engagement_id IN (SELECT id FROM work)
      UNION ALL SELECT 'safety plan', updated_at FROM safety_plans WHERE engagement_id IN (SELECT id FROM work)
      UNION ALL SELECT 'safety plan version', v.created_at FROM safety_plan_versions v JOIN safety_plans p ON p.id = v.plan_id WHERE p.engagement_id IN (SELECT id FROM work)
    ) moments`;
}

/**
 * The demo client's exercises, read as the app reads them: a thought record
 * made from the starter by the demo therapist, assigned daily, with sent
 * entries (one with a skill note and a reply), and a ladder with a practice.
 */
async function expectMayasExercises(tx: Prisma.TransactionClient, now: Date) {
  const db = tx as unknown as TDb;
  const engagement = await tx.engagement.findFirstOrThrow({ where: { client: { email: DEMO_MAYA.email }, status: "active" }, select: { id: true, therapistId: true } });
  const assignments = await tx.homeworkAssignment.findMany({
    where: { engagementId: engagement.id, formId: { not: null } },
    select: { id: true, schedule: true, template: { select: { ownerId: true } }, form: { select: { id: true, version: true, definition: true } } },
  });
  const forms = assignments.map((assignment) => ({ ...assignment, form: openDefinition(assignment.form!) }));
  const thoughtRecord = forms.find((assignment) => assignment.form.fields.some((field) => field.key === "belief_before"));
  expect(thoughtRecord, "a thought record exercise").toBeDefined();
  expect(thoughtRecord!.schedule).toBe("daily");
  expect(thoughtRecord!.template?.ownerId).toBe(engagement.therapistId);
  expect(thoughtRecord!.form.fields.map((field) => field.key)).toEqual(STARTER_EXERCISES.find((starter) => starter.key === "thought_record")!.fields.map((field) => field.key));

  const entries = await entriesOf(db, { id: thoughtRecord!.id, engagement: { id: engagement.id } }, 1);
  expect(entries.total).toBeGreaterThanOrEqual(2);
  expect(entries.total).toBeLessThanOrEqual(3);
  for (const entry of entries.entries) {
    expect(entry.sentAt.getTime()).toBeLessThan(now.getTime());
    expect(entry.answers).toHaveProperty("belief_before");
    expect(entry.answers).toHaveProperty("belief_after");
    expect(Array.isArray(entry.answers.emotions) && entry.answers.emotions.length).toBeGreaterThan(0);
  }
  const noted = entries.entries.filter((entry) => entry.skillRating !== null);
  expect(noted).toHaveLength(1);
  expect(noted[0]!.hasReply).toBe(true);
  expect(entries.charts.map((chart) => chart.key)).toEqual(expect.arrayContaining(["belief_before", "belief_after"]));

  const ladder = await ladderProgress(db, engagement.id);
  expect(ladder.length).toBeGreaterThanOrEqual(3);
  expect(ladder.length).toBeLessThanOrEqual(4);
  expect(ladder.map((step) => step.expectedAnxiety)).toEqual([...ladder.map((step) => step.expectedAnxiety)].sort((a, b) => a - b));
  expect(ladder.flatMap((step) => step.practices)).toHaveLength(1);

  // The next session's brief counts them: the entries were sent after the last completed session.
  const [last, next] = await Promise.all([
    tx.therapySession.findFirstOrThrow({ where: { engagementId: engagement.id, status: "completed" }, orderBy: { startsAt: "desc" }, select: { startsAt: true } }),
    tx.therapySession.findFirstOrThrow({ where: { engagementId: engagement.id, status: "scheduled" }, select: { startsAt: true } }),
  ]);
  const brief = await exerciseBrief(db, engagement.id, last.startsAt, next.startsAt);
  expect(brief.map((line) => line.line)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Thought record: \d done; belief fell from \d+ to \d+ on average$/), expect.stringMatching(/^Facing a step on your ladder: 1 done\b/)]),
  );
}

/** The demo client's safety plan, read as the app reads it: two versions, Maya's then Dr. Okafor's. */
async function expectMayasSafetyPlan(tx: Prisma.TransactionClient) {
  const db = tx as unknown as TDb;
  const engagement = await tx.engagement.findFirstOrThrow({
    where: { client: { email: DEMO_MAYA.email }, status: "active" },
    select: { id: true, status: true, therapistId: true, clientId: true },
  });
  const plan = await getSafetyPlan(db, engagement);
  expect(plan.version).toBe(2);
  expect(plan.content.warningSigns.length).toBeGreaterThan(0);
  expect(plan.content.peopleToAsk[0]!.phone).not.toBe("");
  const versions = await listSafetyPlanVersions(db, engagement);
  expect(versions.map((version) => [version.version, version.authorRole])).toEqual([
    [2, "therapist"],
    [1, "client"],
  ]);
  expect(versions[0]!.changes.map((change) => change.section)).toEqual(["professionals"]);
}

/**
 * The demo client's messages, read as the app reads them: on, reply-only with
 * a reply time, the therapist's nudge, Maya's answer to it and a reply she
 * hasn't read yet (one unread, in her bell too); nothing unread for the
 * therapist; everything after the last session, so the brief counts it.
 */
async function expectMayasConversation(tx: Prisma.TransactionClient) {
  const engagement = await tx.engagement.findFirstOrThrow({
    where: { client: { email: DEMO_MAYA.email }, status: "active" },
    select: { id: true, therapistId: true, clientId: true, conversation: { select: { mode: true, replyTime: true } } },
  });
  expect(engagement.conversation?.mode).toBe("reply_only");
  expect(engagement.conversation?.replyTime).not.toBe("");
  const messages = await tx.message.findMany({
    where: { engagementId: engagement.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, authorId: true, body: true, replyToId: true, createdAt: true },
  });
  expect(messages.map((message) => (message.authorId === engagement.therapistId ? "therapist" : "client"))).toEqual(["therapist", "client", "therapist"]);
  expect(messages.map((message) => message.replyToId)).toEqual([null, messages[0]!.id, messages[1]!.id]);
  for (const message of messages) {
    const text = openField("messageBody", { engagementId: engagement.id, authorId: message.authorId, messageId: message.id }, message.body!);
    expect(text.length).toBeGreaterThan(40);
  }
  expect((await unreadMessagesBy(tx, engagement.clientId!, [engagement.id])).get(engagement.id)).toBe(1);
  expect((await unreadMessagesBy(tx, engagement.therapistId, [engagement.id])).has(engagement.id)).toBe(false);
  const notices = await tx.notification.findMany({
    where: { engagementId: engagement.id, kind: { in: ["message_from_client", "message_from_therapist"] } },
    select: { userId: true, title: true, linkPath: true, readAt: true },
  });
  expect(notices).toHaveLength(3);
  expect(notices.filter((notice) => notice.readAt === null).map((notice) => notice.userId)).toEqual([engagement.clientId]);
  for (const notice of notices) expect(notice.linkPath).toBe(`/messages/${engagement.id}`);
  const last = await tx.therapySession.findFirstOrThrow({
    where: { engagementId: engagement.id, status: "completed" },
    orderBy: { startsAt: "desc" },
    select: { startsAt: true },
  });
  expect(await messagesBetween(tx, engagement.id, last.startsAt, messages.at(-1)!.createdAt)).toBe(3);
}

/** The therapist owns a practice with a clinician (who has a client of his own) and a supervisor (issue 29). */
async function expectThePractice(tx: Prisma.TransactionClient, now: Date) {
  const members = await tx.practiceMember.findMany({
    where: { practice: { name: DEMO_PRACTICE_NAME } },
    select: { role: true, leftAt: true, joinedAt: true, user: { select: { email: true, role: true } } },
  });
  expect(members.map((member) => [member.user.email, member.role]).sort()).toEqual(
    [[DEMO_ACCOUNTS[0].email, "owner"], ...DEMO_COLLEAGUES.map((colleague) => [colleague.email, colleague.practiceRole])].sort(),
  );
  for (const member of members) {
    expect(member.leftAt).toBeNull();
    expect(member.user.role).toBe("therapist");
    expect(member.joinedAt.getTime()).toBeLessThanOrEqual(now.getTime());
  }
  const jordans = await tx.engagement.findMany({
    where: { client: { email: DEMO_COLLEAGUE_CLIENT.email } },
    select: { status: true, startedAt: true, therapist: { select: { email: true } } },
  });
  expect(jordans).toEqual([{ status: "active", startedAt: expect.any(Date), therapist: { email: DEMO_COLLEAGUES[0].email } }]);
  expect(jordans[0]!.startedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
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
        await expectMayasExercises(tx, now);
        await expectMayasConversation(tx);
        await expectMayasSafetyPlan(tx);
        await expectThePractice(tx, now);
        throw ROLLED_BACK;
      },
      { timeout: 60_000 },
    );
    await expect(work).rejects.toBe(ROLLED_BACK);
  });
});
