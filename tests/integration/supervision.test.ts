// Supervision with the client's consent (issue 29) against a real Postgres,
// through the real procedures on the injected clock. What is proved:
// - only a current supervisor asks, only about a colleague's active client,
//   with a reason and a period (field errors), once at a time; another
//   practice's supervisor cannot ask (NOT_FOUND) and the client is told;
// - consent given: the view works, each load is audited under the
//   supervisor's name and shows in the client's access log as their
//   therapist's practice's supervisor;
// - the clinician's private note is hidden unless they share it for supervision;
// - refused, withdrawn (by the client, at once), run out (the clock moves),
//   the supervisor left the practice: the next view is NOT_FOUND;
// - a client's deletion withdraws their open requests.
import { afterEach, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { callerFor, seedCast, seedClient, seedEngagement, seedPracticeOf, seedTherapist, TEST_PASSWORD } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { loadSessionUser, startSession } from "@/server/auth/session-user";
import { rejection } from "../support/errors";
import { buildClientExport } from "@/server/export/client-export";

const db = connectTestDb();
afterEach(() => resetClock());

const REASON = "I supervise Dr. Ames and would like to support your care.";

/** The pair's practice with a fresh supervisor who has not asked anything yet. */
async function practiceWithNewSupervisor() {
  const cast = await seedCast(db);
  const sam = await seedTherapist(db, { name: "Sam Supervisor" });
  await db.practiceMember.create({ data: { practiceId: cast.practice.id, userId: sam.id, role: "supervisor" } });
  return {
    cast,
    sam,
    asSam: await callerFor(db, sam),
    asClient: await callerFor(db, cast.client),
    asTherapist: await callerFor(db, cast.therapist),
  };
}

/** A domain's field errors, or the schema's (as the form gets them through the error formatter). */
function fieldErrorsOf(error: { cause?: unknown }): Record<string, string[] | undefined> | undefined {
  if (error.cause instanceof ZodError) return z.flattenError(error.cause).fieldErrors as Record<string, string[]>;
  return (error.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
}

describe("asking", () => {
  it("lets a supervisor ask about a colleague's active client, tells the client and the clinician, and refuses a second ask", async () => {
    const { cast, sam, asSam } = await practiceWithNewSupervisor();
    const mine = await asSam.supervision.mine();
    expect(mine.candidates.map((row) => row.engagementId)).toContain(cast.engagement.id);
    // Names only: nothing of the record.
    expect(Object.keys(mine.candidates[0]!).sort()).toEqual(["clientName", "clinicianName", "engagementId"]);

    const asked = await asSam.supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 4 });
    const row = await db.supervisionRequest.findUniqueOrThrow({ where: { id: asked.id } });
    expect(row).toMatchObject({ status: "asked", supervisorId: sam.id, clinicianId: cast.therapist.id });
    expect(row.reason).not.toContain("supervise");
    const notices = await db.notification.findMany({ where: { engagementId: cast.engagement.id, kind: { in: ["supervision_requested", "supervision_answered"] } }, select: { userId: true, title: true } });
    expect(notices).toEqual(
      expect.arrayContaining([
        { userId: cast.client.id, title: "Sam Supervisor asks to see your records" },
        { userId: cast.therapist.id, title: "Sam Supervisor asked to supervise your work with a client" },
      ]),
    );

    // The client's session says someone waits for their answer (the notice on Today), with no statement of its own.
    const sessionId = await startSession(db, cast.client.id);
    const check = await loadSessionUser(db, { userId: cast.client.id, sessionVersion: cast.client.sessionVersion, sessionId });
    expect(check.ok && check.isAskedToShare).toBe(true);
    const supervisorCheck = await loadSessionUser(db, { userId: sam.id, sessionVersion: sam.sessionVersion, sessionId: await startSession(db, sam.id) });
    expect(supervisorCheck.ok && supervisorCheck.isSupervisor).toBe(true);

    const again = await rejection(asSam.supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 2 }));
    expect(again.code).toBe("CONFLICT");
    expect(fieldErrorsOf(again)).toHaveProperty("engagementId");
  });

  it("keeps one open request when the same ask arrives twice at once", async () => {
    const { cast, sam } = await practiceWithNewSupervisor();
    const [first, second] = [await callerFor(db, sam), await callerFor(db, sam)];
    const input = { engagementId: cast.engagement.id, reason: REASON, weeks: 4 };
    const outcomes = await Promise.allSettled([first.supervision.ask(input), second.supervision.ask(input)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.supervisionRequest.count({ where: { engagementId: cast.engagement.id, supervisorId: sam.id } })).toBe(1);
  });

  it("gives field errors for a missing reason and a period out of range", async () => {
    const { cast, asSam } = await practiceWithNewSupervisor();
    const error = await rejection(asSam.supervision.ask({ engagementId: cast.engagement.id, reason: "  ", weeks: 13 }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(error) ?? {}).sort()).toEqual(["reason", "weeks"]);
  });

  it("refuses anyone but a supervisor, and a supervisor elsewhere cannot find the client", async () => {
    const { cast } = await practiceWithNewSupervisor();
    for (const who of [cast.colleague, cast.admin, cast.therapist, cast.otherTherapist]) {
      const error = await rejection((await callerFor(db, who)).supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 4 }));
      expect(error.code).toBe("FORBIDDEN");
    }
    // A supervisor in another practice.
    const elsewhere = await seedTherapist(db, { name: "Elsa Elsewhere" });
    const otherOwner = await seedTherapist(db, { name: "Otto Owner" });
    const otherClient = await seedClient(db);
    const otherEngagement = await seedEngagement(db, { therapistId: otherOwner.id, clientId: otherClient.id });
    const other = await seedPracticeOf(db, otherOwner, otherEngagement);
    await db.practiceMember.create({ data: { practiceId: other.id, userId: elsewhere.id, role: "supervisor" } });
    const snapshot = await snapshotDatabase(db);
    const error = await rejection((await callerFor(db, elsewhere)).supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 4 }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await (await callerFor(db, elsewhere)).supervision.mine()).candidates.map((row) => row.engagementId)).not.toContain(cast.engagement.id);
    expect(await snapshotDatabase(db)).toEqual(snapshot);
  });
});

