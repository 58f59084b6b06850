// What the offline outbox (lib/offline/outbox.ts) sends again is kept once
// (issue 28): journal entries, quick reflections into the journal and finished
// questionnaires carry the browser's idempotency key; a repeat returns the
// first, and another person's same key neither collides nor reads theirs.
// (Agenda items, messages and goal ratings are covered in their own tests;
// an exercise entry is once per occurrence: exercises.test.ts.)
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ALREADY_COMPLETED } from "@/server/measures/measures";
import { callerFor, seedCast } from "../factories";
import { connectTestDb } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();

const MILD_PHQ9 = { q1: 1, q2: 1, q3: 2, q4: 1, q5: 0, q6: 1, q7: 0, q8: 0, q9: 0, difficulty: 1 } as const;

describe("journal entries sent twice", () => {
  it("are kept once, one after the other or at the same moment, and return the first", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const before = await db.journalEntry.count({ where: { clientId: cast.client.id } });
    const input = { body: "Written on the train.", mood: 4, idempotencyKey: randomUUID() };
    const first = await client.journal.create(input);
    expect(await client.journal.create(input)).toEqual(first);
    const racing = { body: "And on the way back.", idempotencyKey: randomUUID() };
    const [a, b] = await Promise.all([client.journal.create(racing), client.journal.create(racing)]);
    expect(a).toEqual(b);
    expect(await db.journalEntry.count({ where: { clientId: cast.client.id } })).toBe(before + 2);
    // Without a key, each call is its own entry, as before.
    await client.journal.create({ body: "No key." });
    await client.journal.create({ body: "No key." });
    expect(await db.journalEntry.count({ where: { clientId: cast.client.id } })).toBe(before + 4);
  });

  it("with another client's key make that client's own entry and never return the first client's", async () => {
    const cast = await seedCast(db);
    const [client, other] = [await callerFor(db, cast.client), await callerFor(db, cast.otherClient)];
    const idempotencyKey = randomUUID();
    const mine = await client.journal.create({ body: "Mine alone.", idempotencyKey });
    const theirs = await other.journal.create({ body: "Theirs.", idempotencyKey });
    expect(theirs.id).not.toBe(mine.id);
    expect(JSON.stringify(theirs)).not.toContain("Mine alone.");
    expect(await db.journalEntry.findUniqueOrThrow({ where: { id: theirs.id }, select: { clientId: true } })).toEqual({ clientId: cast.otherClient.id });
  });

  it("as a quick reflection into the journal are kept once", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const before = await db.journalEntry.count({ where: { clientId: cast.client.id } });
    const input = { text: "A thought on the bus.", idempotencyKey: randomUUID() };
    const first = await client.voiceMemo.reflectInJournal(input);
    expect(await client.voiceMemo.reflectInJournal(input)).toEqual(first);
    expect(await db.journalEntry.count({ where: { clientId: cast.client.id } })).toBe(before + 1);
  });
});

describe("questionnaires sent twice", () => {
  async function measureFor(cast: Awaited<ReturnType<typeof seedCast>>) {
    const therapist = await callerFor(db, cast.therapist);
    const { id } = await therapist.measure.assign({ engagementId: cast.engagement.id, kind: "phq9", schedule: "once" });
    return id;
  }

  it("record one response and answer the same; a different submit afterwards is still refused", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const measureId = await measureFor(cast);
    const input = { measureId, ...MILD_PHQ9, idempotencyKey: randomUUID() };
    const first = await client.measure.submit(input);
    expect(first).toMatchObject({ isComplete: true, total: 6, band: { id: "mild" } });
    expect(await client.measure.submit(input)).toEqual({ ...first, raisedFlagId: null });
    expect(await db.measureResponse.count({ where: { assignmentId: measureId } })).toBe(1);
    const other = await rejection(client.measure.submit({ ...input, q1: 3, idempotencyKey: randomUUID() }));
    expect([other.code, other.message]).toEqual(["CONFLICT", ALREADY_COMPLETED]);
    const unkeyed = await rejection(client.measure.submit({ measureId, ...MILD_PHQ9 }));
    expect(unkeyed.code).toBe("CONFLICT");
  });

  it("at the same moment record one response", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const measureId = await measureFor(cast);
    const input = { measureId, ...MILD_PHQ9, idempotencyKey: randomUUID() };
    const [a, b] = await Promise.all([client.measure.submit(input), client.measure.submit(input)]);
    expect(a.responseId).toBe(b.responseId);
    expect(await db.measureResponse.count({ where: { assignmentId: measureId } })).toBe(1);
  });

  it("with another client's key record that client's own response", async () => {
    const [cast, otherCast] = [await seedCast(db), await seedCast(db)];
    const [client, other] = [await callerFor(db, cast.client), await callerFor(db, otherCast.client)];
    const idempotencyKey = randomUUID();
    const mine = await client.measure.submit({ measureId: await measureFor(cast), ...MILD_PHQ9, idempotencyKey });
    const theirs = await other.measure.submit({ measureId: await measureFor(otherCast), ...MILD_PHQ9, q1: 3, idempotencyKey });
    expect(theirs.responseId).not.toBe(mine.responseId);
    expect(theirs.total).toBe(8);
  });

  it("a key already used for another questionnaire is refused, not read", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const idempotencyKey = randomUUID();
    await client.measure.submit({ measureId: await measureFor(cast), ...MILD_PHQ9, idempotencyKey });
    const { id: gad7 } = await therapist.measure.assign({ engagementId: cast.engagement.id, kind: "gad7", schedule: "once" });
    const reused = await rejection(client.measure.submit({ measureId: gad7, q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, difficulty: 1, idempotencyKey }));
    expect(reused.code).toBe("CONFLICT");
    expect(await db.measureResponse.count({ where: { assignmentId: gad7 } })).toBe(0);
  });
});
