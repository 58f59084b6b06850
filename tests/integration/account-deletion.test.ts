// Deleting an account (issue 12) against a real Postgres: a client's private
// data goes, table by table, while the therapist's record of their shared
// work stays under "Former client"; a wrong password, open work or a failure
// part-way changes nothing.
import { createHash, randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { getEnv } from "@/server/env";
import { sendMail } from "@/server/mail/send";
import { afterEach, describe, expect, it } from "vitest";
import { accountThrottleWhere, isResetRequestLimited } from "@/server/auth/throttle";
import { checkCredentials } from "@/server/auth/accounts";
import { tombstoneEmail, OPEN_WORK_REFUSAL, WRONG_PASSWORD } from "@/server/account/deletion";
import { sealField } from "@/server/crypto/sealed-fields";
import { resetClock } from "@/server/clock";
import type { TDb } from "@/server/db/client";
import { FORMER_CLIENT_NAME, FORMER_THERAPIST_NAME } from "@/lib/schemas/account-deletion";
import { callerFor, seedCast, seedTemplate, seedTherapist, seedVoiceMemo, TEST_PASSWORD, type TCast } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();

afterEach(resetClock);

const hash64 = () => createHash("sha256").update(randomBytes(32)).digest("hex");

/** The cast, plus every kind of record a client leaves behind: private, shared and bookkeeping. */
async function seedClientLife(db: TDb) {
  const cast = await seedCast(db);
  const { client, therapist, engagement, session, completedSession } = cast;
  const sharedEntry = await db.journalEntry.create({
    data: {
      clientId: client.id,
      body: sealField("journalBody", { clientId: client.id }, "Shared with Tess."),
      visibility: "shared",
      sharedEngagementId: engagement.id,
      sharedAt: new Date(),
    },
    select: { id: true },
  });
  const note = (sessionId: string, kind: "shared_summary" | "client_takeaway" | "therapist_private", authorId: string, isShared = false) =>
    db.sessionNote.create({
      data: { sessionId, kind, authorId, body: sealField("sessionNoteBody", { sessionId, kind }, `${kind} text`), isSharedWithTherapist: isShared },
      select: { id: true },
    });
  const privateTakeaway = await note(session.id, "client_takeaway", client.id);
  const sharedTakeaway = await note(completedSession.id, "client_takeaway", client.id, true);
  const summary = await note(completedSession.id, "shared_summary", therapist.id);
  const privateNote = await note(completedSession.id, "therapist_private", therapist.id);
  await db.goalRating.create({ data: { goalId: cast.goal.id, authorId: client.id, authorRole: "client", value: 6 } });
  await db.checkIn.create({ data: { engagementId: engagement.id, clientId: client.id, personal: 5, relationships: 5, social: 5, overall: 5 } });
  await db.sessionFeedback.create({
    data: { sessionId: completedSession.id, clientId: client.id, feltHeard: 8, workedOnWanted: 7, approachFit: 8, overall: 8 },
  });
  await db.notificationPreference.create({ data: { userId: client.id, kind: "homework_due", channel: "off" } });
  await db.notificationSettings.create({ data: { userId: client.id } });
  await db.reminderDelivery.create({ data: { key: `homework_due:${client.id}:2031-01-01`, userId: client.id, kind: "homework_due", outcome: "sent" } });
  await db.accountToken.create({
    data: { userId: client.id, purpose: "password_reset", tokenHash: hash64(), expiresAt: new Date(Date.now() + 3_600_000) },
  });
  await db.recoveryCode.create({ data: { userId: client.id, codeHash: hash64() } });
  // An exercise started today and never sent (the cast's exercise has one sent entry and a ladder step already).
  const draftOwner = { occurrenceId: cast.exercise.openOccurrence.id, formId: cast.exercise.form.id };
  await db.exerciseEntry.create({
    data: {
      ...draftOwner,
      assignmentId: cast.exercise.assignment.id,
      engagementId: engagement.id,
      clientId: client.id,
      answers: sealField("exerciseAnswers", draftOwner, JSON.stringify({ situation: "Half written" })),
    },
  });
  await db.knownDevice.create({ data: { userId: client.id, tokenHash: hash64(), lastSeenAt: new Date() } });
  await db.invitation.create({
    data: {
      engagementId: engagement.id,
      therapistId: therapist.id,
      email: client.email,
      name: client.name,
      tokenHash: hash64(),
      expiresAt: new Date(),
      acceptedAt: new Date(),
    },
  });
  // Messages: a reply the client only spoke (their voice goes, the message stays), and both people's read marks.
  const spokenMemo = await seedVoiceMemo(db, client.id);
  const spokenMessage = await (await callerFor(db, client)).message.send({
    engagementId: engagement.id,
    voiceMemoId: spokenMemo.id,
    replyToId: cast.messages.fromTherapist.id,
  });
  await (await callerFor(db, therapist)).message.markRead({ engagementId: engagement.id });
  return { ...cast, sharedEntry, privateTakeaway, sharedTakeaway, summary, privateNote, spokenMemo, spokenMessage };
}

/** Rows of the client's private data, table by table: all must be zero after deletion. */
async function privateRowsOf(db: TDb, clientId: string) {
  const where = { userId: clientId };
  return {
    journal_entries_private: await db.journalEntry.count({ where: { clientId, visibility: "private" } }),
    session_notes_unshared_takeaways: await db.sessionNote.count({
      where: { authorId: clientId, kind: "client_takeaway", isSharedWithTherapist: false },
    }),
    check_ins: await db.checkIn.count({ where: { clientId } }),
    exercise_drafts: await db.exerciseEntry.count({ where: { clientId, sentAt: null } }),
    auth_sessions: await db.authSession.count({ where }),
    notifications: await db.notification.count({ where }),
    notification_preferences: await db.notificationPreference.count({ where }),
    notification_settings: await db.notificationSettings.count({ where }),
    reminder_deliveries: await db.reminderDelivery.count({ where }),
    account_tokens: await db.accountToken.count({ where }),
    recovery_codes: await db.recoveryCode.count({ where }),
    known_devices: await db.knownDevice.count({ where }),
    conversation_reads: await db.conversationRead.count({ where }),
    voice_memos: await db.voiceMemo.count({ where: { clientId } }),
  };
}

/** What the therapist's record of the engagement holds. */
async function therapistRecord(db: TDb, cast: TCast & { sharedEntry: { id: string } }) {
  const engagementId = cast.engagement.id;
  return {
    engagement: await db.engagement.count({ where: { id: engagementId } }),
    goals: await db.goal.count({ where: { engagementId } }),
    steps: await db.goalStep.count({ where: { goal: { engagementId } } }),
    ratings: await db.goalRating.count({ where: { goal: { engagementId } } }),
    assignments: await db.homeworkAssignment.count({ where: { engagementId } }),
    completions: await db.homeworkCompletion.count({ where: { occurrence: { assignment: { engagementId } } } }),
    sentExercises: await db.exerciseEntry.count({ where: { engagementId, sentAt: { not: null } } }),
    exerciseForms: await db.exerciseForm.count({ where: { assignments: { some: { engagementId } } } }),
    ladderSteps: await db.ladderStep.count({ where: { engagementId } }),
    agendaItems: await db.agendaItem.count({ where: { session: { engagementId } } }),
    summaries: await db.sessionNote.count({ where: { session: { engagementId }, kind: "shared_summary" } }),
    privateNotes: await db.sessionNote.count({ where: { session: { engagementId }, kind: "therapist_private" } }),
    sharedTakeaways: await db.sessionNote.count({ where: { session: { engagementId }, kind: "client_takeaway", isSharedWithTherapist: true } }),
    sharedJournal: await db.journalEntry.count({ where: { id: cast.sharedEntry.id } }),
    feedback: await db.sessionFeedback.count({ where: { session: { engagementId } } }),
    messages: await db.message.count({ where: { engagementId } }),
    conversation: await db.conversation.count({ where: { engagementId } }),
    therapistsReadMark: await db.conversationRead.count({ where: { engagementId, userId: cast.therapist.id } }),
  };
}

describe("account.deleteAccount for a client", () => {
  it("removes every row of their private data and keeps the therapist's record, under 'Former client'", async () => {
    const cast = await seedClientLife(db);
    const client = await callerFor(db, cast.client);
    await checkCredentials(db, { email: cast.client.email, password: "a wrong guess" }, "10.9.9.6");
    await isResetRequestLimited(db, cast.client.email, "10.9.9.6"); // counts a reset request
    // Keys hold keyed hashes, never the address itself: found by recomputing them.
    const throttleKeys = accountThrottleWhere(cast.client.email, cast.client.id);
    expect(await db.authThrottle.count({ where: { key: { contains: cast.client.email } } })).toBe(0);
    expect(await db.authThrottle.count({ where: throttleKeys })).toBe(4); // account, account-day, pair, reset-email
    const recordBefore = await therapistRecord(db, cast);
    expect(Object.values(await privateRowsOf(db, cast.client.id)).every((count) => count > 0)).toBe(true);

    await client.account.deleteAccount({ password: TEST_PASSWORD });

    expect(await privateRowsOf(db, cast.client.id)).toEqual({
      journal_entries_private: 0,
      session_notes_unshared_takeaways: 0,
      check_ins: 0,
      exercise_drafts: 0,
      auth_sessions: 0,
      notifications: 0,
      notification_preferences: 0,
      notification_settings: 0,
      reminder_deliveries: 0,
      account_tokens: 0,
      recovery_codes: 0,
      known_devices: 0,
      conversation_reads: 0,
      voice_memos: 0,
    });
    // The message they only spoke stays in the conversation, without their voice.
    expect(await db.message.findUniqueOrThrow({ where: { id: cast.spokenMessage.id }, select: { authorId: true, body: true } })).toMatchObject({
      authorId: cast.client.id,
      body: expect.any(String),
    });
    expect(await db.voiceMemo.count({ where: { id: cast.spokenMemo.id } })).toBe(0);
    expect(await db.journalEntry.count({ where: { id: cast.journal.privateEntry.id } })).toBe(0);
    expect(await db.authThrottle.count({ where: throttleKeys })).toBe(0);
    expect(await db.sessionNote.count({ where: { id: cast.privateTakeaway.id } })).toBe(0);
    expect(await therapistRecord(db, cast)).toEqual(recordBefore);

    const tombstone = await db.user.findUniqueOrThrow({ where: { id: cast.client.id } });
    expect(tombstone).toMatchObject({
      email: tombstoneEmail(cast.client.id),
      name: FORMER_CLIENT_NAME,
      totpSecret: null,
      totpEnabledAt: null,
      totpPending: null,
      sessionVersion: cast.client.sessionVersion + 1,
    });
    expect(tombstone.deletedAt).not.toBeNull();
    expect(tombstone.deactivatedAt).not.toBeNull();
    expect(tombstone.passwordHash).not.toMatch(/^\$argon2/);
    // Their address is nowhere in the therapist's record either.
    expect(await db.invitation.count({ where: { email: cast.client.email } })).toBe(0);

    const engagement = await db.engagement.findUniqueOrThrow({ where: { id: cast.engagement.id } });
    expect(engagement).toMatchObject({ status: "ended", endedById: cast.client.id });
    expect(engagement.endedAt).not.toBeNull();

    const audit = await db.auditEvent.findMany({ where: { actorId: cast.client.id, action: "delete", recordType: "account" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ recordId: cast.client.id, clientId: cast.client.id, actorRole: "client" });
  });

  it("withdraws invitations still waiting for their address, and clears e-mails to them from the outbox", async () => {
    const cast = await seedClientLife(db);
    // Another therapist invited the same address; nobody accepted yet.
    const other = await seedTherapist(db);
    const waiting = await db.engagement.create({ data: { therapistId: other.id, status: "invited" }, select: { id: true } });
    const invitation = await db.invitation.create({
      data: { engagementId: waiting.id, therapistId: other.id, email: cast.client.email, name: "Typed by the other therapist", tokenHash: hash64(), expiresAt: new Date(Date.now() + 86_400_000) },
      select: { id: true },
    });
    const outbox = getEnv().MAIL_OUTBOX_DIR;
    await sendMail({ to: cast.client.email, subject: "To the person leaving", text: "hello" });
    await sendMail({ to: cast.therapist.email, subject: "To someone staying", text: "hello" });
    const named = async (email: string) => (await readdir(outbox)).filter((name) => name.includes(`-${email}-`)).length;
    expect(await named(cast.client.email)).toBeGreaterThan(0);

    await (await callerFor(db, cast.client)).account.deleteAccount({ password: TEST_PASSWORD });

    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      email: tombstoneEmail(cast.client.id),
      name: FORMER_CLIENT_NAME,
      revokedAt: expect.any(Date),
      acceptedAt: null,
    });
    expect(await db.engagement.findUniqueOrThrow({ where: { id: waiting.id }, select: { status: true } })).toEqual({ status: "ended" });
    expect(await named(cast.client.email)).toBe(0);
    expect(await named(cast.therapist.email)).toBeGreaterThan(0);
  });

  it("shows the therapist 'Former client', read-only, with the shared work still readable", async () => {
    const cast = await seedClientLife(db);
    // A safety plan the client wrote: shared work, kept like goals, under "Former client".
    const empty = { warningSigns: [], onMyOwn: [], peoplePlaces: [], peopleToAsk: [], professionals: [], saferSurroundings: [], keepsMeGoing: [] };
    await (await callerFor(db, cast.client)).safetyPlan.save({ engagementId: cast.engagement.id, baseVersion: 0, ...empty, keepsMeGoing: ["My garden"] });
    const notice = await db.notification.create({
      data: {
        userId: cast.therapist.id,
        kind: "agenda_item_added",
        title: `${cast.client.name} added to the agenda for Tuesday 10:00`,
        linkPath: `/sessions/${cast.session.id}`,
        engagementId: cast.engagement.id,
      },
      select: { id: true },
    });
    await (await callerFor(db, cast.client)).account.deleteAccount({ password: TEST_PASSWORD });

    const therapist = await callerFor(db, cast.therapist);
    const caseload = await therapist.engagement.list();
    const row = caseload.find((item) => item.id === cast.engagement.id);
    expect(row).toMatchObject({ status: "ended", counterpart: { name: FORMER_CLIENT_NAME } });
    expect(JSON.stringify(caseload)).not.toContain(cast.client.name);
    expect((await therapist.notifications.list({})).items.find((item) => item.id === notice.id)?.title).toBe(
      `${FORMER_CLIENT_NAME} added to the agenda for Tuesday 10:00`,
    );
    expect((await therapist.engagement.byId({ engagementId: cast.engagement.id })).counterpart.name).toBe(FORMER_CLIENT_NAME);
    expect((await therapist.goal.list({ engagementId: cast.engagement.id })).length).toBeGreaterThan(0);
    // The conversation reads on, closed, their messages under "Former client"; the bell says so too.
    const conversation = await therapist.message.list({ engagementId: cast.engagement.id });
    expect(conversation.items.filter((message) => message.authorRole === "client").map((message) => message.authorName)).toEqual([
      FORMER_CLIENT_NAME,
      FORMER_CLIENT_NAME,
    ]);
    expect(conversation.items.find((message) => message.id === cast.messages.fromClient.id)?.text).toBe("Better than I expected.");
    expect((await therapist.message.conversation({ engagementId: cast.engagement.id })).writing.may).toBe("none");
    expect((await therapist.notifications.list({})).items.filter((item) => item.title.startsWith("New message from")).map((item) => item.title)).toEqual([
      `New message from ${FORMER_CLIENT_NAME}`,
    ]);
    const plan = await therapist.safetyPlan.get({ engagementId: cast.engagement.id });
    expect(plan).toMatchObject({ canEdit: false, updatedBy: { name: FORMER_CLIENT_NAME }, content: { keepsMeGoing: ["My garden"] } });
    expect((await therapist.safetyPlan.versions({ engagementId: cast.engagement.id })).map((version) => version.authorName)).toEqual([FORMER_CLIENT_NAME]);
    const sessionView = JSON.stringify(await therapist.session.byId({ sessionId: cast.completedSession.id }));
    expect(sessionView).toContain("shared_summary text");
    expect(sessionView).toContain("therapist_private text");
    // Nothing new can be added to the ended work.
    expect((await rejection(therapist.goal.create({ engagementId: cast.engagement.id, title: "Something new" }))).code).toBe("FORBIDDEN");
  });

  it("leaves the person unable to sign in or use an old session", async () => {
    const cast = await seedClientLife(db);
    const sessionId = (await db.authSession.create({ data: { userId: cast.client.id, lastSeenAt: new Date() }, select: { id: true } })).id;
    await (await callerFor(db, cast.client)).account.deleteAccount({ password: TEST_PASSWORD });

    for (const email of [cast.client.email, tombstoneEmail(cast.client.id)]) {
      expect(await checkCredentials(db, { email, password: TEST_PASSWORD }, "10.9.9.9")).toEqual({ ok: false, reason: "invalid" });
    }
    const stale = await callerFor(db, { ...cast.client, sessionId });
    expect((await rejection(stale.account.me())).code).toBe("UNAUTHORIZED");
  });

  it("refuses a wrong password on its field and changes nothing", async () => {
    const cast = await seedClientLife(db);
    const client = await callerFor(db, cast.client);
    const before = await snapshotDatabase(db);
    const sessionsBefore = await db.authSession.count({ where: { userId: cast.client.id } });

    const error = await rejection(client.account.deleteAccount({ password: "not my password" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as { fieldErrors?: unknown }).fieldErrors).toEqual({ password: [WRONG_PASSWORD] });
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await db.authSession.count({ where: { userId: cast.client.id } })).toBe(sessionsBefore);

    const empty = await rejection(client.account.deleteAccount({ password: "" }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("rolls everything back when the last step fails", async () => {
    const cast = await seedClientLife(db);
    const client = await callerFor(db, cast.client);
    // A real failure inside Postgres at the final step (the users row), after
    // every delete of the transaction has already run.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_tombstone() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated failure part-way'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_tombstone BEFORE UPDATE ON users FOR EACH ROW
      WHEN (NEW.id = '${cast.client.id}'::uuid AND NEW.deleted_at IS NOT NULL) EXECUTE FUNCTION refuse_tombstone()`);
    try {
      const before = await snapshotDatabase(db);
      const auditBefore = await db.auditEvent.count();
      const sessionsBefore = await db.authSession.count({ where: { userId: cast.client.id } });

      const error = await rejection(client.account.deleteAccount({ password: TEST_PASSWORD }));
      expect(error.code).toBe("INTERNAL_SERVER_ERROR");

      expect(await snapshotDatabase(db)).toEqual(before);
      expect(await db.auditEvent.count()).toBe(auditBefore);
      expect(await db.authSession.count({ where: { userId: cast.client.id } })).toBe(sessionsBefore);
      expect((await checkCredentials(db, { email: cast.client.email, password: TEST_PASSWORD }, "10.9.9.8")).ok).toBe(true);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER refuse_tombstone ON users");
      await db.$executeRawUnsafe("DROP FUNCTION refuse_tombstone()");
    }
  });

  it("names their therapists before they confirm", async () => {
    const cast = await seedCast(db);
    expect(await (await callerFor(db, cast.client)).account.deletionSummary()).toEqual({
      role: "client",
      therapistNames: ["Tess Therapist"],
    });
  });
});

describe("account.deleteAccount for a therapist", () => {
  it("is refused on a field while any work is active or invited, and changes nothing", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    expect(await therapist.account.deletionSummary()).toEqual({ role: "therapist", openEngagementCount: 2 });
    const before = await snapshotDatabase(db);

    const error = await rejection(therapist.account.deleteAccount({ password: TEST_PASSWORD }));
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as { fieldErrors?: unknown }).fieldErrors).toEqual({ engagements: [OPEN_WORK_REFUSAL] });
    expect(await snapshotDatabase(db)).toEqual(before);

    // Ending the work is not enough while an invitation is still out.
    await therapist.engagement.end({ engagementId: cast.engagement.id });
    expect((await rejection(therapist.account.deleteAccount({ password: TEST_PASSWORD }))).code).toBe("CONFLICT");
  });

  it("once the work has ended, keeps the shared record for the client and removes the therapist's own material", async () => {
    const cast = await seedClientLife(db);
    const therapist = await callerFor(db, cast.therapist);
    await therapist.message.setPause({ isPaused: true, notice: "Away until the new year." });
    // The cast's PHQ-9 is off track: the therapist's review of it is their own working note.
    const review = await therapist.measure.saveOffTrackReview({ engagementId: cast.engagement.id, kind: "phq9", items: ["support"], note: "Mine alone." });
    await therapist.engagement.end({ engagementId: cast.engagement.id });
    await therapist.invitation.revoke({ engagementId: cast.invitation.engagement.id });
    const starter = await seedTemplate(db, null, "Starter exercise");

    // A form on a template nobody was given: it goes with the template.
    const unused = await therapist.homeworkTemplate.fromStarter({ starterKey: "coping_card" });

    await therapist.account.deleteAccount({ password: TEST_PASSWORD });

    expect(await db.homeworkTemplate.count({ where: { ownerId: cast.therapist.id } })).toBe(0);
    // Exercise forms: the version the client was given and answered stays, without its template; the rest go.
    expect(await db.exerciseForm.findMany({ where: { id: { in: [cast.exercise.form.id, cast.exercise.newestForm.id] } }, select: { id: true, templateId: true } })).toEqual([
      { id: cast.exercise.form.id, templateId: null },
    ]);
    expect(await db.exerciseForm.count({ where: { templateId: unused.id } })).toBe(0);
    expect(await db.exerciseForm.count({ where: { templateId: null, assignments: { none: {} }, entries: { none: {} } } })).toBe(0);
    expect(await db.homeworkTemplate.count({ where: { id: starter.id } })).toBe(1);
    expect(await db.sessionNote.count({ where: { id: cast.privateNote.id } })).toBe(0);
    expect(await db.offTrackReview.count({ where: { id: review.id } })).toBe(0);
    expect(await db.engagement.count({ where: { id: cast.invitation.engagement.id } })).toBe(0);
    expect(await db.homeworkAssignment.count({ where: { id: cast.homework.assignment.id } })).toBe(1);
    expect(await db.sessionNote.count({ where: { id: cast.summary.id } })).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { id: cast.therapist.id }, select: { name: true, email: true } })).toEqual({
      name: FORMER_THERAPIST_NAME,
      email: tombstoneEmail(cast.therapist.id),
    });

    const client = await callerFor(db, cast.client);
    const mine = await client.engagement.list();
    expect(mine.find((row) => row.id === cast.engagement.id)?.counterpart.name).toBe(FORMER_THERAPIST_NAME);
    const view = JSON.stringify(await client.session.byId({ sessionId: cast.completedSession.id }));
    expect(view).toContain("shared_summary text");
    // What they recorded in the exercise still reads with its questions, and the ladder is still theirs.
    const entry = await client.exercise.entry({ occurrenceId: cast.exercise.sentOccurrence.id });
    expect(entry).toMatchObject({ state: "sent", formVersion: 1, answers: { situation: "On the bus to work" } });
    expect(entry.form.fields[0]!.label).toBe("What was happening?");
    expect((await client.exercise.ladder({ engagementId: cast.engagement.id })).map((step) => step.text)).toEqual(["Taking the bus two stops"]);
    // Their pause and read marks go; what they wrote to the client stays, under "Former therapist".
    expect(await db.messagePause.count({ where: { therapistId: cast.therapist.id } })).toBe(0);
    expect(await db.conversationRead.count({ where: { userId: cast.therapist.id } })).toBe(0);
    const conversation = await client.message.list({ engagementId: cast.engagement.id });
    expect(conversation.items.find((message) => message.id === cast.messages.fromTherapist.id)).toMatchObject({
      authorName: FORMER_THERAPIST_NAME,
      text: "How did the breathing go this week?",
    });
    expect((await client.message.conversation({ engagementId: cast.engagement.id })).counterpartName).toBe(FORMER_THERAPIST_NAME);
    expect(await checkCredentials(db, { email: cast.therapist.email, password: TEST_PASSWORD }, "10.9.9.7")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