describe("consent given, used, withdrawn", () => {
  it("shows the records read-only while agreed, audited under the supervisor's name in the client's access log; withdrawal is at once", async () => {
    const { cast, asSam, asClient, sam } = await practiceWithNewSupervisor();
    const { id } = await asSam.supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 4 });

    // Before the client answers: nothing.
    expect((await rejection(asSam.supervision.view({ requestId: id }))).code).toBe("NOT_FOUND");

    const listed = await asClient.supervision.forClient();
    const request = listed.requests.find((row) => row.id === id)!;
    expect(request).toMatchObject({ supervisorName: "Sam Supervisor", reason: REASON, state: "asked" });
    expect(listed.neverSees.join(" ")).toContain("private journal");

    await asClient.supervision.answer({ requestId: id, answer: "agree" });
    const view = await asSam.supervision.view({ requestId: id });
    expect(view.goals.map((goal) => goal.id)).toContain(cast.goal.id);
    expect(view.clientName).toBe(cast.client.name);

    const events = await db.auditEvent.findMany({ where: { actorId: sam.id, engagementId: cast.engagement.id, action: "list", recordType: "goal" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ clientId: cast.client.id });

    const log = await asClient.accessLog.mine({});
    const goalsLine = log.items.find((item) => item.summary === "Looked at your goals");
    expect(goalsLine?.who).toBe("Sam Supervisor (supervisor at your therapist's practice)");

    // The client takes it back: the very next load is not found.
    await asClient.supervision.withdraw({ requestId: id });
    expect((await rejection(asSam.supervision.view({ requestId: id }))).code).toBe("NOT_FOUND");
    expect((await asClient.supervision.forClient()).requests.find((row) => row.id === id)?.state).toBe("withdrawn");
    // The client's export says who asked, why, and what they answered.
    const exported = await buildClientExport(db, cast.client);
    expect(exported.recordSharing.find((row) => row.reason === REASON)).toMatchObject({ supervisor: "Sam Supervisor", status: "withdrawn" });

    const told = await db.notification.findMany({ where: { userId: sam.id, kind: "supervision_answered" }, select: { title: true } });
    expect(told.map((row) => row.title)).toEqual(expect.arrayContaining([`A client stopped sharing their records with Sam Supervisor`]));
  });

  it("never shows the clinician's private note unless they share it for supervision", async () => {
    const { cast, asSam, asClient, asTherapist } = await practiceWithNewSupervisor();
    const { id } = await asSam.supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 2 });
    await asClient.supervision.answer({ requestId: id, answer: "agree" });
    const PRIVATE = "PRIVATE-NOTE-only-mine";
    await asTherapist.session.saveNote({ sessionId: cast.completedSession.id, kind: "therapist_private", body: PRIVATE });

    expect(JSON.stringify(await asSam.supervision.view({ requestId: id }))).not.toContain(PRIVATE);

    await asTherapist.supervision.shareNote({ sessionId: cast.completedSession.id, isShared: true });
    const shared = await asSam.supervision.view({ requestId: id });
    expect(shared.sessions.find((session) => session.id === cast.completedSession.id)?.sharedPrivateNote?.body).toBe(PRIVATE);
    // The therapist's own session view says it is shared.
    const own = await asTherapist.session.byId({ sessionId: cast.completedSession.id });
    expect(own.notes.find((note) => note.kind === "therapist_private")?.sharedForSupervisionAt).not.toBeNull();

    await asTherapist.supervision.shareNote({ sessionId: cast.completedSession.id, isShared: false });
    expect(JSON.stringify(await asSam.supervision.view({ requestId: id }))).not.toContain(PRIVATE);
    // Nobody else can share it: the supervisor cannot reach the session at all.
    expect((await rejection(asSam.supervision.shareNote({ sessionId: cast.completedSession.id, isShared: true }))).code).toBe("NOT_FOUND");
  });

  it("a refusal gives nothing; an agreement that runs out gives nothing; a supervisor who left gives nothing", async () => {
    const { cast, asSam, asClient, sam } = await practiceWithNewSupervisor();
    const first = await asSam.supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 1 });
    await asClient.supervision.answer({ requestId: first.id, answer: "refuse" });
    expect((await rejection(asSam.supervision.view({ requestId: first.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(asClient.supervision.answer({ requestId: first.id, answer: "agree" }))).code).toBe("CONFLICT");

    freezeClockForTests();
    const second = await asSam.supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 1 });
    await asClient.supervision.answer({ requestId: second.id, answer: "agree" });
    await asSam.supervision.view({ requestId: second.id });
    advanceClockForTests(7 * 86_400_000 + 1000);
    expect((await rejection(asSam.supervision.view({ requestId: second.id }))).code).toBe("NOT_FOUND");
    expect((await asClient.supervision.forClient()).requests.find((row) => row.id === second.id)?.state).toBe("ended");

    // A new agreement, then the supervisor leaves the practice.
    const third = await asSam.supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 2 });
    await asClient.supervision.answer({ requestId: third.id, answer: "agree" });
    await asSam.supervision.view({ requestId: third.id });
    await db.practiceMember.updateMany({ where: { userId: sam.id }, data: { leftAt: new Date() } });
    expect((await rejection(asSam.supervision.view({ requestId: third.id }))).code).toBe("NOT_FOUND");
  });

  it("the clinician sees who supervises their client and may end it; the supervisor may end it too", async () => {
    const { cast, asSam, asClient, asTherapist } = await practiceWithNewSupervisor();
    const { id } = await asSam.supervision.ask({ engagementId: cast.engagement.id, reason: REASON, weeks: 3 });
    await asClient.supervision.answer({ requestId: id, answer: "agree" });
    const list = await asTherapist.supervision.forEngagement({ engagementId: cast.engagement.id });
    expect(list.find((row) => row.id === id)).toMatchObject({ supervisorName: "Sam Supervisor", state: "agreed", reason: REASON });
    await asTherapist.supervision.withdraw({ requestId: id });
    expect((await rejection(asSam.supervision.view({ requestId: id }))).code).toBe("NOT_FOUND");
    expect((await rejection(asSam.supervision.withdraw({ requestId: id }))).code).toBe("CONFLICT");
  });
});

describe("a client's deletion", () => {
  it("withdraws their asked and agreed requests, so nobody reads a deleted client's records", async () => {
    const cast = await seedCast(db);
    const asSupervisor = await callerFor(db, cast.supervisor);
    await asSupervisor.supervision.view({ requestId: cast.practice.supervision.agreed.id });
    await (await callerFor(db, cast.client)).account.deleteAccount({ password: TEST_PASSWORD });
    const rows = await db.supervisionRequest.findMany({ where: { engagementId: cast.engagement.id }, select: { status: true, withdrawnAt: true } });
    expect(rows.map((row) => row.status)).toEqual(["withdrawn", "withdrawn"]);
    expect(rows.every((row) => row.withdrawnAt !== null)).toBe(true);
    expect((await rejection(asSupervisor.supervision.view({ requestId: cast.practice.supervision.agreed.id }))).code).toBe("NOT_FOUND");
  });
});
