import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor, seedCast, seedClient, seedEngagement, seedGoal } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { connectCountingDb } from "../support/statement-counter";

const db = connectTestDb();
const counting = connectCountingDb();

describe("creating and listing goals", () => {
  it("creates a goal with ordered steps and a first status entry, visible to both parties", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const { id } = await client.goal.create({
      engagementId: cast.engagement.id,
      title: "Speak up once in each team meeting",
      whyItMatters: "I want my ideas to count.",
      targetDate: "2027-01-31",
      steps: ["Write one point down beforehand", "Say it in the first ten minutes"],
    });

    const seenByTherapist = await (await callerFor(db, cast.therapist)).goal.byId({ goalId: id });
    expect(seenByTherapist).toMatchObject({
      title: "Speak up once in each team meeting",
      status: "active",
      createdBy: { name: "Cleo Client" },
      people: { client: "Cleo Client", therapist: "Tess Therapist" },
    });
    expect(seenByTherapist.targetDate?.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(seenByTherapist.steps.map((step) => step.text)).toEqual([
      "Write one point down beforehand",
      "Say it in the first ten minutes",
    ]);
    expect(seenByTherapist.statusChanges).toMatchObject([{ fromStatus: null, toStatus: "active" }]);

    const list = await client.goal.list({ engagementId: cast.engagement.id });
    expect(list.map((goal) => goal.title)).toContain("Speak up once in each team meeting");
  });

  it("answers bad input field by field and writes nothing", async () => {
    const cast = await seedCast(db);
    const caller = await callerFor(db, cast.therapist);
    const before = await snapshotDatabase(db);
    const create = await rejection(
      caller.goal.create({ engagementId: cast.engagement.id, title: "  ", targetDate: "31/12/2026", steps: ["x".repeat(501)] }),
    );
    expect(create.code).toBe("BAD_REQUEST");
    const fields = (create.cause as unknown as { issues: { path: (string | number)[] }[] }).issues.map((issue) => issue.path[0]);
    expect(new Set(fields)).toEqual(new Set(["title", "targetDate", "steps"]));
    for (const value of [11, -1, 2.5]) {
      expect((await rejection(caller.goal.rate({ goalId: cast.goal.id, value }))).code).toBe("BAD_REQUEST");
    }
    expect((await rejection(caller.goal.rate({ goalId: cast.goal.id, value: 5, note: "x".repeat(2001) }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("ratings", () => {
  it("keeps every rating and shows each party's latest with the one before", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    await client.goal.rate({ goalId: cast.goal.id, value: 3 });
    await therapist.goal.rate({ goalId: cast.goal.id, value: 4, note: "Small steps are showing." });
    await client.goal.rate({ goalId: cast.goal.id, value: 5 });
    await client.goal.rate({ goalId: cast.goal.id, value: 6 });

    const [summary] = await client.goal.list({ engagementId: cast.engagement.id });
    expect(summary.latest.client).toMatchObject({ value: 6, previous: 5 });
    expect(summary.latest.therapist).toMatchObject({ value: 4, previous: null });

    const detail = await therapist.goal.byId({ goalId: cast.goal.id });
    expect(detail.ratings.map((rating) => [rating.authorRole, rating.value])).toEqual([
      ["client", 3],
      ["therapist", 4],
      ["client", 5],
      ["client", 6],
    ]);
  });

  it("records a double-submitted rating once", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const idempotencyKey = randomUUID();
    const [first, second] = await Promise.all([
      client.goal.rate({ goalId: cast.goal.id, value: 7, idempotencyKey }),
      client.goal.rate({ goalId: cast.goal.id, value: 7, idempotencyKey }),
    ]);
    expect(second.id).toBe(first.id);
    expect(await db.goalRating.count({ where: { goalId: cast.goal.id } })).toBe(1);
  });
});

describe("two people editing the same goal", () => {
  it("lets one edit win and gives the other a conflict, never a silent overwrite", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    const client = await callerFor(db, cast.client);
    const { version } = await therapist.goal.byId({ goalId: cast.goal.id });

    await therapist.goal.update({ goalId: cast.goal.id, version, title: "Therapist's wording" });
    const stale = await rejection(client.goal.update({ goalId: cast.goal.id, version, title: "Client's wording" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed this goal while you were editing/);

    const current = await client.goal.byId({ goalId: cast.goal.id });
    expect(current).toMatchObject({ title: "Therapist's wording", version: version + 1 });
    const staleStatus = await rejection(client.goal.setStatus({ goalId: cast.goal.id, version, status: "paused" }));
    expect(staleStatus.code).toBe("CONFLICT");
    expect((await client.goal.byId({ goalId: cast.goal.id })).status).toBe("active");
  });

  it("records who changed the status, from what, with their note", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    await client.goal.setStatus({ goalId: cast.goal.id, version: 1, status: "achieved", note: "Three weeks in a row!" });
    const detail = await client.goal.byId({ goalId: cast.goal.id });
    expect(detail.status).toBe("achieved");
    expect(detail.statusChanges[0]).toMatchObject({
      fromStatus: "active",
      toStatus: "achieved",
      note: "Three weeks in a row!",
      changedBy: { name: "Cleo Client" },
    });
  });
});

describe("steps", () => {
  it("can be added, ticked by either party, reordered and removed", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const { id: added } = await client.goal.addStep({ goalId: cast.goal.id, text: "Read a chapter instead" });
    const [first, second] = cast.goal.steps;
    await client.goal.setStepDone({ goalId: cast.goal.id, stepId: first.id, isDone: true });
    await client.goal.reorderSteps({ goalId: cast.goal.id, version: 1, stepIds: [added, second.id, first.id] });
    await client.goal.removeStep({ goalId: cast.goal.id, stepId: second.id });

    const detail = await (await callerFor(db, cast.therapist)).goal.byId({ goalId: cast.goal.id });
    expect(detail.steps.map((step) => [step.id, step.isDone])).toEqual([
      [added, false],
      [first.id, true],
    ]);
    expect(detail.steps[1].doneBy).toBe("Cleo Client");
  });

  it("refuses a reorder that leaves out or invents steps, or comes from a stale version", async () => {
    const cast = await seedCast(db);
    const caller = await callerFor(db, cast.therapist);
    const ids = cast.goal.steps.map((step) => step.id);
    expect((await rejection(caller.goal.reorderSteps({ goalId: cast.goal.id, version: 1, stepIds: [ids[0]] }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(
      (await rejection(caller.goal.reorderSteps({ goalId: cast.goal.id, version: 1, stepIds: [...ids, randomUUID()] }))).code,
    ).toBe("BAD_REQUEST");
    await caller.goal.update({ goalId: cast.goal.id, version: 1, title: "Changed meanwhile" });
    expect((await rejection(caller.goal.reorderSteps({ goalId: cast.goal.id, version: 1, stepIds: ids }))).code).toBe(
      "CONFLICT",
    );
  });

  it("never reaches a step of another goal through one's own goal", async () => {
    const cast = await seedCast(db);
    const foreignGoal = await seedGoal(db, cast.otherEngagement);
    const before = await snapshotDatabase(db);
    const caller = await callerFor(db, cast.therapist);
    const stepId = foreignGoal.steps[0].id;
    expect((await rejection(caller.goal.setStepDone({ goalId: cast.goal.id, stepId, isDone: true }))).code).toBe("NOT_FOUND");
    expect((await rejection(caller.goal.removeStep({ goalId: cast.goal.id, stepId }))).code).toBe("NOT_FOUND");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("ended engagements", () => {
  it("keep goals readable to both and refuse every change", async () => {
    const cast = await seedCast(db);
    await (await callerFor(db, cast.therapist)).engagement.end({ engagementId: cast.engagement.id });
    const before = await snapshotDatabase(db);
    for (const party of [cast.therapist, cast.client]) {
      const caller = await callerFor(db, party);
      expect((await caller.goal.byId({ goalId: cast.goal.id })).title).toBeTruthy();
      expect(await caller.goal.list({ engagementId: cast.engagement.id })).toHaveLength(1);
      const attempts = [
        () => caller.goal.create({ engagementId: cast.engagement.id, title: "New" }),
        () => caller.goal.rate({ goalId: cast.goal.id, value: 5 }),
        () => caller.goal.update({ goalId: cast.goal.id, version: 1, title: "New" }),
        () => caller.goal.setStatus({ goalId: cast.goal.id, version: 1, status: "paused" }),
        () => caller.goal.addStep({ goalId: cast.goal.id, text: "New" }),
        () => caller.goal.setStepDone({ goalId: cast.goal.id, stepId: cast.goal.steps[0].id, isDone: true }),
      ];
      for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("FORBIDDEN");
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("goal.caseload", () => {
  it("shows a therapist the active goals of their active clients only, with both latest ratings", async () => {
    const cast = await seedCast(db);
    await db.goalRating.create({
      data: { goalId: cast.goal.id, authorId: cast.client.id, authorRole: "client", value: 6 },
    });
    const paused = await seedGoal(db, cast.engagement, { title: "Paused one" });
    await db.goal.update({ where: { id: paused.id }, data: { status: "paused" } });

    const mine = await (await callerFor(db, cast.therapist)).goal.caseload();
    expect(mine).toEqual([
      expect.objectContaining({ id: cast.goal.id, engagementId: cast.engagement.id, latest: expect.objectContaining({ client: expect.objectContaining({ value: 6 }) }) }),
    ]);
    const theirs = await (await callerFor(db, cast.otherTherapist)).goal.caseload();
    expect(theirs.map((goal) => goal.id)).not.toContain(cast.goal.id);
  });

  it("runs the same number of SQL statements for 10 clients as for 100", async () => {
    const statementsFor = async (clients: number) => {
      const cast = await seedCast(db);
      for (let index = 1; index < clients; index += 1) {
        const client = await seedClient(db);
        const engagement = await seedEngagement(db, { therapistId: cast.therapist.id, clientId: client.id });
        const goal = await seedGoal(db, engagement);
        await db.goalRating.create({ data: { goalId: goal.id, authorId: client.id, authorRole: "client", value: 5 } });
      }
      const caller = await callerFor(counting.db, cast.therapist);
      return counting.countStatements(async () => {
        expect(await caller.goal.caseload()).toHaveLength(clients);
      });
    };
    const forTen = await statementsFor(10);
    expect(await statementsFor(100)).toBe(forTen);
  });
});

describe("goal.list", () => {
  it("runs the same number of SQL statements for 10 goals as for 100", async () => {
    const statementsFor = async (goalCount: number) => {
      const cast = await seedCast(db);
      for (let index = 1; index < goalCount; index += 1) {
        const goal = await seedGoal(db, cast.engagement, { title: `Goal ${index}` });
        await db.goalRating.createMany({
          data: [
            { goalId: goal.id, authorId: cast.client.id, authorRole: "client", value: 4 },
            { goalId: goal.id, authorId: cast.therapist.id, authorRole: "therapist", value: 5 },
            { goalId: goal.id, authorId: cast.client.id, authorRole: "client", value: 6 },
          ],
        });
      }
      const caller = await callerFor(counting.db, cast.therapist);
      let listed = 0;
      const statements = await counting.countStatements(async () => {
        listed = (await caller.goal.list({ engagementId: cast.engagement.id })).length;
      });
      expect(listed).toBe(goalCount);
      return statements;
    };
    const forTen = await statementsFor(10);
    expect(await statementsFor(100)).toBe(forTen);
  });
});
