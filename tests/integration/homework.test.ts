import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/time/days";
import { localDay } from "@/lib/time/zones";
import { callerFor, seedAssignment, seedCast, seedClient, seedEngagement, seedGoal, seedTemplate } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { connectCountingDb } from "../support/statement-counter";

const db = connectTestDb();
const counting = connectCountingDb();

const PRACTICE = { title: "Slow breathing", instructions: "Four in, six out, for three minutes.", kind: "practice" } as const;

describe("assigning homework", () => {
  it("makes daily occurrences from the client's own today, not the server's", async () => {
    const cast = await seedCast(db);
    // UTC+14: for most of the server's day, the client is already on tomorrow.
    await db.user.update({ where: { id: cast.client.id }, data: { timeZone: "Pacific/Kiritimati" } });
    const therapist = await callerFor(db, cast.therapist);
    const { id } = await therapist.homework.assign({ engagementId: cast.engagement.id, ...PRACTICE, schedule: "daily", days: 7 });

    const assignment = await therapist.homework.byId({ assignmentId: id });
    const clientToday = localDay(new Date(), "Pacific/Kiritimati");
    expect(assignment.startsOn).toBe(clientToday);
    expect(assignment.occurrences.map((occurrence) => occurrence.dueOn)).toEqual(
      Array.from({ length: 7 }, (_, day) => addDays(clientToday, day)),
    );
    expect(assignment.occurrences[0].state).toBe("due");
    expect(await db.notification.count({ where: { userId: cast.client.id, kind: "homework_assigned" } })).toBe(1);
  });

  it("makes 3-times-a-week windows and links a goal of the same client", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    const { id } = await therapist.homework.assign({
      engagementId: cast.engagement.id,
      ...PRACTICE,
      goalId: cast.goal.id,
      templateId: cast.homework.template.id,
      schedule: "weekly",
      startsOn: "2026-11-02",
      weeks: 2,
      timesPerWeek: 3,
    });
    const assignment = await therapist.homework.byId({ assignmentId: id });
    expect(assignment.goal?.id).toBe(cast.goal.id);
    expect(assignment.occurrences.map((occurrence) => [occurrence.opensOn, occurrence.dueOn])).toEqual([
      ["2026-11-02", "2026-11-04"],
      ["2026-11-05", "2026-11-06"],
      ["2026-11-07", "2026-11-08"],
      ["2026-11-09", "2026-11-11"],
      ["2026-11-12", "2026-11-13"],
      ["2026-11-14", "2026-11-15"],
    ]);
  });

  it("explains impossible schedules and foreign goals on their fields, writing nothing", async () => {
    const cast = await seedCast(db);
    const otherGoal = await seedGoal(db, cast.otherEngagement, { title: "Not yours" });
    const foreignTemplate = await seedTemplate(db, cast.otherTherapist.id);
    const therapist = await callerFor(db, cast.therapist);
    const before = await snapshotDatabase(db);
    const base = { engagementId: cast.engagement.id, ...PRACTICE };

    const backwards = await rejection(
      therapist.homework.assign({ ...base, schedule: "once", startsOn: "2026-12-10", dueOn: "2026-12-01" }),
    );
    expect(backwards.code).toBe("BAD_REQUEST");
    expect(Object.keys((backwards.cause as unknown as { fieldErrors: object }).fieldErrors)).toEqual(["dueOn"]);

    const missing = await rejection(therapist.homework.assign({ ...base, schedule: "weekly", weeks: 2 }));
    expect(missing.code).toBe("BAD_REQUEST");
    const tooLong = await rejection(therapist.homework.assign({ ...base, schedule: "daily", days: 61 }));
    expect(tooLong.code).toBe("BAD_REQUEST");

    const foreignGoal = await rejection(therapist.homework.assign({ ...base, schedule: "daily", days: 3, goalId: otherGoal.id }));
    expect((foreignGoal.cause as unknown as { fieldErrors: object }).fieldErrors).toHaveProperty("goalId");

    const template = await rejection(
      therapist.homework.assign({ ...base, schedule: "daily", days: 3, templateId: foreignTemplate.id }),
    );
    expect(template.code).toBe("NOT_FOUND");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("completing homework", () => {
  it("records a reflection, with small scales, and the therapist's reply reaches the client", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    await client.homework.complete({
      occurrenceId: cast.homework.openOccurrence.id,
      status: "partly_done",
      response: "Managed two minutes before work.",
      difficulty: 2,
      helpfulness: 3,
      obstacle: "Ran out of time.",
    });
    await (await callerFor(db, cast.therapist)).homework.reply({
      occurrenceId: cast.homework.openOccurrence.id,
      feedback: "Two minutes counts. Try it before bed too?",
    });

    const seen = await client.homework.byId({ assignmentId: cast.homework.assignment.id });
    const occurrence = seen.occurrences.find((item) => item.id === cast.homework.openOccurrence.id);
    expect(occurrence?.state).toBe("partly_done");
    expect(occurrence?.completion).toMatchObject({
      response: "Managed two minutes before work.",
      difficulty: 2,
      helpfulness: 3,
      obstacle: "Ran out of time.",
      feedback: "Two minutes counts. Try it before bed too?",
    });
  });

  it("records a double submit once, and tells the therapist once", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const input = { occurrenceId: cast.homework.openOccurrence.id, status: "done" as const, response: "Done." };
    const [first, second] = await Promise.all([client.homework.complete(input), client.homework.complete(input)]);
    expect(second.id).toBe(first.id);
    expect(await db.homeworkCompletion.count({ where: { occurrenceId: cast.homework.openOccurrence.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: cast.therapist.id, kind: "homework_recorded" } })).toBe(1);
  });

  it("refuses occurrences that aren't open yet, and replies to nothing", async () => {
    const cast = await seedCast(db);
    const tomorrow = cast.homework.assignment.occurrences[2];
    const before = await snapshotDatabase(db);
    const early = await rejection(
      (await callerFor(db, cast.client)).homework.complete({ occurrenceId: tomorrow.id, status: "done" }),
    );
    expect(early.message).toMatch(/isn't open yet/);
    const empty = await rejection(
      (await callerFor(db, cast.therapist)).homework.reply({ occurrenceId: tomorrow.id, feedback: "Hello" }),
    );
    expect(empty.code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("what is due", () => {
  it("shows the client today's and overdue homework only, never done, future or cancelled", async () => {
    const cast = await seedCast(db);
    await seedAssignment(db, cast.engagement, { title: "Overdue one", startOffset: -3, days: 1 });
    const cancelled = await seedAssignment(db, cast.engagement, { title: "Cancelled one", startOffset: 0, days: 2 });
    await (await callerFor(db, cast.therapist)).homework.cancel({ assignmentId: cancelled.id });

    const due = await (await callerFor(db, cast.client)).homework.due();
    expect(due.map((item) => [item.assignment.title, item.isOverdue])).toEqual([
      ["Overdue one", true],
      ["Three minutes of slow breathing", false],
      // The cast's exercise, also open today (tests/factories.ts, seedExercise).
      ["Noticing a thought", false],
    ]);
    expect(due[1].id).toBe(cast.homework.openOccurrence.id);
  });

  it("cancelling keeps what the client recorded and removes what is still open", async () => {
    const cast = await seedCast(db);
    await (await callerFor(db, cast.therapist)).homework.cancel({ assignmentId: cast.homework.assignment.id });
    const occurrences = await db.homeworkOccurrence.findMany({ where: { assignmentId: cast.homework.assignment.id } });
    expect(occurrences.map((occurrence) => occurrence.id)).toEqual([cast.homework.completedOccurrence.id]);
    const refused = await rejection(
      (await callerFor(db, cast.client)).homework.complete({ occurrenceId: cast.homework.completedOccurrence.id, status: "done" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
  });

  it("counts done versus assigned this week, per client, for the therapist", async () => {
    const cast = await seedCast(db);
    // The cast's two assignments (the breathing and the exercise): each done yesterday and due today.
    const list = await (await callerFor(db, cast.therapist)).homework.list({ engagementId: cast.engagement.id });
    expect(list.adherence).toMatchObject({ done: 2, assigned: 4 });
    const caseload = await (await callerFor(db, cast.therapist)).homework.caseload();
    expect(caseload).toEqual([{ engagementId: cast.engagement.id, done: 2, assigned: 4 }]);
    expect(await (await callerFor(db, cast.otherTherapist)).homework.caseload()).toEqual([]);
  });
});

describe("ended engagements", () => {
  it("keep homework readable and refuse every change", async () => {
    const cast = await seedCast(db);
    await (await callerFor(db, cast.client)).engagement.end({ engagementId: cast.engagement.id });
    const before = await snapshotDatabase(db);
    const therapist = await callerFor(db, cast.therapist);
    const client = await callerFor(db, cast.client);
    expect((await client.homework.byId({ assignmentId: cast.homework.assignment.id })).occurrences).toHaveLength(3);
    const attempts = [
      () => therapist.homework.assign({ engagementId: cast.engagement.id, ...PRACTICE, schedule: "daily", days: 2 }),
      () => therapist.homework.cancel({ assignmentId: cast.homework.assignment.id }),
      () => therapist.homework.reply({ occurrenceId: cast.homework.completedOccurrence.id, feedback: "Hi" }),
      () => client.homework.complete({ occurrenceId: cast.homework.openOccurrence.id, status: "done" }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("templates", () => {
  it("starter templates can be duplicated but not changed; archived ones leave the list", async () => {
    const therapist = await callerFor(db, (await seedCast(db)).therapist);
    const starter = await seedTemplate(db, null, "Starter: values");
    const refused = await rejection(therapist.homeworkTemplate.setArchived({ templateId: starter.id, isArchived: true }));
    expect(refused.code).toBe("FORBIDDEN");

    const copy = await therapist.homeworkTemplate.duplicate({ templateId: starter.id });
    expect(copy.title).toBe("Starter: values (copy)");
    await therapist.homeworkTemplate.setArchived({ templateId: copy.id, isArchived: true });
    const titles = (await therapist.homeworkTemplate.list()).map((template) => template.title);
    expect(titles).toContain("Starter: values");
    expect(titles).not.toContain("Starter: values (copy)");
    const all = await therapist.homeworkTemplate.list({ includeArchived: true });
    expect(all.map((template) => template.title)).toContain("Starter: values (copy)");
  });
});

describe("statement counts", () => {
  it("homework.list and homework.caseload do not grow with assignments or clients", async () => {
    const statementsFor = async (count: number) => {
      const cast = await seedCast(db);
      for (let index = 1; index < count; index += 1) {
        await seedAssignment(db, cast.engagement, { title: `Practice ${index}` });
        const client = await seedClient(db);
        const engagement = await seedEngagement(db, { therapistId: cast.therapist.id, clientId: client.id });
        await seedAssignment(db, engagement);
      }
      const caller = await callerFor(counting.db, cast.therapist);
      return counting.countStatements(async () => {
        const list = await caller.homework.list({ engagementId: cast.engagement.id });
        // The cast's own two (breathing and its exercise), and count - 1 more.
        expect(list.assignments).toHaveLength(Math.min(count + 1, 50));
        expect(await caller.homework.caseload()).toHaveLength(count);
      });
    };
    const forTen = await statementsFor(10);
    expect(await statementsFor(100)).toBe(forTen);
  });
});
