// Standard measures (issue 15): assigning PHQ-9 and GAD-7, the client's
// draft and finished answers, the item-9 safety flag and its
// acknowledgement, schedules as time moves, and what each party reads.
import { afterEach, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { AppError } from "@/server/errors";
import { freezeClockForTests, resetClock, setClockForTests } from "@/server/clock";
import { callerFor, seedCast, seedSession } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { ALREADY_COMPLETED } from "@/server/measures/measures";

const db = connectTestDb();
afterEach(resetClock);

/** The fields a refused call named, whichever layer refused it. */
function fieldsOf(error: { cause?: unknown }): string[] {
  if (error.cause instanceof ZodError) return Object.keys(z.flattenError(error.cause).fieldErrors);
  if (error.cause instanceof AppError) return Object.keys(error.cause.fieldErrors ?? {});
  return [];
}

const MILD_PHQ9 = { q1: 1, q2: 1, q3: 2, q4: 1, q5: 0, q6: 1, q7: 0, q8: 0, q9: 0, difficulty: 1 } as const;

async function newMeasure(kind: "phq9" | "gad7" = "phq9", schedule: "once" | "before_each_session" | "every_n_weeks" = "once", intervalWeeks?: number) {
  const cast = await seedCast(db);
  const therapist = await callerFor(db, cast.therapist);
  const client = await callerFor(db, cast.client);
  const assignment = await therapist.measure.assign({ engagementId: cast.engagement.id, kind, schedule, intervalWeeks });
  return { cast, therapist, client, measureId: assignment.id };
}

describe("assigning a measure", () => {
  it("tells the client without naming the questionnaire's content, and replaces a running one of the same kind", async () => {
    const { cast, therapist, measureId } = await newMeasure("phq9", "once");
    const notices = await db.notification.findMany({ where: { userId: cast.client.id, kind: "measure_assigned" }, select: { title: true, linkPath: true } });
    expect(notices).toEqual([{ title: "Tess Therapist asked you to fill in a short questionnaire", linkPath: `/questionnaires/${measureId}` }]);

    const replacement = await therapist.measure.assign({ engagementId: cast.engagement.id, kind: "phq9", schedule: "every_n_weeks", intervalWeeks: 4 });
    const running = await db.measureAssignment.findMany({ where: { engagementId: cast.engagement.id, kind: "phq9", stoppedAt: null }, select: { id: true } });
    expect(running).toEqual([{ id: replacement.id }]);
  });

  it("refuses a schedule every N weeks without N, and a kind that isn't offered, by field, changing nothing", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    const before = await snapshotDatabase(db);
    const noWeeks = await rejection(therapist.measure.assign({ engagementId: cast.engagement.id, kind: "gad7", schedule: "every_n_weeks" }));
    expect(fieldsOf(noWeeks)).toEqual(["intervalWeeks"]);
    const tooMany = await rejection(therapist.measure.assign({ engagementId: cast.engagement.id, kind: "gad7", schedule: "every_n_weeks", intervalWeeks: 13 }));
    expect(fieldsOf(tooMany)).toEqual(["intervalWeeks"]);
    // @ts-expect-error a licensed measure is not offered
    const licensed = await rejection(therapist.measure.assign({ engagementId: cast.engagement.id, kind: "ors", schedule: "once" }));
    expect(fieldsOf(licensed)).toEqual(["kind"]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("filling in a measure", () => {
  it("keeps a draft between visits, then scores the finished answers with the published bands", async () => {
    const { client, measureId } = await newMeasure("phq9");
    expect((await client.measure.form({ measureId })).draft).toBeNull();

    await client.measure.saveDraft({ measureId, q1: 1, q2: 1, q3: 2 });
    const form = await client.measure.form({ measureId });
    expect(form.draft).toMatchObject({ q1: 1, q2: 1, q3: 2, q4: null, q9: null, difficulty: null });
    expect(form.completed).toBeNull();

    const sent = await client.measure.submit({ measureId, ...MILD_PHQ9 });
    expect(sent).toMatchObject({ isComplete: true, total: 6, band: { id: "mild", label: "Mild" }, needsSafetyFollowUp: false });
    const after = await client.measure.form({ measureId });
    expect(after.draft).toBeNull();
    expect(after.completed).toMatchObject({ total: 6, band: { id: "mild" } });
    expect(await db.measureResponse.count({ where: { assignmentId: measureId } })).toBe(1);
  });

  it("names every unanswered item when the answers are sent incomplete, and answers outside 0–3 by field, changing nothing", async () => {
    const { client, measureId } = await newMeasure("gad7");
    const before = await snapshotDatabase(db);
    const incomplete = await rejection(client.measure.submit({ measureId, q1: 2, q2: 1, q5: 0 }));
    expect(incomplete.code).toBe("BAD_REQUEST");
    expect(fieldsOf(incomplete).sort()).toEqual(["difficulty", "q3", "q4", "q6", "q7"]);

    const outOfRange = await rejection(client.measure.saveDraft({ measureId, q1: 4, q2: -1 }));
    expect(fieldsOf(outOfRange).sort()).toEqual(["q1", "q2"]);
    const fraction = await rejection(client.measure.saveDraft({ measureId, q3: 1.5 }));
    expect(fieldsOf(fraction)).toEqual(["q3"]);
    // GAD-7 has seven questions: an eighth answer is refused, not stored.
    const extra = await rejection(client.measure.saveDraft({ measureId, q8: 1 }));
    expect(fieldsOf(extra)).toEqual(["q8"]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("never changes a completed response: a second send or a draft is refused and the first answers stay", async () => {
    const { client, measureId } = await newMeasure("phq9");
    await client.measure.submit({ measureId, ...MILD_PHQ9 });
    const before = await snapshotDatabase(db);
    const again = await rejection(client.measure.submit({ measureId, ...MILD_PHQ9, q1: 3 }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe(ALREADY_COMPLETED);
    expect((await rejection(client.measure.saveDraft({ measureId, q1: 0 }))).code).toBe("CONFLICT");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("is read-only once the work together has ended", async () => {
    const { cast, client, measureId } = await newMeasure("phq9");
    await client.engagement.end({ engagementId: cast.engagement.id });
    expect((await client.measure.form({ measureId })).period).toBeNull();
    expect((await rejection(client.measure.saveDraft({ measureId, q1: 1 }))).code).toBe("FORBIDDEN");
  });
});

describe("the item-9 safety flow", () => {
  it("raises one urgent flag as soon as a draft has item 9 above 0, tells the therapist once without answers, and keeps it until acknowledged", async () => {
    const { cast, therapist, client, measureId } = await newMeasure("phq9");
    const therapistNotices = () =>
      db.notification.findMany({ where: { userId: cast.therapist.id, kind: "measure_urgent" }, select: { title: true, linkPath: true } });

    const draft = await client.measure.saveDraft({ measureId, q1: 1, q9: 1 });
    expect(draft.needsSafetyFollowUp).toBe(true);
    expect(await therapistNotices()).toEqual([
      { title: "Urgent: Cleo Client's questionnaire needs your attention", linkPath: `/clients/${cast.engagement.id}` },
    ]);
    // Saving again, changing the answer, then sending: still one flag, one notice.
    await client.measure.saveDraft({ measureId, q1: 2, q9: 2 });
    await client.measure.saveDraft({ measureId, q1: 2, q9: 0 });
    await client.measure.submit({ measureId, ...MILD_PHQ9, q9: 1 });
    expect(await therapistNotices()).toHaveLength(1);
    const response = await db.measureResponse.findFirstOrThrow({ where: { assignmentId: measureId }, select: { id: true } });
    const flags = await db.measureFlag.findMany({ where: { responseId: response.id }, select: { id: true, acknowledgedAt: true } });
    expect(flags).toEqual([{ id: expect.any(String), acknowledgedAt: null }]);

    const progress = await therapist.engagement.progress({ engagementId: cast.engagement.id });
    // The cast's own earlier flag, and this one.
    expect(progress.measures.flags.map((flag) => flag.id)).toContain(flags[0]!.id);
    expect((await therapist.measure.caseload()).find((row) => row.engagementId === cast.engagement.id)?.urgentFlags).toBe(2);

    const acknowledged = await therapist.measure.acknowledgeFlag({ engagementId: cast.engagement.id, flagId: flags[0]!.id });
    expect(acknowledged.wasOpen).toBe(true);
    const audits = await db.auditEvent.findMany({
      where: { recordType: "measure_flag", action: "acknowledge", recordId: flags[0]!.id },
      select: { actorId: true, engagementId: true, clientId: true },
    });
    expect(audits).toEqual([{ actorId: cast.therapist.id, engagementId: cast.engagement.id, clientId: cast.client.id }]);
    // Acknowledging again changes nothing and writes no second event.
    const before = await snapshotDatabase(db);
    expect((await therapist.measure.acknowledgeFlag({ engagementId: cast.engagement.id, flagId: flags[0]!.id })).wasOpen).toBe(false);
    expect(await snapshotDatabase(db)).toEqual(before);
    const remaining = (await therapist.engagement.progress({ engagementId: cast.engagement.id })).measures.flags.map((flag) => flag.id);
    expect(remaining).not.toContain(flags[0]!.id);
  });

  it("does not flag GAD-7, nor PHQ-9 with item 9 at 0", async () => {
    const gad = await newMeasure("gad7");
    expect((await gad.client.measure.submit({ measureId: gad.measureId, q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3, difficulty: 3 })).needsSafetyFollowUp).toBe(false);
    const phq = await newMeasure("phq9");
    expect((await phq.client.measure.submit({ measureId: phq.measureId, ...MILD_PHQ9 })).needsSafetyFollowUp).toBe(false);
    for (const { cast } of [gad, phq]) {
      expect(await db.notification.count({ where: { userId: cast.therapist.id, kind: "measure_urgent" } })).toBe(0);
    }
  });

  it("a flag of another engagement can't be acknowledged through this one", async () => {
    const mine = await seedCast(db);
    const theirs = await seedCast(db);
    const therapist = await callerFor(db, mine.therapist);
    const before = await snapshotDatabase(db);
    const refused = await rejection(therapist.measure.acknowledgeFlag({ engagementId: mine.engagement.id, flagId: theirs.measures.flag.id }));
    expect(refused.code).toBe("NOT_FOUND");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("schedules", () => {
  it("before every session: opens a week before the next session, one response per session, nothing without one", async () => {
    const start = freezeClockForTests(new Date());
    const { cast, client, measureId } = await newMeasure("phq9", "before_each_session");
    // The cast's scheduled session is 48 hours ahead: open now, due the day before.
    const session = await db.therapySession.findFirstOrThrow({
      where: { engagementId: cast.engagement.id, status: "scheduled" },
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true },
    });
    const form = await client.measure.form({ measureId });
    expect(form.period).toMatchObject({ key: `session:${session.id}`, dueBy: new Date(session.startsAt.getTime() - 86_400_000) });
    await client.measure.submit({ measureId, ...MILD_PHQ9 });

    // After that session, the next one (ten days on) isn't open until a week before it.
    const next = await seedSession(db, cast.engagement, { hoursFromNow: 24 * 10 });
    setClockForTests(() => new Date(start.getTime() + 50 * 3_600_000));
    expect((await client.measure.form({ measureId })).period).toBeNull();
    expect((await rejection(client.measure.saveDraft({ measureId, q1: 1 }))).code).toBe("BAD_REQUEST");
    setClockForTests(() => new Date(start.getTime() + 24 * 4 * 3_600_000));
    const opened = await client.measure.form({ measureId });
    expect(opened.period?.key).toBe(`session:${next.id}`);
    expect(opened.completed).toBeNull();
    await client.measure.submit({ measureId, ...MILD_PHQ9, q1: 3 });
    expect(await db.measureResponse.count({ where: { assignmentId: measureId, completedAt: { not: null } } })).toBe(2);
  });

  it("every N weeks: a new response opens at each N-week mark", async () => {
    const start = freezeClockForTests(new Date());
    const { client, measureId } = await newMeasure("gad7", "every_n_weeks", 2);
    const answers = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, difficulty: 1 };
    await client.measure.submit({ measureId, ...answers });
    setClockForTests(() => new Date(start.getTime() + 13 * 86_400_000));
    expect((await client.measure.form({ measureId })).completed).not.toBeNull();
    setClockForTests(() => new Date(start.getTime() + 14 * 86_400_000));
    const form = await client.measure.form({ measureId });
    expect(form.period?.key).toBe("every:1");
    expect(form.completed).toBeNull();
  });
});

describe("reading measures", () => {
  it("shows both parties the totals over time with a reliable change in words; only the therapist sees item answers and flags", async () => {
    const start = freezeClockForTests(new Date("2026-03-02T09:00:00Z"));
    const { cast, therapist, client, measureId } = await newMeasure("phq9", "every_n_weeks", 1);
    await client.measure.submit({ measureId, q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 1, q7: 1, q8: 0, q9: 0, difficulty: 2 });
    setClockForTests(() => new Date(start.getTime() + 7 * 86_400_000));
    await client.measure.submit({ measureId, q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 0, q7: 1, q8: 0, q9: 0, difficulty: 1 });

    const mine = (await client.engagement.progress({ engagementId: cast.engagement.id })).measures;
    const theirs = (await therapist.engagement.progress({ engagementId: cast.engagement.id })).measures;
    const clientSeries = mine.series.find((series) => series.kind === "phq9")!;
    const therapistSeries = theirs.series.find((series) => series.kind === "phq9")!;
    // The cast's earlier responses (totals 7 and 14), then 12, then 6.
    expect(clientSeries.points.map((point) => point.total)).toEqual([7, 14, 12, 6]);
    expect(clientSeries.points.map((point) => point.band.id)).toEqual(["mild", "moderate", "moderate", "mild"]);
    expect(clientSeries.points.every((point) => point.answers === null)).toBe(true);
    expect(therapistSeries.points[2]!.answers).toEqual([2, 2, 2, 2, 2, 1, 1, 0, 0]);
    expect(mine.flags).toEqual([]);
    expect(theirs.flags).toHaveLength(1);

    // From 7 to 6: within day-to-day variation. A later 2 is 5 lower than the first: reliable.
    expect(clientSeries.change).toMatchObject({ isReliable: false, direction: "better" });
    setClockForTests(() => new Date(start.getTime() + 14 * 86_400_000));
    await client.measure.submit({ measureId, q1: 1, q2: 1, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0, difficulty: 0 });
    const later = (await client.engagement.progress({ engagementId: cast.engagement.id })).measures.series.find((series) => series.kind === "phq9")!;
    expect(later.change).toMatchObject({ isReliable: true, direction: "better" });
    expect(later.change!.text).toMatch(/^5 points lower than on .*: a reliable improvement\.$/);

    const row = (await therapist.measure.caseload()).find((entry) => entry.engagementId === cast.engagement.id)!;
    expect(row.latest).toEqual([expect.objectContaining({ kind: "phq9", total: 2, band: expect.objectContaining({ id: "minimal" }) })]);
  });
});
