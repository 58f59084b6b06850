// Safety plans (issue 26) against a real Postgres, through the real
// procedures on the injected clock. What is proved:
// - either person writes the plan; every change is kept as a version with
//   its author and the app's time, and the history says what changed;
// - a save from a stale version is a CONFLICT and changes nothing;
// - another therapist, another client and a signed-out visitor reach
//   nothing, and a refused edit leaves the database as it was;
// - the other person is told in the app, with no word of the plan;
// - the words are sealed at rest; an ended engagement's plan is read-only.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freezeClockForTests, resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { requireDatabaseUrl } from "@/server/env";
import { runJobsOnce } from "@/server/jobs/worker";
import { DISCREET_SUBJECTS, NAMELESS_SUBJECTS } from "@/server/notifications/emails";
import { emptySafetyPlan, type TSafetyPlanContent } from "@/lib/constants/safety-plan";
import { SAFETY_PLAN_VERSIONS_SHOWN } from "@/server/safety-plans/plans";
import { callerFor, seedClient, seedTherapist, seedWorkingPair } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { useTestSmtp } from "../support/smtp";

const db = connectTestDb();
const { mailsTo } = useTestSmtp();
afterEach(() => resetClock());
// Jobs run through the app's own client.
afterAll(() => getDb().$disconnect());

function canary(label: string): string {
  return `PLANCANARY-${label}-${randomUUID().slice(0, 8)}`;
}

async function pair() {
  const seeded = await seedWorkingPair(db, { therapist: "Dr. Ines Moor", client: "Rafe Lind" });
  return {
    ...seeded,
    asTherapist: await callerFor(db, seeded.therapist),
    asClient: await callerFor(db, seeded.client),
  };
}

function plan(overrides: Partial<TSafetyPlanContent>): TSafetyPlanContent {
  return { ...emptySafetyPlan(), ...overrides };
}

