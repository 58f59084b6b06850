// Off-track warnings (issue 26): raised and cleared as the clock moves and
// new answers arrive, on the client page and the caseload alike; the
// therapist's review (checklist and sealed note) saved and audited, and
// refused for anyone else; "About our work together" onto the next agenda.
import { afterEach, describe, expect, it } from "vitest";
import { freezeClockForTests, resetClock, setClockForTests } from "@/server/clock";
import { OFF_TRACK_AGENDA_TEXT } from "@/lib/measures/off-track";
import { NO_NEXT_SESSION, notOffTrack } from "@/server/measures/off-track";
import { openField } from "@/server/crypto/sealed-fields";
import { callerFor, seedMeasureTotals, seedSession, seedWorkingPair } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();
afterEach(resetClock);

const WEEK = 7 * 86_400_000;

/** PHQ-9 answers adding up to `total`, item 9 left at 0. */
function phq9Adding(total: number) {
  const values = Array.from({ length: 9 }, (_, item) => (item === 8 ? 0 : Math.max(0, Math.min(3, total - 3 * item))));
  return { q1: values[0], q2: values[1], q3: values[2], q4: values[3], q5: values[4], q6: values[5], q7: values[6], q8: values[7], q9: 0, difficulty: 1 };
}

async function weeklyPhq9() {
  const start = freezeClockForTests(new Date("2026-04-06T09:00:00Z"));
  const pair = await seedWorkingPair(db, { therapist: "Tess Therapist", client: "Cleo Client" });
  const therapist = await callerFor(db, pair.therapist);
  const client = await callerFor(db, pair.client);
  const { id: measureId } = await therapist.measure.assign({ engagementId: pair.engagement.id, kind: "phq9", schedule: "every_n_weeks", intervalWeeks: 1 });
  let week = 0;
  /** Sends this week's answers, then moves the clock to next week. */
  async function answer(total: number) {
    setClockForTests(() => new Date(start.getTime() + week * WEEK));
    await client.measure.submit({ measureId, ...phq9Adding(total) });
    week += 1;
  }
  async function warnings() {
    const progress = await therapist.engagement.progress({ engagementId: pair.engagement.id });
    const caseload = (await therapist.measure.caseload()).find((row) => row.engagementId === pair.engagement.id);
    return {
      page: progress.measures.series.flatMap((series) => (series.offTrack ? [series.offTrack.text] : [])),
      caseload: caseload?.offTrack.map((entry) => entry.text) ?? [],
    };
  }
  return { ...pair, therapist, client, answer, warnings, start };
}

describe("raised and cleared", () => {
  it("no reliable improvement: nothing for three flat answers, a warning at the fourth, gone once a newer one drops below moderate", async () => {
    const { answer, warnings, client, engagement } = await weeklyPhq9();
    for (const total of [14, 15, 13]) await answer(total);
    expect(await warnings()).toEqual({ page: [], caseload: [] });
    await answer(14);
    const words = "PHQ-9 hasn't reliably improved over 4 answers and is still moderate (14)";
    expect(await warnings()).toEqual({ page: [words], caseload: [words] });
    // The client never sees it.
    const theirs = await client.engagement.progress({ engagementId: engagement.id });
    expect(theirs.measures.series.every((series) => series.offTrack === null)).toBe(true);
    await answer(9);
    expect(await warnings()).toEqual({ page: [], caseload: [] });
  });

  it("reliable deterioration: at the second answer already, and cleared when back within the reliable change", async () => {
    const { answer, warnings } = await weeklyPhq9();
    await answer(6);
    await answer(10);
    expect(await warnings()).toEqual({ page: [], caseload: [] });
    await answer(11);
    const words = "PHQ-9 has risen 5 points since the first answer (6 → 11)";
    expect(await warnings()).toEqual({ page: [words], caseload: [words] });
    await answer(8);
    expect(await warnings()).toEqual({ page: [], caseload: [] });
  });

  it("judges GAD-7 by its own numbers, beside PHQ-9", async () => {
    const { engagement, therapist, warnings } = await weeklyPhq9();
    await seedMeasureTotals(db, engagement, "gad7", [5, 9], { from: new Date("2026-03-01T09:00:00Z") });
    expect((await warnings()).caseload).toEqual(["GAD-7 has risen 4 points since the first answer (5 → 9)"]);
    const page = await therapist.engagement.progress({ engagementId: engagement.id });
    expect(page.measures.series.find((series) => series.kind === "gad7")?.offTrack).toMatchObject({ rule: "deterioration", first: 5, latest: 9 });
  });
});

