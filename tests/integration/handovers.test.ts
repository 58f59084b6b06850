// Handing a client over to another clinician (issue 29, server/handovers),
// against a real Postgres through the real procedures. What is proved:
// - proposing: only the client's clinician (or the practice's owner or admin
//   once that clinician has left), to a clinician of the same practice who
//   sees clients, one open proposal at a time; every refusal names its field
//   and changes nothing;
// - accepting moves every kind of record to a new engagement with its
//   history and ids, and every moved record still opens (read back through
//   the normal procedures as the new clinician and as the client, and every
//   engagement-bound sealed value opened directly);
// - the old engagement ends (by the client) and keeps its conversation;
// - the previous clinician's private notes stay theirs, unless they handed
//   them over (recorded in the audit trail); the new clinician can't write
//   over them;
// - declining and withdrawing move nothing; another practice gets nothing.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { openField, SEALED_FIELDS, type TSealedFieldName } from "@/server/crypto/sealed-fields";
import { buildEngagementExport } from "@/server/export/therapist-export";
import { buildClientExport } from "@/server/export/client-export";
import { callerFor, seedCast, type TCast } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { CANARY_ANSWER_LIST, writeCanaries, type TCanaryName } from "../support/canaries";

const db = connectTestDb();
afterEach(() => resetClock());
afterAll(() => getDb().$disconnect());

async function proposal(cast: TCast, options: { includePrivateNotes?: boolean; message?: string } = {}) {
  const therapist = await callerFor(db, cast.therapist);
  return therapist.handover.propose({
    engagementId: cast.engagement.id,
    toTherapistId: cast.colleague.id,
    message: options.message ?? "Cole has more time for you on Thursdays.",
    includePrivateNotes: options.includePrivateNotes ?? false,
  });
}

/** Every SEALED_FIELDS entry bound to an engagement: each row of the engagement opens under it. */
async function openEveryEngagementBoundValue(engagementId: string): Promise<number> {
  let opened = 0;
  for (const [name, spec] of Object.entries(SEALED_FIELDS) as [TSealedFieldName, (typeof SEALED_FIELDS)[TSealedFieldName]][]) {
    const owner = spec.owner as Record<string, string>;
    const engagementColumn = owner.engagementId;
    if (!engagementColumn) continue;
    const columns = Object.values(owner).map((column) => `"${column}"::text AS "${column}"`).join(", ");
    const rows = await db.$queryRawUnsafe<Record<string, string | null>[]>(
      `SELECT ${columns}, "${spec.column}"::text AS value FROM "${spec.table}" WHERE "${engagementColumn}" = $1::uuid`,
      engagementId,
    );
    for (const row of rows) {
      if (row.value === null) continue;
      const values = Object.fromEntries(Object.entries(owner).map(([key, column]) => [key, row[column]!]));
      expect(() => openField(name, values as never, row.value!), `${name} opens after the move`).not.toThrow();
      opened += 1;
    }
  }
  return opened;
}

