import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor, seedCast, seedSession } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();

describe("journal", () => {
  it("keeps private entries from the therapist everywhere, and sharing/unsharing takes effect at once", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const canary = `CANARY-JOURNAL-${randomUUID()}`;
    await client.journal.create({ body: canary, mood: 3 });
    const shared = await client.journal.create({ body: "I tried the breathing on the bus.", shareWithEngagementId: cast.engagement.id });

    const answers = await Promise.all([
      therapist.journal.shared({ engagementId: cast.engagement.id }),
      therapist.engagement.list(),
      therapist.engagement.byId({ engagementId: cast.engagement.id }),
      therapist.engagement.progress({ engagementId: cast.engagement.id }),
      therapist.session.byId({ sessionId: cast.session.id }),
      therapist.homework.list({ engagementId: cast.engagement.id }),
      therapist.goal.caseload(),
      therapist.feedback.caseloadSignals(),
    ]);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(canary);
    expect((await therapist.journal.shared({ engagementId: cast.engagement.id })).map((entry) => entry.id)).toEqual([shared.id]);

    await client.journal.setSharing({ entryId: shared.id, engagementId: null });
    expect(await therapist.journal.shared({ engagementId: cast.engagement.id })).toEqual([]);
    expect((await client.journal.mine()).map((entry) => entry.visibility)).toEqual(["private", "private", "private"]);
  });

  it("can only be shared with a therapist the client works with now, and other clients can't touch it", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const before = await snapshotDatabase(db);
    const foreign = await rejection(
      client.journal.setSharing({ entryId: cast.journal.privateEntry.id, engagementId: cast.otherEngagement.id }),
    );
    expect(foreign.code).toBe("BAD_REQUEST");
    const other = await callerFor(db, cast.otherClient);
    expect((await rejection(other.journal.delete({ entryId: cast.journal.privateEntry.id }))).code).toBe("NOT_FOUND");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("stops showing a shared entry once the engagement has ended", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    await client.journal.create({ body: "Shared before the end.", shareWithEngagementId: cast.engagement.id });
    await client.engagement.end({ engagementId: cast.engagement.id });
    expect(await (await callerFor(db, cast.therapist)).journal.shared({ engagementId: cast.engagement.id })).toEqual([]);
  });
});

describe("session feedback and check-ins", () => {
  it("takes one feedback per completed session, however often it is sent", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    expect((await client.feedback.pending()).map((session) => session.id)).toEqual([cast.completedSession.id]);
    const input = { sessionId: cast.completedSession.id, feltHeard: 8, workedOnWanted: 7, approachFit: 9, overall: 8 };
    const [first, second] = await Promise.all([client.feedback.submit(input), client.feedback.submit(input)]);
    expect(second.id).toBe(first.id);
    expect(await db.sessionFeedback.count({ where: { sessionId: cast.completedSession.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: cast.therapist.id, kind: "feedback_received" } })).toBe(1);
    expect(await client.feedback.pending()).toEqual([]);
    const upcoming = await rejection(client.feedback.submit({ ...input, sessionId: cast.session.id }));
    expect(upcoming.message).toMatch(/once the session has taken place/);
    const outOfRange = await rejection(client.feedback.submit({ ...input, overall: 11 }));
    expect(outOfRange.code).toBe("BAD_REQUEST");
  });

  it("flags falling feedback and worsening check-ins on the caseload, and clears when things improve", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const scores = [8, 8, 7, 3];
    for (const [index, overall] of scores.entries()) {
      const past = await seedSession(db, cast.engagement, { hoursFromNow: -24 * (10 - index), status: "completed" });
      await client.feedback.submit({ sessionId: past.id, feltHeard: overall, workedOnWanted: overall, approachFit: overall, overall });
    }
    const flagged = await therapist.feedback.caseloadSignals();
    expect(flagged).toHaveLength(1);
    expect(flagged[0].engagementId).toBe(cast.engagement.id);
    expect(flagged[0].signals.map((signal) => signal.kind).sort()).toEqual(["feedback_drop", "low_feedback"]);
    expect(await (await callerFor(db, cast.otherTherapist)).feedback.caseloadSignals()).toEqual([]);

    for (const overall of [7, 5, 4]) {
      await client.feedback.checkIn({ engagementId: cast.engagement.id, personal: overall, relationships: overall, social: overall, overall });
    }
    const trends = (await therapist.engagement.progress({ engagementId: cast.engagement.id })).feedback;
    expect(trends.signals.map((signal) => signal.kind)).toContain("worsening_check_ins");

    await client.feedback.submit({ sessionId: cast.completedSession.id, feltHeard: 9, workedOnWanted: 9, approachFit: 9, overall: 9 });
    await client.feedback.checkIn({ engagementId: cast.engagement.id, personal: 6, relationships: 6, social: 6, overall: 6 });
    expect(await therapist.feedback.caseloadSignals()).toEqual([]);
  });
});