describe("the therapist's review", () => {
  it("is saved with its items and a sealed note, audited, shown with the warning, and starts again after a newer answer", async () => {
    const { answer, therapist, engagement } = await weeklyPhq9();
    for (const total of [14, 14, 14, 14]) await answer(total);
    const saved = await therapist.measure.saveOffTrackReview({
      engagementId: engagement.id,
      kind: "phq9",
      items: ["relationship", "life_events", "relationship"],
      note: "Ask about the move.",
    });
    const row = await db.offTrackReview.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.items).toEqual(["relationship", "life_events"]);
    expect(row.note).not.toContain("move");
    expect(openField("offTrackNote", { engagementId: engagement.id, reviewId: saved.id }, row.note)).toBe("Ask about the move.");
    const audit = await db.auditEvent.findMany({ where: { recordType: "off_track_review", engagementId: engagement.id }, select: { action: true, recordId: true, engagementId: true } });
    expect(audit).toEqual([{ action: "create", recordId: saved.id, engagementId: engagement.id }]);

    const shown = (await therapist.engagement.progress({ engagementId: engagement.id })).measures.series[0]!.offTrack!;
    expect(shown.review).toMatchObject({ id: saved.id, items: ["relationship", "life_events"], note: "Ask about the move." });
    // A newer answer that still meets the rule is a new warning: the review belongs to the earlier one.
    await answer(15);
    expect((await therapist.engagement.progress({ engagementId: engagement.id })).measures.series[0]!.offTrack!.review).toBeNull();
  });

  it("is refused while nothing is off track, and for an empty review, changing nothing", async () => {
    const { answer, therapist, engagement } = await weeklyPhq9();
    await answer(14);
    const before = await snapshotDatabase(db);
    const early = await rejection(therapist.measure.saveOffTrackReview({ engagementId: engagement.id, kind: "phq9", items: ["support"] }));
    expect(early.code).toBe("BAD_REQUEST");
    expect(early.message).toBe(notOffTrack("phq9"));
    const empty = await rejection(therapist.measure.saveOffTrackReview({ engagementId: engagement.id, kind: "phq9", items: [], note: " " }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("is refused for the other therapist, the client and a signed-out visitor, changing nothing", async () => {
    const { answer, engagement, client } = await weeklyPhq9();
    for (const total of [14, 14, 14, 14]) await answer(total);
    const other = await seedWorkingPair(db, { therapist: "Otto Other", client: "Olga Other" });
    const before = await snapshotDatabase(db);
    const input = { engagementId: engagement.id, kind: "phq9" as const, items: ["approach" as const], note: "Not theirs" };
    expect((await rejection((await callerFor(db, other.therapist)).measure.saveOffTrackReview(input))).code).toBe("NOT_FOUND");
    expect((await rejection((await callerFor(db, other.client)).measure.saveOffTrackReview(input))).code).toBe("FORBIDDEN");
    expect((await rejection(client.measure.saveOffTrackReview(input))).code).toBe("FORBIDDEN");
    expect((await rejection((await callerFor(db, null)).measure.saveOffTrackReview(input))).code).toBe("UNAUTHORIZED");
    expect((await rejection(client.measure.offTrackToAgenda({ engagementId: engagement.id, kind: "phq9" }))).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("about our work together", () => {
  it("goes onto the next scheduled session's agenda as about our work together; without a session it says what to do", async () => {
    const { answer, therapist, engagement } = await weeklyPhq9();
    for (const total of [14, 14, 14, 14]) await answer(total);
    const none = await rejection(therapist.measure.offTrackToAgenda({ engagementId: engagement.id, kind: "phq9" }));
    expect(none.code).toBe("BAD_REQUEST");
    expect(none.message).toBe(NO_NEXT_SESSION);
    const session = await seedSession(db, engagement, { hoursFromNow: 24 * 120 });
    const added = await therapist.measure.offTrackToAgenda({ engagementId: engagement.id, kind: "phq9" });
    expect(added.sessionId).toBe(session.id);
    const agenda = await therapist.session.byId({ sessionId: session.id });
    expect(JSON.stringify(agenda)).toContain(OFF_TRACK_AGENDA_TEXT);
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: added.id }, select: { kind: true, authorId: true } });
    expect(item.kind).toBe("about_therapy");
    // Not off track (GAD-7 has no answers): refused.
    expect((await rejection(therapist.measure.offTrackToAgenda({ engagementId: engagement.id, kind: "gad7" }))).code).toBe("BAD_REQUEST");
  });
});

describe("records", () => {
  it("the therapist's export carries the review with its note opened; the client's export does not, and their access log shows it was written", async () => {
    const { answer, therapist, client, engagement } = await weeklyPhq9();
    for (const total of [14, 14, 14, 14]) await answer(total);
    await therapist.measure.saveOffTrackReview({ engagementId: engagement.id, kind: "phq9", items: ["approach", "referral"], note: "Talk about a GP review." });
    const theirs = await therapist.dataExport.engagement({ engagementId: engagement.id });
    expect(theirs.engagement.offTrackReviews).toEqual([
      expect.objectContaining({
        questionnaire: "PHQ-9",
        totalThen: 14,
        thoughtThrough: ["Whether the approach, or how often we meet, should change", "Whether a referral or a medical review is worth talking about"],
        note: "Talk about a GP review.",
      }),
    ]);
    const mine = JSON.stringify(await client.dataExport.mine());
    expect(mine).not.toContain("Talk about a GP review.");
    expect(mine).not.toContain("Whether a referral");
    const log = JSON.stringify(await client.accessLog.mine({}));
    expect(log).toContain("a review of how your questionnaires are going");
  });
});