describe("proposing a handover", () => {
  it("refuses, field by field, a proposal that can't go ahead, changing nothing", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    const before = await snapshotDatabase(db);
    const attempts: [string, Record<string, unknown>][] = [
      ["toTherapistId", { toTherapistId: cast.otherTherapist.id }], // another practice
      ["toTherapistId", { toTherapistId: cast.admin.id }], // an admin sees no clients
      ["toTherapistId", { toTherapistId: cast.therapist.id }], // themselves
      ["toTherapistId", { toTherapistId: cast.client.id }], // not a therapist at all
      ["message", { toTherapistId: cast.colleague.id, message: "x".repeat(1001) }],
    ];
    for (const [field, input] of attempts) {
      const error = await rejection(therapist.handover.propose({ engagementId: cast.engagement.id, ...input } as never));
      expect(error.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(JSON.stringify(error.cause ?? error), JSON.stringify(input)).toContain(field);
    }
    // Someone else's client, and another practice's therapist on this one: nothing to find.
    expect((await rejection(therapist.handover.propose({ engagementId: cast.otherEngagement.id, toTherapistId: cast.colleague.id }))).code).toBe("NOT_FOUND");
    const other = await callerFor(db, cast.otherTherapist);
    expect((await rejection(other.handover.propose({ engagementId: cast.engagement.id, toTherapistId: cast.colleague.id }))).code).toBe("NOT_FOUND");
    // The admin, while the clinician is still there; the colleague, who isn't the client's clinician.
    for (const who of [cast.admin, cast.colleague, cast.supervisor]) {
      const caller = await callerFor(db, who);
      expect((await rejection(caller.handover.propose({ engagementId: cast.engagement.id, toTherapistId: cast.colleague.id }))).code).toBe("NOT_FOUND");
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("keeps one proposal open at a time, tells the client without a word of the message, and lets the clinician withdraw it", async () => {
    const cast = await seedCast(db);
    const { id } = await proposal(cast, { message: "HANDOVER-MESSAGE-CANARY" });
    const before = await snapshotDatabase(db);
    expect((await rejection(proposal(cast))).code).toBe("CONFLICT");
    expect(await snapshotDatabase(db)).toEqual(before);

    const notice = await db.notification.findFirstOrThrow({ where: { userId: cast.client.id, kind: "handover_proposed" } });
    expect(notice.linkPath).toBe(`/handovers/${id}`);
    expect(notice.title).not.toContain("CANARY");
    const stored = await db.handover.findUniqueOrThrow({ where: { id } });
    expect(stored.message).not.toContain("CANARY");

    const client = await callerFor(db, cast.client);
    const shown = await client.handover.byId({ handoverId: id });
    expect(shown).toMatchObject({ status: "proposed", from: cast.therapist.name, to: cast.colleague.name, message: "HANDOVER-MESSAGE-CANARY", proposedBy: null });
    expect((await client.handover.notices()).waiting).toEqual([{ id, from: cast.therapist.name, to: cast.colleague.name }]);
    // It is in the client's export (server/data-lifecycle: handovers go with the client), opened; never in another's.
    expect(JSON.stringify((await buildClientExport(db, cast.client)).handovers)).toContain("HANDOVER-MESSAGE-CANARY");
    expect(JSON.stringify(await buildClientExport(db, cast.otherClient))).not.toContain("HANDOVER-MESSAGE-CANARY");
    // Another client can't read it.
    const otherClient = await callerFor(db, cast.otherClient);
    expect((await rejection(otherClient.handover.byId({ handoverId: id }))).code).toBe("NOT_FOUND");

    const therapist = await callerFor(db, cast.therapist);
    await therapist.handover.withdraw({ handoverId: id });
    expect((await db.handover.findUniqueOrThrow({ where: { id } })).status).toBe("withdrawn");
    expect((await rejection(client.handover.accept({ handoverId: id }))).code).toBe("CONFLICT");
    expect((await client.handover.notices()).waiting).toEqual([]);
    // A new proposal may follow.
    await proposal(cast);
  });

  it("moves nothing when the client says not now, and tells both clinicians", async () => {
    const cast = await seedCast(db);
    const { id } = await proposal(cast, { includePrivateNotes: true });
    const therapist = await callerFor(db, cast.therapist);
    await therapist.session.saveNote({ sessionId: cast.session.id, kind: "therapist_private", body: "Mine alone." });
    const client = await callerFor(db, cast.client);
    await client.handover.decline({ handoverId: id });
    expect(await db.engagement.findUniqueOrThrow({ where: { id: cast.engagement.id }, select: { status: true } })).toEqual({ status: "active" });
    expect(await db.goal.count({ where: { engagementId: cast.engagement.id } })).toBeGreaterThan(0);
    expect(await db.sessionNote.count({ where: { handedOverToId: { not: null }, session: { engagementId: cast.engagement.id } } })).toBe(0);
    const told = await db.notification.findMany({ where: { kind: "handover_answered" }, select: { userId: true } });
    expect(told.map((row) => row.userId)).toEqual(expect.arrayContaining([cast.therapist.id, cast.colleague.id]));
    expect((await rejection(client.handover.accept({ handoverId: id }))).code).toBe("CONFLICT");
    // The therapist can't decline for the client.
    expect((await rejection(therapist.handover.decline({ handoverId: id }))).code).toBe("FORBIDDEN");
  });
});

describe("accepting a handover", () => {
  it("moves history and leaves private notes behind", async () => {
    const written = await writeCanaries(db);
    const { cast, canaries } = written;
    const oldId = cast.engagement.id;
    const messagesBefore = await db.message.count({ where: { engagementId: oldId } });
    const { id } = await proposal(cast);
    const client = await callerFor(db, cast.client);
    const accepted = await client.handover.accept({ handoverId: id });
    const newId = accepted.toEngagement.id;

    // The new engagement: the client with the colleague; the old one ended by the client, its conversation kept there.
    expect(await db.engagement.findUniqueOrThrow({ where: { id: newId }, select: { therapistId: true, clientId: true, status: true } })).toEqual({
      therapistId: cast.colleague.id,
      clientId: cast.client.id,
      status: "active",
    });
    expect(await db.engagement.findUniqueOrThrow({ where: { id: oldId }, select: { status: true, endedById: true } })).toEqual({ status: "ended", endedById: cast.client.id });
    expect(await db.message.count({ where: { engagementId: oldId } })).toBe(messagesBefore);
    expect(await db.message.count({ where: { engagementId: newId } })).toBe(0);

    // Every kind of record moved, keeping its id.
    for (const [table, count] of Object.entries({
      goal: await db.goal.count({ where: { engagementId: oldId } }),
      homeworkAssignment: await db.homeworkAssignment.count({ where: { engagementId: oldId } }),
      ladderStep: await db.ladderStep.count({ where: { engagementId: oldId } }),
      therapySession: await db.therapySession.count({ where: { engagementId: oldId } }),
      exerciseEntry: await db.exerciseEntry.count({ where: { engagementId: oldId } }),
      measureAssignment: await db.measureAssignment.count({ where: { engagementId: oldId } }),
      measureResponse: await db.measureResponse.count({ where: { engagementId: oldId } }),
      measureFlag: await db.measureFlag.count({ where: { engagementId: oldId } }),
      offTrackReview: await db.offTrackReview.count({ where: { engagementId: oldId } }),
      safetyPlan: await db.safetyPlan.count({ where: { engagementId: oldId } }),
      journalEntry: await db.journalEntry.count({ where: { sharedEngagementId: oldId } }),
    })) {
      expect(count, `${table} left behind`).toBe(0);
    }
    expect(await db.goal.findUnique({ where: { id: written.goalId }, select: { engagementId: true } })).toEqual({ engagementId: newId });
    expect(await db.therapySession.findUnique({ where: { id: cast.session.id }, select: { engagementId: true } })).toEqual({ engagementId: newId });

    // Every engagement-bound sealed value opens under the new engagement.
    expect(await openEveryEngagementBoundValue(newId)).toBeGreaterThan(10);

    // Read back through the normal procedures: the new clinician and the client see the work, with its history.
    const colleague = await callerFor(db, cast.colleague);
    const read = async (caller: typeof colleague, isClient: boolean) =>
      JSON.stringify(
        await Promise.all([
          caller.goal.list({ engagementId: newId }),
          caller.goal.byId({ goalId: written.goalId }),
          caller.homework.list({ engagementId: newId }),
          caller.homework.byId({ assignmentId: written.assignmentId }),
          caller.homework.byId({ assignmentId: cast.homework.assignment.id }),
          caller.exercise.entries({ assignmentId: written.exercise.assignmentId }),
          caller.exercise.ladder({ engagementId: newId }),
          caller.session.list({ engagementId: newId }),
          caller.session.byId({ sessionId: cast.session.id }),
          caller.session.byId({ sessionId: cast.completedSession.id }),
          caller.safetyPlan.get({ engagementId: newId }),
          caller.safetyPlan.versions({ engagementId: newId }),
          caller.engagement.progress({ engagementId: newId }),
          isClient ? caller.journal.mine() : caller.journal.shared({ engagementId: newId }),
        ]),
      );
    const asColleague = await read(colleague, false);
    const moved: TCanaryName[] = [
      "goalTitle", "goalDescription", "goalWhy", "goalStep", "addedStep", "statusNote", "clientRatingNote", "therapistRatingNote",
      "assignmentTitle", "assignmentInstructions", "response", "obstacle", "reply", "exerciseAnswer", "ladderStep",
      "summary", "takeaway", "agenda", "sharedJournal", "safetyPlanContact", "safetyPlanEarlier",
    ];
    for (const name of moved) expect(asColleague, `the new clinician reads ${name}`).toContain(canaries[name]);
    // The previous clinician's private note stays theirs; the conversation stayed with the old engagement.
    for (const name of ["privateNote", "message", "therapistMessage", "journal", "exerciseDraft"] as const) {
      expect(asColleague, `the new clinician never reads ${name}`).not.toContain(canaries[name]);
    }
    const asClient = await read(client, true);
    for (const name of moved) expect(asClient, `the client reads ${name}`).toContain(canaries[name]);
    expect(asClient).not.toContain(canaries.privateNote);
    // Questionnaire answers and the off-track review opened too.
    const responses = await db.measureResponse.findMany({ where: { engagementId: newId, completedAt: { not: null } }, select: { assignmentId: true, periodKey: true, answers: true } });
    expect(responses.map((row) => openField("measureAnswers", { engagementId: newId, assignmentId: row.assignmentId, periodKey: row.periodKey }, row.answers))).toContain(JSON.stringify(CANARY_ANSWER_LIST));
    const review = await db.offTrackReview.findFirstOrThrow({ where: { engagementId: newId }, select: { id: true, note: true } });
    expect(openField("offTrackNote", { engagementId: newId, reviewId: review.id }, review.note)).toBe(canaries.offTrackNote);

    // The old engagement: read-only, its messages still there for both of its people.
    const therapist = await callerFor(db, cast.therapist);
    const oldMessages = JSON.stringify(await client.message.list({ engagementId: oldId }));
    expect(oldMessages).toContain(canaries.message);
    expect(JSON.stringify(await therapist.message.list({ engagementId: oldId }))).toContain(canaries.therapistMessage);
    expect((await rejection(therapist.goal.list({ engagementId: newId }))).code).toBe("NOT_FOUND");

    // The previous clinician keeps reading their own private notes, through the handover.
    const previous = await therapist.handover.previousNotes({ engagementId: oldId });
    expect(previous.to).toBe(cast.colleague.name);
    expect(previous.notes.map((note) => note.body)).toEqual([canaries.privateNote]);
    expect(previous.notes[0]!.isHandedOver).toBe(false);
    expect(await colleague.handover.previousNotes({ engagementId: newId })).toEqual({ to: null, notes: [] });

    // The new clinician can't write over it (one private note per session), and the refusal changes nothing.
    const before = await snapshotDatabase(db);
    const refused = await rejection(colleague.session.saveNote({ sessionId: cast.session.id, kind: "therapist_private", body: "My own thoughts." }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain(cast.therapist.name);
    expect(await snapshotDatabase(db)).toEqual(before);
    // On a session without one, the new clinician writes theirs, which the previous clinician never sees.
    await colleague.session.saveNote({ sessionId: cast.completedSession.id, kind: "therapist_private", body: "COLLEAGUE-PRIVATE" });
    expect(JSON.stringify(await therapist.handover.previousNotes({ engagementId: oldId }))).not.toContain("COLLEAGUE-PRIVATE");
    // The new clinician's export carries their own private note, never the previous clinician's.
    const exported = JSON.stringify(await buildEngagementExport(db, cast.colleague as never, newId));
    expect(exported).toContain("COLLEAGUE-PRIVATE");
    expect(exported).not.toContain(canaries.privateNote);

    // Both clinicians were told; the client's home knows who has their records now.
    const told = await db.notification.findMany({ where: { kind: "handover_answered" }, select: { userId: true, linkPath: true } });
    expect(told).toEqual(expect.arrayContaining([{ userId: cast.colleague.id, linkPath: `/clients/${newId}` }, { userId: cast.therapist.id, linkPath: `/clients/${oldId}` }]));
    expect((await client.handover.notices()).recent).toEqual([expect.objectContaining({ id, to: cast.colleague.name })]);
    const list = await client.engagement.list();
    expect(list.find((row) => row.status === "active")?.counterpart.name).toBe(cast.colleague.name);

    // Recorded in the client's access log: the handover, and the new engagement.
    const events = await db.auditEvent.findMany({ where: { clientId: cast.client.id, recordType: "handover" }, select: { action: true, actorId: true } });
    expect(events).toEqual(expect.arrayContaining([{ action: "create", actorId: cast.therapist.id }, { action: "update", actorId: cast.client.id }]));
    // No notes were handed over, so no such event.
    expect(await db.auditEvent.count({ where: { engagementId: newId, recordType: "note_therapist_private", actorId: cast.client.id } })).toBe(0);
  });

  it("hands the private notes over when their author chose so, recorded in the audit trail", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    await therapist.session.saveNote({ sessionId: cast.completedSession.id, kind: "therapist_private", body: "HANDED-OVER-NOTE" });
    const { id } = await proposal(cast, { includePrivateNotes: true });
    // Written after proposing: handed over with the rest.
    await therapist.session.saveNote({ sessionId: cast.session.id, kind: "therapist_private", body: "LATER-NOTE" });
    const client = await callerFor(db, cast.client);
    // Nothing opens for the colleague before the client's yes.
    const colleague = await callerFor(db, cast.colleague);
    expect((await rejection(colleague.session.byId({ sessionId: cast.completedSession.id }))).code).toBe("NOT_FOUND");
    expect((await client.handover.byId({ handoverId: id })).privateNotesGoToo).toBe(true);

    const accepted = await client.handover.accept({ handoverId: id });
    expect(accepted.handedOverNoteIds).toHaveLength(2);
    const seen = JSON.stringify([await colleague.session.byId({ sessionId: cast.completedSession.id }), await colleague.session.byId({ sessionId: cast.session.id })]);
    expect(seen).toContain("HANDED-OVER-NOTE");
    expect(seen).toContain("LATER-NOTE");
    expect(JSON.stringify(await client.session.byId({ sessionId: cast.completedSession.id }))).not.toContain("HANDED-OVER-NOTE");
    const audited = await db.auditEvent.findFirst({
      where: { engagementId: accepted.toEngagement.id, recordType: "note_therapist_private", action: "update", actorId: cast.client.id },
    });
    expect(audited).not.toBeNull();
    // Still the author's: listed on their ended engagement, marked as handed over; the colleague may not change them.
    const previous = await therapist.handover.previousNotes({ engagementId: cast.engagement.id });
    expect(previous.notes.every((note) => note.isHandedOver)).toBe(true);
    expect((await rejection(colleague.session.saveNote({ sessionId: cast.session.id, kind: "therapist_private", body: "Overwritten?" }))).code).toBe("BAD_REQUEST");

    // The work moves on again, to the supervisor: the first clinician still finds their notes, and the second
    // clinician's handed-over reading ends with the work (the notes were handed to them, not onwards).
    await db.practiceMember.updateMany({ where: { userId: cast.supervisor.id }, data: { role: "clinician" } });
    const { id: second } = await colleague.handover.propose({ engagementId: accepted.toEngagement.id, toTherapistId: cast.supervisor.id });
    await client.handover.accept({ handoverId: second });
    expect((await therapist.handover.previousNotes({ engagementId: cast.engagement.id })).notes.map((note) => note.body).sort()).toEqual(["HANDED-OVER-NOTE", "LATER-NOTE"]);
    const supervisor = await callerFor(db, cast.supervisor);
    expect(JSON.stringify(await supervisor.session.byId({ sessionId: cast.completedSession.id }))).not.toContain("HANDED-OVER-NOTE");
  });

  it("lets the practice's admin hand over the clients of a clinician who left, never their private notes", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    await therapist.session.saveNote({ sessionId: cast.completedSession.id, kind: "therapist_private", body: "LEFT-CLINICIAN-NOTE" });
    await db.practiceMember.updateMany({ where: { userId: cast.therapist.id }, data: { leftAt: new Date() } });
    const admin = await callerFor(db, cast.admin);
    const waiting = await admin.handover.leftClients();
    expect(waiting.clients).toEqual([expect.objectContaining({ engagementId: cast.engagement.id, clientName: cast.client.name, formerClinician: cast.therapist.name, open: null })]);
    expect(waiting.clinicians.map((person) => person.id)).toEqual(expect.arrayContaining([cast.colleague.id, cast.supervisor.id]));
    expect(waiting.clinicians.map((person) => person.id)).not.toContain(cast.admin.id);

    const before = await snapshotDatabase(db);
    const notesRefused = await rejection(admin.handover.propose({ engagementId: cast.engagement.id, toTherapistId: cast.colleague.id, includePrivateNotes: true }));
    expect(notesRefused.code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);
    // The colleague, a clinician, can't do what the admin does.
    const colleague = await callerFor(db, cast.colleague);
    expect((await rejection(colleague.handover.leftClients())).code).toBe("FORBIDDEN");
    // Another practice's therapist finds nothing.
    const other = await callerFor(db, cast.otherTherapist);
    expect((await rejection(other.handover.propose({ engagementId: cast.engagement.id, toTherapistId: cast.colleague.id }))).code).toBe("NOT_FOUND");

    const { id } = await admin.handover.propose({ engagementId: cast.engagement.id, toTherapistId: cast.colleague.id, message: "Your therapist has left the practice." });
    const client = await callerFor(db, cast.client);
    expect((await client.handover.byId({ handoverId: id })).proposedBy).toBe(cast.admin.name);
    const accepted = await client.handover.accept({ handoverId: id });
    expect(accepted.handedOverNoteIds).toEqual([]);
    expect(JSON.stringify(await colleague.session.byId({ sessionId: cast.completedSession.id }))).not.toContain("LEFT-CLINICIAN-NOTE");
    expect((await admin.handover.leftClients()).clients).toEqual([]);
    expect(await db.notification.count({ where: { userId: cast.admin.id, kind: "handover_answered" } })).toBe(1);
  });
});
