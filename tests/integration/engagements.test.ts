import { describe, expect, it } from "vitest";
import { callerFor, seedCast, seedClient, seedEngagement } from "../factories";
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