describe("safety plans", () => {
  it("keeps every version with who and when, and says what changed", async () => {
    const { engagement, asTherapist, asClient, therapist, client } = await pair();
    expect(await asClient.safetyPlan.get({ engagementId: engagement.id })).toMatchObject({ version: 0, updatedBy: null, canEdit: true });

    freezeClockForTests(new Date("2026-11-02T10:00:00.000Z"));
    const sign = canary("sign");
    const first = await asClient.safetyPlan.save({
      engagementId: engagement.id,
      baseVersion: 0,
      ...plan({ warningSigns: [sign, "Not sleeping"], peopleToAsk: [{ name: "Sam", phone: "07700 900123" }] }),
    });
    expect(first).toEqual({ version: 1, isChanged: true });

    freezeClockForTests(new Date("2026-11-03T09:30:00.000Z"));
    const second = await asTherapist.safetyPlan.save({
      engagementId: engagement.id,
      baseVersion: 1,
      ...plan({ warningSigns: ["Not sleeping"], peopleToAsk: [{ name: "Sam", phone: "07700 900123" }], keepsMeGoing: ["My dog, Pip"] }),
    });
    expect(second).toEqual({ version: 2, isChanged: true });

    // The same words again make no version and tell nobody.
    expect(
      await asTherapist.safetyPlan.save({
        engagementId: engagement.id,
        baseVersion: 2,
        ...plan({ warningSigns: ["Not sleeping"], peopleToAsk: [{ name: "Sam", phone: "07700 900123" }], keepsMeGoing: ["My dog, Pip"] }),
      }),
    ).toEqual({ version: 2, isChanged: false });

    const current = await asClient.safetyPlan.get({ engagementId: engagement.id });
    expect(current).toMatchObject({ version: 2, updatedBy: { name: "Dr. Ines Moor", role: "therapist" } });
    expect(current.updatedAt?.toISOString()).toBe("2026-11-03T09:30:00.000Z");
    expect(current.content.keepsMeGoing).toEqual(["My dog, Pip"]);

    const versions = await asTherapist.safetyPlan.versions({ engagementId: engagement.id });
    expect(versions.map((v) => [v.version, v.authorName, v.authorRole, v.createdAt.toISOString()])).toEqual([
      [2, "Dr. Ines Moor", "therapist", "2026-11-03T09:30:00.000Z"],
      [1, "Rafe Lind", "client", "2026-11-02T10:00:00.000Z"],
    ]);
    expect(versions[0]!.changes).toEqual([
      { section: "warningSigns", added: [], removed: [sign] },
      { section: "keepsMeGoing", added: ["My dog, Pip"], removed: [] },
    ]);
    expect(versions[1]!.changes).toEqual([
      { section: "warningSigns", added: [sign, "Not sleeping"], removed: [] },
      { section: "peopleToAsk", added: ["Sam, 07700 900123"], removed: [] },
    ]);
    // The client sees the same history.
    expect(await asClient.safetyPlan.versions({ engagementId: engagement.id })).toEqual(versions);

    // Each told the other, in the app, without the plan's words.
    const toTherapist = await db.notification.findMany({ where: { userId: therapist.id }, select: { kind: true, title: true, linkPath: true } });
    const toClient = await db.notification.findMany({ where: { userId: client.id }, select: { kind: true, title: true, linkPath: true } });
    expect(toTherapist).toEqual([
      { kind: "safety_plan_updated_by_client", title: "Rafe Lind changed their safety plan", linkPath: `/engagements/${engagement.id}/safety-plan` },
    ]);
    expect(toClient).toEqual([
      { kind: "safety_plan_updated_by_therapist", title: "Dr. Ines Moor changed your safety plan", linkPath: `/engagements/${engagement.id}/safety-plan` },
    ]);

    // Sealed at rest: the words are in no column as plain text.
    const raw = await db.$queryRaw<{ text: string }[]>`
      SELECT content AS text FROM safety_plans WHERE engagement_id = ${engagement.id}::uuid
      UNION ALL SELECT v.content FROM safety_plan_versions v JOIN safety_plans p ON p.id = v.plan_id WHERE p.engagement_id = ${engagement.id}::uuid`;
    expect(raw).toHaveLength(3);
    for (const row of raw) {
      expect(row.text).not.toContain(sign);
      expect(row.text).not.toContain("Not sleeping");
    }
  });

  it("refuses a save from a stale version and changes nothing", async () => {
    const { engagement, asTherapist, asClient } = await pair();
    await asClient.safetyPlan.save({ engagementId: engagement.id, baseVersion: 0, ...plan({ onMyOwn: ["Walk round the block"] }) });
    await asTherapist.safetyPlan.save({ engagementId: engagement.id, baseVersion: 1, ...plan({ onMyOwn: ["Walk round the block", "Call my sister"] }) });
    const before = await snapshotDatabase(db);
    const stale = await rejection(asClient.safetyPlan.save({ engagementId: engagement.id, baseVersion: 1, ...plan({ onMyOwn: ["Something else"] }) }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed this safety plan while you were editing/);
    // A second "first" plan is stale too.
    expect((await rejection(asClient.safetyPlan.save({ engagementId: engagement.id, baseVersion: 0, ...plan({}) }))).code).toBe("CONFLICT");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("gives another therapist, another client and a signed-out visitor nothing; a refused edit changes nothing", async () => {
    const { engagement, asClient } = await pair();
    await asClient.safetyPlan.save({ engagementId: engagement.id, baseVersion: 0, ...plan({ keepsMeGoing: ["My niece"] }) });
    const otherTherapist = await callerFor(db, await seedTherapist(db, { name: "Dr. Other" }));
    const otherClient = await callerFor(db, await seedClient(db, { name: "Other Client" }));
    const visitor = await callerFor(db, null);
    const before = await snapshotDatabase(db);
    for (const caller of [otherTherapist, otherClient]) {
      expect((await rejection(caller.safetyPlan.get({ engagementId: engagement.id }))).code).toBe("NOT_FOUND");
      expect((await rejection(caller.safetyPlan.versions({ engagementId: engagement.id }))).code).toBe("NOT_FOUND");
      const refused = await rejection(caller.safetyPlan.save({ engagementId: engagement.id, baseVersion: 1, ...plan({ keepsMeGoing: ["Taken over"] }) }));
      expect(refused.code).toBe("NOT_FOUND");
    }
    expect((await rejection(visitor.safetyPlan.save({ engagementId: engagement.id, baseVersion: 1, ...plan({}) }))).code).toBe("UNAUTHORIZED");
    expect(await snapshotDatabase(db)).toEqual(before);
    expect((await asClient.safetyPlan.get({ engagementId: engagement.id })).content.keepsMeGoing).toEqual(["My niece"]);
  });

  it("answers bad lines and numbers field by field, and keeps an ended engagement's plan read-only", async () => {
    const { engagement, asClient, asTherapist } = await pair();
    const bad = await rejection(
      asClient.safetyPlan.save({
        engagementId: engagement.id,
        baseVersion: 0,
        ...plan({ warningSigns: ["x".repeat(301)], peopleToAsk: [{ name: "Sam", phone: "call me" }] }),
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    const fieldErrors = (bad.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues?.map((issue) => issue.path[0]);
    expect(fieldErrors).toEqual(expect.arrayContaining(["warningSigns", "peopleToAsk"]));

    await asClient.safetyPlan.save({ engagementId: engagement.id, baseVersion: 0, ...plan({ warningSigns: ["Staying in bed"] }) });
    await asTherapist.engagement.end({ engagementId: engagement.id });
    const ended = await asClient.safetyPlan.get({ engagementId: engagement.id });
    expect(ended).toMatchObject({ canEdit: false, content: { warningSigns: ["Staying in bed"] } });
    const refused = await rejection(asClient.safetyPlan.save({ engagementId: engagement.id, baseVersion: 1, ...plan({}) }));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await asClient.safetyPlan.get({ engagementId: engagement.id })).version).toBe(1);
  });

  it("shows the newest versions in the history, each against the one before it", async () => {
    const { engagement, asClient } = await pair();
    const total = SAFETY_PLAN_VERSIONS_SHOWN + 2;
    for (let at = 0; at < total; at += 1) {
      await asClient.safetyPlan.save({ engagementId: engagement.id, baseVersion: at, ...plan({ onMyOwn: [`Idea ${at + 1}`] }) });
    }
    const versions = await asClient.safetyPlan.versions({ engagementId: engagement.id });
    expect(versions).toHaveLength(SAFETY_PLAN_VERSIONS_SHOWN);
    expect(versions[0]!.version).toBe(total);
    expect(versions.at(-1)!.version).toBe(total - SAFETY_PLAN_VERSIONS_SHOWN + 1);
    expect(versions.at(-1)!.changes).toEqual([{ section: "onMyOwn", added: [`Idea ${total - SAFETY_PLAN_VERSIONS_SHOWN + 1}`], removed: [`Idea ${total - SAFETY_PLAN_VERSIONS_SHOWN}`] }]);
  });

  it("e-mails, for someone who chose e-mail, say neither the plan's words nor that there is a plan in the subject", async () => {
    freezeClockForTests(new Date("2026-11-04T12:00:00.000Z"));
    const { engagement, asTherapist, asClient, therapist, client } = await pair();
    for (const [userId, kind] of [
      [client.id, "safety_plan_updated_by_therapist"],
      [therapist.id, "safety_plan_updated_by_client"],
    ] as const) {
      await db.notificationPreference.create({ data: { userId, kind, channel: "email" } });
    }
    const words = canary("emailed");
    await asClient.safetyPlan.save({ engagementId: engagement.id, baseVersion: 0, ...plan({ warningSigns: [words] }) });
    await asTherapist.safetyPlan.save({ engagementId: engagement.id, baseVersion: 1, ...plan({ warningSigns: [words], keepsMeGoing: [words] }) });
    await runJobsOnce({ connectionString: requireDatabaseUrl(), isSilent: true });
    const [toClient] = mailsTo(client.email);
    const [toTherapist] = mailsTo(therapist.email);
    expect(toClient!.mail.subject).toBe(DISCREET_SUBJECTS.safety_plan_updated_by_therapist);
    expect(toTherapist!.mail.subject).toBe(NAMELESS_SUBJECTS.safety_plan_updated_by_client);
    for (const mail of [toClient!, toTherapist!]) {
      expect(mail.mail.text).not.toContain(words);
      expect(mail.mail.text).toContain(`/engagements/${engagement.id}/safety-plan`);
    }
  });
});
