import { describe, expect, it } from "vitest";
import { callerFor, seedAssignment, seedCast, seedClient, seedEngagement, seedMeasureTotals, seedMessage, seedSession, seedTherapist } from "../factories";
import { sealField } from "@/server/crypto/sealed-fields";
import { connectTestDb } from "../support/db";
import { connectCountingDb } from "../support/statement-counter";

const db = connectTestDb();
const counting = connectCountingDb();

describe("engagement.list", () => {
  it("gives a therapist their own clients only, never another therapist's (not even the name)", async () => {
    const cast = await seedCast(db);
    const mine = await (await callerFor(db, cast.therapist)).engagement.list();
    expect(mine.map((engagement) => [engagement.counterpart.name, engagement.status])).toEqual([
      ["Cleo Client", "active"],
      ["Ivy Invitee", "invited"],
    ]);

    const theirs = await (await callerFor(db, cast.otherTherapist)).engagement.list();
    expect(JSON.stringify(theirs)).not.toContain("Cleo Client");
    expect(theirs.map((engagement) => engagement.id)).not.toContain(cast.engagement.id);
  });

  it("gives a client their current and past therapists, active first", async () => {
    const cast = await seedCast(db);
    await seedEngagement(db, { therapistId: cast.otherTherapist.id, clientId: cast.client.id }, "ended");
    const list = await (await callerFor(db, cast.client)).engagement.list();
    expect(list.map((engagement) => [engagement.counterpart.name, engagement.status])).toEqual([
      ["Tess Therapist", "active"],
      ["Otto Othertherapist", "ended"],
    ]);
  });

  it("includes the next scheduled session and leaves out past or cancelled ones", async () => {
    const cast = await seedCast(db);
    const inOneHour = new Date(Date.now() + 60 * 60 * 1000);
    const common = { engagementId: cast.engagement.id, createdById: cast.therapist.id };
    await db.therapySession.createMany({
      data: [
        { ...common, startsAt: new Date(Date.now() - 24 * 3600 * 1000), status: "completed" },
        { ...common, startsAt: new Date(Date.now() + 30 * 60 * 1000), status: "cancelled" },
        { ...common, startsAt: inOneHour },
        { ...common, startsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000) },
      ],
    });
    const [summary] = await (await callerFor(db, cast.client)).engagement.list();
    expect(summary.nextSession?.startsAt.toISOString()).toBe(inOneHour.toISOString());
  });

  it("lists who needs the therapist first: an urgent answer, off track, unread messages, new agenda items; then by name", async () => {
    const therapist = await seedTherapist(db, { name: "Theo Order" });
    const pair = async (name: string) => {
      const client = await seedClient(db, { name });
      return seedEngagement(db, { therapistId: therapist.id, clientId: client.id });
    };
    const quiet = await pair("Al Quiet");
    const agenda = await pair("Ada Agenda");
    await seedSession(db, agenda, { agenda: ["Something for next time"] });
    const unread = await pair("Cy Unread");
    await seedMessage(db, unread.id, unread.clientId!, "Are we still on for Tuesday?");
    // Off track both ways the rule says (lib/measures/off-track.ts): reliably worse, and not improving while still moderate.
    const worse = await pair("Di Worse");
    await seedMeasureTotals(db, worse, "phq9", [7, 14], { from: new Date("2026-01-05T09:00:00Z") });
    const stuck = await pair("Fay Stuck");
    await seedMeasureTotals(db, stuck, "gad7", [12, 12, 11, 12], { from: new Date("2026-01-05T09:00:00Z") });
    const better = await pair("Bo Better");
    await seedMeasureTotals(db, better, "phq9", [16, 6], { from: new Date("2026-01-05T09:00:00Z") });
    const urgent = await pair("Zed Urgent");
    const [answer] = await seedMeasureTotals(db, urgent, "phq9", [5], { from: new Date("2026-01-05T09:00:00Z") });
    await db.measureFlag.create({ data: { responseId: answer!.id, engagementId: urgent.id } });
    await seedEngagement(db, { therapistId: therapist.id, clientId: (await seedClient(db, { name: "Aaron Ended" })).id }, "ended");
    // A read message and an acknowledged flag need nothing.
    const settled = await pair("Bea Settled");
    await seedMessage(db, settled.id, settled.clientId!, "Thanks!", { createdAt: new Date(Date.now() - 60_000) });
    await db.conversationRead.create({ data: { engagementId: settled.id, userId: therapist.id, lastReadAt: new Date() } });
    const [seen] = await seedMeasureTotals(db, settled, "phq9", [4], { from: new Date("2026-01-05T09:00:00Z") });
    await db.measureFlag.create({ data: { responseId: seen!.id, engagementId: settled.id, acknowledgedAt: new Date(), acknowledgedById: therapist.id } });

    const caller = await callerFor(db, therapist);
    const list = await caller.engagement.list();
    expect(list.map((engagement) => engagement.counterpart.name)).toEqual([
      "Zed Urgent",
      "Di Worse",
      "Fay Stuck",
      "Cy Unread",
      "Ada Agenda",
      "Al Quiet",
      "Bea Settled",
      "Bo Better",
      "Aaron Ended",
    ]);
    expect(quiet.id).toBe(list[5]!.id);
    // The SQL rule agrees with the one the caseload shows in words.
    const measures = await caller.measure.caseload();
    const offTrack = measures.filter((item) => item.offTrack.length > 0).map((item) => item.engagementId).sort();
    expect(offTrack).toEqual([worse.id, stuck.id].sort());
  });

  it("says what happened since the last session, for the client page's \"needs your attention\"", async () => {
    const cast = await seedCast(db);
    const caller = await callerFor(db, cast.therapist);
    const before = await caller.engagement.attention({ engagementId: cast.engagement.id });
    // The cast: a completed session two days ago, then yesterday's homework done and an exercise sent.
    expect(before.since).not.toBeNull();
    expect(before.homework.done).toBe(2);
    expect(before.exerciseEntries).toBe(1);
    expect(before.sharedJournalEntries).toBe(0);
    // A day gone by with nothing recorded, and an entry shared.
    await seedAssignment(db, cast.engagement, { title: "Three good things", startOffset: -1 });
    await db.journalEntry.create({
      data: {
        clientId: cast.client.id,
        body: sealField("journalBody", { clientId: cast.client.id }, "Shared thought."),
        visibility: "shared",
        sharedEngagementId: cast.engagement.id,
        sharedAt: new Date(),
      },
    });
    const after = await caller.engagement.attention({ engagementId: cast.engagement.id });
    expect(after.sharedJournalEntries).toBe(1);
    expect(after.homework.notRecorded).toBeGreaterThan(before.homework.notRecorded);
  });

  it("runs a constant number of SQL statements whatever the caseload size", async () => {
    const statementsFor = async (clients: number) => {
      const cast = await seedCast(db);
      for (let index = 1; index < clients; index += 1) {
        const client = await seedClient(db);
        const engagement = await seedEngagement(db, { therapistId: cast.therapist.id, clientId: client.id });
        await db.therapySession.create({
          data: { engagementId: engagement.id, createdById: cast.therapist.id, startsAt: new Date(Date.now() + 86_400_000) },
        });
      }
      const caller = await callerFor(counting.db, cast.therapist);
      return counting.countStatements(() => caller.engagement.list());
    };
    const forTen = await statementsFor(10);
    expect(forTen).toBeGreaterThan(0);
    expect(await statementsFor(100)).toBe(forTen);
  });
});
