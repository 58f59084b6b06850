// The scale seed (prisma/seed/scale.ts) writes rows as the app would: its
// focus engagement's exercise, entries, ladder and messages read back through
// the app's own read models, with every sealed column sealed.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { requireDatabaseUrl } from "@/server/env";
import { ladderProgress } from "@/server/exercises/ladder";
import { entriesOf } from "@/server/exercises/read-back";
import { seedScale, scaleClientEmail } from "@/prisma/seed/scale";
import { callerFor } from "../factories";
import { connectTestDb } from "../support/db";

const db = connectTestDb();

describe("the scale seed's focus engagement", () => {
  it("reads back as the app reads it: entries, charts, ladder, the session brief and the conversation", async () => {
    const prefix = `sc${randomUUID().slice(0, 8)}`;
    const client = new pg.Client({ connectionString: requireDatabaseUrl() });
    await client.connect();
    try {
      await seedScale(
        client,
        {
          prefix,
          therapists: 1,
          clientsPerTherapist: 2,
          goalsPerEngagement: 1,
          ratingsPerGoal: 2,
          assignmentsPerEngagement: 1,
          daysPerAssignment: 3,
          sessionsPerEngagement: 3,
          agendaItemsPerSession: 1,
          journalEntriesPerClient: 1,
          focus: { goals: 1, homeworkDays: 3, agendaItems: 1, journalEntries: 1, exerciseEntries: 75, ladderSteps: 4, messages: 41 },
        },
        { now: new Date(), password: "a scale seed password" },
      );
    } finally {
      await client.end();
    }
    const engagement = await db.engagement.findFirstOrThrow({
      where: { client: { email: scaleClientEmail(prefix, 1) } },
      select: { id: true, therapistId: true },
    });
    // Within the longest assignment the app allows: the newest (to today) and one before it.
    const assignments = await db.homeworkAssignment.findMany({
      where: { engagementId: engagement.id, formId: { not: null } },
      orderBy: { startsOn: "desc" },
      select: { id: true, startsOn: true, endsOn: true, template: { select: { ownerId: true } }, _count: { select: { occurrences: true, entries: true } } },
    });
    expect(assignments.map((row) => [row._count.occurrences, row._count.entries])).toEqual([
      [50, 49],
      [26, 26],
    ]);
    expect(assignments[1]!.endsOn.getTime()).toBeLessThan(assignments[0]!.startsOn.getTime());
    const assignment = assignments[0]!;
    expect(assignment.template?.ownerId).toBe(engagement.therapistId);
    // Only the focus engagement has one.
    expect(await db.exerciseEntry.count({ where: { engagement: { client: { email: scaleClientEmail(prefix, 2) } } } })).toBe(0);

    const page = await entriesOf(db, { id: assignment.id, engagement: { id: engagement.id } }, 1);
    expect(page.total).toBe(49);
    expect(page.pageCount).toBe(3);
    expect(page.charts.map((chart) => chart.key)).toEqual(expect.arrayContaining(["anxiety_before", "anxiety_peak", "anxiety_after"]));
    expect(page.entries[0]!.answers.happened).toBe("It went better than I feared (75).");

    const ladder = await ladderProgress(db, engagement.id);
    expect(ladder.map((step) => step.text)).toEqual([1, 2, 3, 4].map((n) => `A situation to face (${n})`));
    expect(ladder.reduce((sum, step) => sum + step.practices.length, 0)).toBe(75);

    // Every past day recorded as done; the brief counts those since the last completed session.
    expect(await db.homeworkCompletion.count({ where: { occurrence: { assignment: { engagementId: engagement.id, formId: { not: null } } } } })).toBe(75);
    const session = await db.therapySession.findFirstOrThrow({ where: { engagementId: engagement.id, status: "scheduled" }, select: { id: true } });
    const therapist = await db.user.findUniqueOrThrow({ where: { id: engagement.therapistId }, select: { id: true, sessionVersion: true } });
    const view = await (await callerFor(db, therapist)).session.byId({ sessionId: session.id });
    expect(view.exercisesSinceLastSession).toHaveLength(1);
    expect(view.exercisesSinceLastSession[0]!.line).toMatch(/^Facing a step on your ladder: \d done; anxiety /);
    // Seven minutes apart up to a minute ago: all of them since the last session (five days before the next).
    expect(view.messagesSinceLastSession).toBe(41);

    // The conversation reads back through the router: newest first, a page at a time, the newest the client's.
    const caller = await callerFor(db, therapist);
    const conversation = await caller.message.conversation({ engagementId: engagement.id });
    expect(conversation).toMatchObject({ mode: "open", replyTime: "I usually reply within two working days", writing: { may: "start" } });
    const first = await caller.message.list({ engagementId: engagement.id });
    expect(first.items).toHaveLength(30);
    expect(first.items[0]).toMatchObject({ text: "A few words between sessions (41).", isMine: false, authorName: "Client 1" });
    const second = await caller.message.list({ engagementId: engagement.id, cursor: first.nextCursor });
    expect(second.items.map((message) => message.text).at(-1)).toBe("A few words between sessions (1).");
    expect(second.nextCursor).toBeNull();
    // The therapist read the older half: the client's 10 newer ones wait (the caseload's count).
    const [row] = (await caller.engagement.list()).filter((summary) => summary.id === engagement.id);
    expect(row!.messages).toEqual({ mode: "open", replyTime: "I usually reply within two working days", unread: 10 });

    // Sealed as the app seals: no step's words, answer or form label in the clear.
    const [step] = await db.$queryRaw<{ text: string }[]>`SELECT text FROM ladder_steps WHERE engagement_id = ${engagement.id}::uuid LIMIT 1`;
    const [entry] = await db.$queryRaw<{ answers: string }[]>`SELECT answers FROM exercise_entries WHERE assignment_id = ${assignment.id}::uuid LIMIT 1`;
    const [form] = await db.$queryRaw<{ definition: string }[]>`SELECT f.definition FROM exercise_forms f JOIN homework_assignments a ON a.form_id = f.id WHERE a.id = ${assignment.id}::uuid`;
    expect(step!.text).not.toContain("situation");
    expect(entry!.answers).not.toContain("feared");
    expect(form!.definition).not.toContain("anxiety");
    const [message] = await db.$queryRaw<{ body: string }[]>`SELECT body FROM messages WHERE engagement_id = ${engagement.id}::uuid LIMIT 1`;
    expect(message!.body).not.toContain("between sessions");
  });
});
