// The authorization matrix (docs/security-and-privacy.md, S1–S3): every procedure of the
// router × {signed out, the client, another client, the therapist, another
// therapist, and the therapist's practice: an admin, a clinician colleague, a
// supervisor the client agreed to, a supervisor still waiting} → the expected
// outcome. The suite fails when a procedure has no row, and every refused call
// must leave the clinical tables unchanged.
//
// Each row calls the procedure on the records of the cast's FIRST pair
// (therapist + client); "other" actors are strangers to those records. The
// practice's people are strangers to them too, through every procedure but
// supervision's own (a supervisor reads a client's records only there, while
// the client agrees): a row names them only where they differ from the other
// therapist, who is in another practice.
import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter, PUBLIC_PROCEDURES } from "@/server/api/root";
import { CAST_EXERCISE_FORM, callerFor, seedCast, seedHandover, TEST_PASSWORD, uniqueEmail, type TCast } from "../factories";
import { issueEmailProof } from "@/server/auth/email-proofs";
import { snapshotDatabase, connectTestDb } from "../support/db";
import { newEmailChangeToken } from "@/server/account/email-change";
import { newResetToken } from "@/server/auth/password-reset";
import { codeFor, enrolTwoFactor } from "../support/totp";
import { writeCanaries, type TCanaryName } from "../support/canaries";

const db = connectTestDb();

type TBaseActor = "signedOut" | "client" | "otherClient" | "therapist" | "otherTherapist";
/** The pair's therapist's practice (tests/factories.ts, seedPracticeOf). */
type TPracticeActor = "admin" | "colleague" | "supervisor" | "pendingSupervisor";
type TActor = TBaseActor | TPracticeActor;
type TOutcome = "ok" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT";
type TCaller = Awaited<ReturnType<typeof callerFor>>;
type TRow = {
  /** Records a row needs beyond the cast, written before the database is snapshotted (a handover waiting for its answer). */
  setup?: (cast: TCast) => Promise<void>;
  call: (caller: TCaller, cast: TCast) => Promise<unknown>;
  expect: Record<TBaseActor, TOutcome> & Partial<Record<TPracticeActor, TOutcome>>;
};

/** The cast with a handover waiting (the handover rows' setup). */
type TWithHandover = TCast & { handover?: { id: string } };
async function withHandover(cast: TCast): Promise<void> {
  (cast as TWithHandover).handover = await seedHandover(db, cast);
}
const handoverOf = (cast: TCast) => (cast as TWithHandover).handover!.id;

/** Keys as a browser's PushSubscription has them (the matrix never sends to them). */
const PUSH_KEYS = { p256dh: createECDH("prime256v1").generateKeys().toString("base64url"), auth: randomBytes(16).toString("base64url") };

const ACTORS: TActor[] = ["signedOut", "client", "otherClient", "therapist", "otherTherapist", "admin", "colleague", "supervisor", "pendingSupervisor"];

/** A row's outcome for an actor: the practice's people as the other therapist unless the row says otherwise. */
function expectedOf(row: TRow, actor: TActor): TOutcome {
  return row.expect[actor] ?? row.expect.otherTherapist;
}

const SIGNED_IN_OK = {
  signedOut: "UNAUTHORIZED",
  client: "ok",
  otherClient: "ok",
  therapist: "ok",
  otherTherapist: "ok",
} as const;

const PAIR_ONLY = {
  signedOut: "UNAUTHORIZED",
  client: "ok",
  otherClient: "NOT_FOUND",
  therapist: "ok",
  otherTherapist: "NOT_FOUND",
} as const;

/**
 * Therapist-only actions inside the pair's engagement. The role is checked
 * before anything is loaded, so every client is refused alike (FORBIDDEN,
 * which says nothing about the record); another therapist can't find it.
 */
const PAIR_THERAPIST = {
  signedOut: "UNAUTHORIZED",
  client: "FORBIDDEN",
  otherClient: "FORBIDDEN",
  therapist: "ok",
  otherTherapist: "NOT_FOUND",
} as const;

/** Open to both roles, but only its author (the pair's client) may do it: the domain refuses the therapist. */
const PAIR_CLIENTS_OWN = {
  signedOut: "UNAUTHORIZED",
  client: "ok",
  otherClient: "NOT_FOUND",
  therapist: "FORBIDDEN",
  otherTherapist: "NOT_FOUND",
} as const;

const THERAPISTS_ONLY = {
  signedOut: "UNAUTHORIZED",
  client: "FORBIDDEN",
  otherClient: "FORBIDDEN",
  therapist: "ok",
  otherTherapist: "ok",
} as const;

const OWN_TEMPLATE = { ...THERAPISTS_ONLY, otherTherapist: "NOT_FOUND" } as const;

const CLIENTS_ONLY = {
  signedOut: "UNAUTHORIZED",
  client: "ok",
  otherClient: "ok",
  therapist: "FORBIDDEN",
  otherTherapist: "FORBIDDEN",
} as const;

/** Client-only actions inside the pair's engagement: every therapist is refused before anything is loaded. */
const PAIR_CLIENT = {
  signedOut: "UNAUTHORIZED",
  client: "ok",
  otherClient: "NOT_FOUND",
  therapist: "FORBIDDEN",
  otherTherapist: "FORBIDDEN",
} as const;

/**
 * Running a practice (issue 29): its owner (the pair's therapist) and admin.
 * The other therapist runs their own practice of one; the practice's
 * clinicians and supervisors are refused before anything is read.
 */
const RUNS_PRACTICE = {
  ...THERAPISTS_ONLY,
  admin: "ok",
  colleague: "FORBIDDEN",
  supervisor: "FORBIDDEN",
  pendingSupervisor: "FORBIDDEN",
} as const;

/** A member or invitation of the pair's therapist's practice: the other therapist can't find it. */
const RUNS_THIS_PRACTICE = { ...RUNS_PRACTICE, otherTherapist: "NOT_FOUND" } as const;

const PRACTICE_SETTINGS = {
  name: "Riverside Therapy",
  crisisResources: "Call the Riverside crisis line on 0800 000 000, day or night.",
  requireTwoStep: false,
  homeworkReminderAt: "19:00",
  hasQuietHours: true,
  quietFrom: "22:00",
  quietUntil: "07:00",
  defaultMeasures: ["phq9" as const],
  defaultMeasureSchedule: "before_each_session" as const,
};

/** The client's own journal entry: the other client cannot find it. */
const OWN_ENTRY = { ...CLIENTS_ONLY, otherClient: "NOT_FOUND" } as const;

export const MATRIX: Record<string, TRow> = {
  // Sign-up: public, the same answer for every address; the e-mailed link is the credential to finish.
  "auth.signUp": {
    call: (caller) => caller.auth.signUp({ email: uniqueEmail("signup") }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  "auth.checkSignUpLink": {
    call: (caller) => caller.auth.checkSignUpLink({ token: newResetToken().token }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  "auth.finishSignUp": {
    call: async (caller) => {
      const email = uniqueEmail("finish");
      const token = await issueEmailProof(db, { purpose: "therapist_sign_up", email, expiresAt: new Date(Date.now() + 3_600_000) });
      return caller.auth.finishSignUp({ token, name: "New Therapist", password: "a fresh long password", timeZone: "UTC" });
    },
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  "account.me": { call: (caller) => caller.account.me(), expect: SIGNED_IN_OK },
  // The practice's outcomes: its owner (the pair's therapist) and admin only; the other therapist gets their
  // own practice of one's figures, nothing of this practice's (tests/integration/practice-outcomes.test.ts).
  "outcomes.report": {
    call: (caller) => caller.outcomes.report(),
    expect: { ...THERAPISTS_ONLY, admin: "ok", colleague: "FORBIDDEN", supervisor: "FORBIDDEN", pendingSupervisor: "FORBIDDEN" },
  },
  "account.updateProfile": {
    call: (caller) => caller.account.updateProfile({ name: "Renamed", timeZone: "Europe/Paris" }),
    expect: SIGNED_IN_OK,
  },
  "account.changePassword": {
    call: (caller) => caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "another long password" }),
    expect: SIGNED_IN_OK,
  },
  "account.deletionSummary": { call: (caller) => caller.account.deletionSummary(), expect: SIGNED_IN_OK },
  // Each person deletes only themselves; both therapists of the cast still have active work.
  "account.deleteAccount": {
    call: (caller) => caller.account.deleteAccount({ password: TEST_PASSWORD }),
    // The practice's people have no clients of their own: nothing stops them.
    expect: { signedOut: "UNAUTHORIZED", client: "ok", otherClient: "ok", therapist: "CONFLICT", otherTherapist: "CONFLICT", admin: "ok", colleague: "ok", supervisor: "ok", pendingSupervisor: "ok" },
  },
  "account.otherSessions": { call: (caller) => caller.account.otherSessions(), expect: SIGNED_IN_OK },
  "account.signOutOthers": { call: (caller) => caller.account.signOutOthers(), expect: SIGNED_IN_OK },
  // Forgotten password: public, and the same answer for every address.
  "auth.requestPasswordReset": {
    call: (caller) => caller.auth.requestPasswordReset({ email: uniqueEmail("forgot") }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  "auth.checkResetToken": {
    call: (caller) => caller.auth.checkResetToken({ token: newResetToken().token }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  // The link is the credential: whoever holds it may use it, signed in or not.
  "auth.resetPassword": {
    call: async (caller, cast) => {
      const { token, tokenHash } = newResetToken();
      await db.accountToken.create({
        data: {
          userId: cast.client.id,
          purpose: "password_reset",
          tokenHash,
          newEmail: cast.client.email,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
      return caller.auth.resetPassword({ token, newPassword: "a reset long password", confirmPassword: "a reset long password" });
    },
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  "account.requestEmailChange": {
    call: (caller) => caller.account.requestEmailChange({ newEmail: uniqueEmail("moving"), currentPassword: TEST_PASSWORD }),
    expect: SIGNED_IN_OK,
  },
  // Public: holding the link e-mailed to the new address is what entitles the change.
  "account.confirmEmailChange": {
    call: async (caller, cast) => {
      const { token, tokenHash } = newEmailChangeToken(cast.client.sessionVersion);
      await db.accountToken.create({
        data: { userId: cast.client.id, purpose: "email_change", tokenHash, newEmail: uniqueEmail("moved"), expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return caller.account.confirmEmailChange({ token });
    },
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  "engagement.list": { call: (caller) => caller.engagement.list(), expect: SIGNED_IN_OK },
  "engagement.byId": {
    call: (caller, cast) => caller.engagement.byId({ engagementId: cast.engagement.id }),
    expect: PAIR_ONLY,
  },
  "engagement.end": {
    call: (caller, cast) => caller.engagement.end({ engagementId: cast.engagement.id }),
    expect: PAIR_ONLY,
  },
  "invitation.create": {
    call: (caller) => caller.invitation.create({ name: "New Client", email: uniqueEmail("invited") }),
    // A practice's admin runs it and works with no clients (issue 29).
    expect: { ...THERAPISTS_ONLY, admin: "FORBIDDEN" },
  },
  "goal.caseload": { call: (caller) => caller.goal.caseload(), expect: THERAPISTS_ONLY },
  "goal.list": { call: (caller, cast) => caller.goal.list({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  "goal.byId": { call: (caller, cast) => caller.goal.byId({ goalId: cast.goal.id }), expect: PAIR_ONLY },
  "goal.create": {
    call: (caller, cast) => caller.goal.create({ engagementId: cast.engagement.id, title: "Walk twice a week" }),
    expect: PAIR_ONLY,
  },
  "goal.update": {
    call: (caller, cast) => caller.goal.update({ goalId: cast.goal.id, version: cast.goal.version, title: "Renamed" }),
    expect: PAIR_ONLY,
  },
  "goal.setStatus": {
    call: (caller, cast) => caller.goal.setStatus({ goalId: cast.goal.id, version: cast.goal.version, status: "paused" }),
    expect: PAIR_ONLY,
  },
  "goal.rate": { call: (caller, cast) => caller.goal.rate({ goalId: cast.goal.id, value: 6 }), expect: PAIR_ONLY },
  "goal.addStep": {
    call: (caller, cast) => caller.goal.addStep({ goalId: cast.goal.id, text: "Read instead of scrolling" }),
    expect: PAIR_ONLY,
  },
  "goal.setStepDone": {
    call: (caller, cast) => caller.goal.setStepDone({ goalId: cast.goal.id, stepId: cast.goal.steps[0].id, isDone: true }),
    expect: PAIR_ONLY,
  },
  "goal.removeStep": {
    call: (caller, cast) => caller.goal.removeStep({ goalId: cast.goal.id, stepId: cast.goal.steps[0].id }),
    expect: PAIR_ONLY,
  },
  "goal.reorderSteps": {
    call: (caller, cast) =>
      caller.goal.reorderSteps({
        goalId: cast.goal.id,
        version: cast.goal.version,
        stepIds: cast.goal.steps.map((step) => step.id).reverse(),
      }),
    expect: PAIR_ONLY,
  },
  "homework.list": { call: (caller, cast) => caller.homework.list({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  "homework.byId": {
    call: (caller, cast) => caller.homework.byId({ assignmentId: cast.homework.assignment.id }),
    expect: PAIR_ONLY,
  },
  "homework.due": {
    call: (caller) => caller.homework.due(),
    expect: { signedOut: "UNAUTHORIZED", client: "ok", otherClient: "ok", therapist: "FORBIDDEN", otherTherapist: "FORBIDDEN" },
  },
  "homework.caseload": {
    call: (caller) => caller.homework.caseload(),
    expect: THERAPISTS_ONLY,
  },
  "homework.assign": {
    call: (caller, cast) =>
      caller.homework.assign({
        engagementId: cast.engagement.id,
        title: "Notice one kind thing",
        instructions: "Write it down.",
        kind: "journal",
        schedule: "daily",
        days: 3,
      }),
    expect: PAIR_THERAPIST,
  },
  "homework.update": {
    call: (caller, cast) =>
      caller.homework.update({ assignmentId: cast.homework.assignment.id, title: "Renamed", instructions: "Same idea." }),
    expect: PAIR_THERAPIST,
  },
  "homework.cancel": {
    call: (caller, cast) => caller.homework.cancel({ assignmentId: cast.homework.assignment.id }),
    expect: PAIR_THERAPIST,
  },
  "homework.complete": {
    call: (caller, cast) =>
      caller.homework.complete({ occurrenceId: cast.homework.openOccurrence.id, status: "done", response: "Did it." }),
    expect: PAIR_CLIENT,
  },
  "homework.reply": {
    call: (caller, cast) => caller.homework.reply({ occurrenceId: cast.homework.completedOccurrence.id, feedback: "Well done." }),
    expect: PAIR_THERAPIST,
  },
  // Templates are a therapist's own material; another therapist's are not found.
  "homeworkTemplate.list": { call: (caller) => caller.homeworkTemplate.list(), expect: THERAPISTS_ONLY },
  "homeworkTemplate.create": {
    call: (caller) =>
      caller.homeworkTemplate.create({ title: "Walk", instructions: "Ten minutes outside.", kind: "practice", schedule: "once" }),
    expect: THERAPISTS_ONLY,
  },
  "homeworkTemplate.update": {
    call: (caller, cast) =>
      caller.homeworkTemplate.update({
        templateId: cast.homework.template.id,
        title: "Walk",
        instructions: "Ten minutes outside.",
        kind: "practice",
        schedule: "once",
      }),
    expect: OWN_TEMPLATE,
  },
  "homeworkTemplate.duplicate": {
    call: (caller, cast) => caller.homeworkTemplate.duplicate({ templateId: cast.homework.template.id }),
    expect: OWN_TEMPLATE,
  },
  "homeworkTemplate.setArchived": {
    call: (caller, cast) => caller.homeworkTemplate.setArchived({ templateId: cast.homework.template.id, isArchived: true }),
    expect: OWN_TEMPLATE,
  },
  // Exercise forms are part of a therapist's own templates.
  "homeworkTemplate.form": { call: (caller, cast) => caller.homeworkTemplate.form({ templateId: cast.exercise.templateId }), expect: OWN_TEMPLATE },
  "homeworkTemplate.saveForm": {
    call: (caller, cast) => caller.homeworkTemplate.saveForm({ templateId: cast.exercise.templateId, form: CAST_EXERCISE_FORM }),
    expect: OWN_TEMPLATE,
  },
  "homeworkTemplate.fromStarter": { call: (caller) => caller.homeworkTemplate.fromStarter({ starterKey: "thought_record" }), expect: THERAPISTS_ONLY },
  // The cast's exercise was given version 1; its template is on version 2 since.
  "homework.moveToNewestForm": {
    call: (caller, cast) => caller.homework.moveToNewestForm({ assignmentId: cast.exercise.assignment.id }),
    expect: PAIR_THERAPIST,
  },
  // An exercise day: both read it (a draft only its client); only the client fills it in, only the therapist notes the skill.
  "exercise.entry": { call: (caller, cast) => caller.exercise.entry({ occurrenceId: cast.exercise.openOccurrence.id }), expect: PAIR_ONLY },
  "exercise.saveDraft": {
    call: (caller, cast) => caller.exercise.saveDraft({ occurrenceId: cast.exercise.openOccurrence.id, answers: { situation: "On the" } }),
    expect: PAIR_CLIENT,
  },
  "exercise.send": {
    call: (caller, cast) => caller.exercise.send({ occurrenceId: cast.exercise.openOccurrence.id, answers: { situation: "On the train" } }),
    expect: PAIR_CLIENT,
  },
  "exercise.rateSkill": {
    call: (caller, cast) => caller.exercise.rateSkill({ occurrenceId: cast.exercise.sentOccurrence.id, skillRating: 2 }),
    expect: PAIR_THERAPIST,
  },
  "exercise.entries": { call: (caller, cast) => caller.exercise.entries({ assignmentId: cast.exercise.assignment.id }), expect: PAIR_ONLY },
  // The exposure ladder is the pair's shared work: either of them changes it.
  "exercise.ladder": { call: (caller, cast) => caller.exercise.ladder({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  "exercise.addStep": {
    call: (caller, cast) => caller.exercise.addStep({ engagementId: cast.engagement.id, text: "Standing in a queue", expectedAnxiety: 30 }),
    expect: PAIR_ONLY,
  },
  "exercise.updateStep": {
    call: (caller, cast) => caller.exercise.updateStep({ stepId: cast.exercise.ladderStep.id, text: "Taking the bus three stops", expectedAnxiety: 50 }),
    expect: PAIR_ONLY,
  },
  "exercise.removeStep": { call: (caller, cast) => caller.exercise.removeStep({ stepId: cast.exercise.ladderStep.id }), expect: PAIR_ONLY },
  "session.list": { call: (caller, cast) => caller.session.list({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  "session.byId": { call: (caller, cast) => caller.session.byId({ sessionId: cast.session.id }), expect: PAIR_ONLY },
  "session.schedule": {
    call: (caller, cast) =>
      caller.session.schedule({ engagementId: cast.engagement.id, day: "2031-01-15", time: "10:00", durationMinutes: 50 }),
    expect: PAIR_THERAPIST,
  },
  "session.reschedule": {
    call: (caller, cast) =>
      caller.session.reschedule({ sessionId: cast.session.id, day: "2031-01-16", time: "11:00", durationMinutes: 50 }),
    expect: PAIR_THERAPIST,
  },
  "session.cancel": { call: (caller, cast) => caller.session.cancel({ sessionId: cast.session.id }), expect: PAIR_THERAPIST },
  "session.complete": { call: (caller, cast) => caller.session.complete({ sessionId: cast.session.id }), expect: PAIR_THERAPIST },
  "session.addAgendaItem": {
    call: (caller, cast) => caller.session.addAgendaItem({ sessionId: cast.session.id, text: "Sleep", kind: "topic" }),
    expect: PAIR_ONLY,
  },
  "session.reorderAgenda": {
    call: (caller, cast) =>
      caller.session.reorderAgenda({
        sessionId: cast.session.id,
        version: 1,
        itemIds: [cast.agenda.therapistItem.id, cast.agenda.clientItem.id],
      }),
    expect: PAIR_ONLY,
  },
  // Each party writes only its own kind of note; the client never the therapist's.
  "session.saveNote": {
    call: (caller, cast) => caller.session.saveNote({ sessionId: cast.session.id, kind: "shared_summary", body: "We talked." }),
    // Both roles write notes, each its own kind: the domain refuses the client this one.
    expect: { ...PAIR_ONLY, client: "FORBIDDEN" },
  },
  // Only the author may reword or withdraw (the client wrote this one).
  "agenda.update": {
    call: (caller, cast) => caller.agenda.update({ itemId: cast.agenda.clientItem.id, text: "Work, mostly", kind: "topic" }),
    expect: PAIR_CLIENTS_OWN,
  },
  "agenda.withdraw": {
    call: (caller, cast) => caller.agenda.withdraw({ itemId: cast.agenda.clientItem.id }),
    expect: PAIR_CLIENTS_OWN,
  },
  "agenda.setStatus": {
    call: (caller, cast) => caller.agenda.setStatus({ itemId: cast.agenda.clientItem.id, status: "discussed" }),
    expect: PAIR_ONLY,
  },
  "journal.mine": { call: (caller) => caller.journal.mine(), expect: CLIENTS_ONLY },
  "journal.create": { call: (caller) => caller.journal.create({ body: "Today was long." }), expect: CLIENTS_ONLY },
  "journal.setSharing": {
    call: (caller, cast) => caller.journal.setSharing({ entryId: cast.journal.privateEntry.id, engagementId: cast.engagement.id }),
    expect: OWN_ENTRY,
  },
  "journal.delete": { call: (caller, cast) => caller.journal.delete({ entryId: cast.journal.privateEntry.id }), expect: OWN_ENTRY },
  "journal.shared": { call: (caller, cast) => caller.journal.shared({ engagementId: cast.engagement.id }), expect: PAIR_THERAPIST },
  "voiceMemo.drafts": { call: (caller) => caller.voiceMemo.drafts(), expect: CLIENTS_ONLY },
  "voiceMemo.setNote": { call: (caller, cast) => caller.voiceMemo.setNote({ memoId: cast.voiceMemos.draft.id, note: "On the walk home" }), expect: OWN_ENTRY },
  "voiceMemo.delete": { call: (caller, cast) => caller.voiceMemo.delete({ memoId: cast.voiceMemos.draft.id }), expect: OWN_ENTRY },
  "voiceMemo.reflectInJournal": { call: (caller) => caller.voiceMemo.reflectInJournal({ text: "A quick thought." }), expect: CLIENTS_ONLY },
  "voiceMemo.reflectOnAgenda": {
    call: (caller, cast) => caller.voiceMemo.reflectOnAgenda({ text: "For next time.", engagementId: cast.engagement.id }),
    expect: PAIR_CLIENT,
  },
  // The client's safety plan: either person of the pair reads, writes and sees its history; nobody else finds it.
  "safetyPlan.get": { call: (caller, cast) => caller.safetyPlan.get({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  "safetyPlan.versions": { call: (caller, cast) => caller.safetyPlan.versions({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  "safetyPlan.save": {
    call: (caller, cast) =>
      caller.safetyPlan.save({
        engagementId: cast.engagement.id,
        baseVersion: 0,
        warningSigns: ["Not answering the phone"],
        onMyOwn: [],
        peoplePlaces: [],
        peopleToAsk: [{ name: "My sister", phone: "07700 900123" }],
        professionals: [],
        saferSurroundings: [],
        keepsMeGoing: [],
      }),
    expect: PAIR_ONLY,
  },
  // Messages between sessions: the pair's conversation (reply-only in the cast: the therapist asked, the client answered).
  "message.conversation": { call: (caller, cast) => caller.message.conversation({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  "message.list": { call: (caller, cast) => caller.message.list({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  // A reply to the therapist's message: what a reply-only client may send (starting a thread is refused, below).
  "message.send": {
    call: (caller, cast) => caller.message.send({ engagementId: cast.engagement.id, text: "Thank you, that helps.", replyToId: cast.messages.fromTherapist.id }),
    expect: PAIR_ONLY,
  },
  "message.markRead": { call: (caller, cast) => caller.message.markRead({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  // Only its author takes a message back (the client wrote this one moments ago, inside the five minutes).
  "message.withdraw": { call: (caller, cast) => caller.message.withdraw({ messageId: cast.messages.fromClient.id }), expect: PAIR_CLIENTS_OWN },
  "message.toAgenda": { call: (caller, cast) => caller.message.toAgenda({ messageId: cast.messages.fromTherapist.id }), expect: PAIR_ONLY },
  "message.setSettings": {
    call: (caller, cast) => caller.message.setSettings({ engagementId: cast.engagement.id, mode: "open", replyTime: "Within two working days." }),
    expect: PAIR_THERAPIST,
  },
  "message.mine": { call: (caller) => caller.message.mine(), expect: CLIENTS_ONLY },
  // A therapist's pause is their own, for all their clients at once.
  "message.pause": { call: (caller) => caller.message.pause(), expect: THERAPISTS_ONLY },
  "message.setPause": { call: (caller) => caller.message.setPause({ isPaused: true, notice: "I'm away until Monday." }), expect: THERAPISTS_ONLY },
  "feedback.submit": {
    call: (caller, cast) =>
      caller.feedback.submit({ sessionId: cast.completedSession.id, feltHeard: 8, workedOnWanted: 7, approachFit: 8, overall: 8 }),
    expect: PAIR_CLIENT,
  },
  "feedback.checkIn": {
    call: (caller, cast) =>
      caller.feedback.checkIn({ engagementId: cast.engagement.id, personal: 6, relationships: 7, social: 5, overall: 6 }),
    expect: PAIR_CLIENT,
  },
  "feedback.pending": { call: (caller) => caller.feedback.pending(), expect: CLIENTS_ONLY },
  "feedback.caseloadSignals": { call: (caller) => caller.feedback.caseloadSignals(), expect: THERAPISTS_ONLY },
  // Everyone has their own notifications; the cast's one is the client's alone.
  "engagement.progress": { call: (caller, cast) => caller.engagement.progress({ engagementId: cast.engagement.id }), expect: PAIR_ONLY },
  "engagement.attention": { call: (caller, cast) => caller.engagement.attention({ engagementId: cast.engagement.id }), expect: PAIR_THERAPIST },
  "measure.assign": {
    call: (caller, cast) => caller.measure.assign({ engagementId: cast.engagement.id, kind: "gad7", schedule: "every_n_weeks", intervalWeeks: 2 }),
    expect: PAIR_THERAPIST,
  },
  "measure.stop": { call: (caller, cast) => caller.measure.stop({ measureId: cast.measures.running.id }), expect: PAIR_THERAPIST },
  "measure.form": { call: (caller, cast) => caller.measure.form({ measureId: cast.measures.running.id }), expect: PAIR_CLIENT },
  "measure.saveDraft": {
    call: (caller, cast) => caller.measure.saveDraft({ measureId: cast.measures.running.id, q1: 1, q2: 0 }),
    expect: PAIR_CLIENT,
  },
  "measure.submit": {
    call: (caller, cast) =>
      caller.measure.submit({ measureId: cast.measures.running.id, q1: 1, q2: 1, q3: 1, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0, difficulty: 1 }),
    expect: PAIR_CLIENT,
  },
  "measure.acknowledgeFlag": {
    call: (caller, cast) => caller.measure.acknowledgeFlag({ engagementId: cast.engagement.id, flagId: cast.measures.flag.id }),
    expect: PAIR_THERAPIST,
  },
  "measure.saveOffTrackReview": {
    call: (caller, cast) =>
      caller.measure.saveOffTrackReview({ engagementId: cast.engagement.id, kind: cast.measures.offTrack.kind, items: ["relationship"], note: "Ask about work" }),
    expect: PAIR_THERAPIST,
  },
  "measure.offTrackToAgenda": {
    call: (caller, cast) => caller.measure.offTrackToAgenda({ engagementId: cast.engagement.id, kind: cast.measures.offTrack.kind }),
    expect: PAIR_THERAPIST,
  },
  "measure.caseload": { call: (caller) => caller.measure.caseload(), expect: THERAPISTS_ONLY },
  "notifications.list": { call: (caller) => caller.notifications.list({}), expect: SIGNED_IN_OK },
  "notifications.unreadCount": { call: (caller) => caller.notifications.unreadCount(), expect: SIGNED_IN_OK },
  "notifications.markRead": {
    call: (caller, cast) => caller.notifications.markRead({ id: cast.notification.id }),
    expect: { signedOut: "UNAUTHORIZED", client: "ok", otherClient: "NOT_FOUND", therapist: "NOT_FOUND", otherTherapist: "NOT_FOUND" },
  },
  // Two-step sign-in: everyone's own account, ids from the session. Codes one
  // step ahead, since enrolling used up the current one.
  "twoFactor.status": { call: (caller) => caller.twoFactor.status(), expect: SIGNED_IN_OK },
  "twoFactor.begin": { call: (caller) => caller.twoFactor.begin({ password: TEST_PASSWORD }), expect: SIGNED_IN_OK },
  "twoFactor.confirm": { call: (caller) => enrolTwoFactor(caller), expect: SIGNED_IN_OK },
  "twoFactor.regenerateRecoveryCodes": {
    call: async (caller) => caller.twoFactor.regenerateRecoveryCodes({ code: codeFor((await enrolTwoFactor(caller)).secret, 1) }),
    expect: SIGNED_IN_OK,
  },
  "twoFactor.disable": {
    call: async (caller) =>
      caller.twoFactor.disable({ password: TEST_PASSWORD, code: codeFor((await enrolTwoFactor(caller)).secret, 1) }),
    expect: SIGNED_IN_OK,
  },
  "notifications.markAllRead": { call: (caller) => caller.notifications.markAllRead(), expect: SIGNED_IN_OK },
  "notifications.preferences": { call: (caller) => caller.notifications.preferences(), expect: SIGNED_IN_OK },
  "notifications.updatePreferences": {
    call: (caller) => caller.notifications.updatePreferences({ channels: {}, hasQuietHours: false }),
    expect: SIGNED_IN_OK,
  },
  // Web push devices: everyone's own, ids from the session; another's device is NOT_FOUND.
  "push.publicKey": { call: (caller) => caller.push.publicKey(), expect: SIGNED_IN_OK },
  "push.list": { call: (caller) => caller.push.list(), expect: SIGNED_IN_OK },
  "push.subscribe": {
    call: (caller) => caller.push.subscribe({ endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`, keys: PUSH_KEYS }),
    expect: SIGNED_IN_OK,
  },
  "push.remove": {
    call: (caller, cast) => caller.push.remove({ id: cast.pushDevice.id }),
    expect: { signedOut: "UNAUTHORIZED", client: "ok", otherClient: "NOT_FOUND", therapist: "NOT_FOUND", otherTherapist: "NOT_FOUND" },
  },
  // Exports and the access log: each person's own; one client's record only for their therapist.
  "dataExport.mine": { call: (caller) => caller.dataExport.mine(), expect: CLIENTS_ONLY },
  "dataExport.engagement": {
    call: (caller, cast) => caller.dataExport.engagement({ engagementId: cast.engagement.id }),
    expect: PAIR_THERAPIST,
  },
  "dataExport.templates": { call: (caller) => caller.dataExport.templates(), expect: THERAPISTS_ONLY },
  "accessLog.mine": { call: (caller) => caller.accessLog.mine({}), expect: CLIENTS_ONLY },
  "accessLog.forEngagement": {
    call: (caller, cast) => caller.accessLog.forEngagement({ engagementId: cast.engagement.id }),
    expect: PAIR_THERAPIST,
  },
  // Supervision (issue 29): the one place a supervisor reads a colleague's client's records, while the client agrees.
  "supervision.forClient": { call: (caller) => caller.supervision.forClient(), expect: CLIENTS_ONLY },
  // A current supervisor's own list; every other therapist is refused, whatever their practice.
  "supervision.mine": {
    call: (caller) => caller.supervision.mine(),
    expect: { ...THERAPISTS_ONLY, therapist: "FORBIDDEN", otherTherapist: "FORBIDDEN", supervisor: "ok", pendingSupervisor: "ok" },
  },
  "supervision.forEngagement": {
    call: (caller, cast) => caller.supervision.forEngagement({ engagementId: cast.engagement.id }),
    expect: PAIR_THERAPIST,
  },
  // Only a supervisor asks; both of the practice's supervisors already asked about the pair's client.
  "supervision.ask": {
    call: (caller, cast) => caller.supervision.ask({ engagementId: cast.engagement.id, reason: "To support your therapist with your care.", weeks: 4 }),
    expect: { ...THERAPISTS_ONLY, therapist: "FORBIDDEN", otherTherapist: "FORBIDDEN", supervisor: "CONFLICT", pendingSupervisor: "CONFLICT" },
  },
  // The client's answer to the request still waiting.
  "supervision.answer": {
    call: (caller, cast) => caller.supervision.answer({ requestId: cast.practice.supervision.pending.id, answer: "refuse" }),
    expect: PAIR_CLIENT,
  },
  // The client, the clinician or the supervisor ends an agreement; nobody else can find it.
  "supervision.withdraw": {
    call: (caller, cast) => caller.supervision.withdraw({ requestId: cast.practice.supervision.agreed.id }),
    expect: { ...PAIR_ONLY, supervisor: "ok", pendingSupervisor: "NOT_FOUND" },
  },
  // Only the supervisor the client agreed to; the clinician reads their own records elsewhere.
  "supervision.view": {
    call: (caller, cast) => caller.supervision.view({ requestId: cast.practice.supervision.agreed.id }),
    expect: { ...PAIR_THERAPIST, therapist: "NOT_FOUND", supervisor: "ok" },
  },
  // The clinician's private note, written through the real procedure first (anyone else is refused
  // that and changes nothing); the outcome is shareNote's own.
  "supervision.shareNote": {
    call: async (caller, cast) => {
      await caller.session.saveNote({ sessionId: cast.completedSession.id, kind: "therapist_private", body: "Mine." }).catch(() => null);
      return caller.supervision.shareNote({ sessionId: cast.completedSession.id, isShared: true });
    },
    expect: PAIR_THERAPIST,
  },
  // The pending engagement has no client yet, so both clients are strangers to it.
  "invitation.resend": {
    call: (caller, cast) => caller.invitation.resend({ engagementId: cast.invitation.engagement.id }),
    expect: PAIR_THERAPIST,
  },
  "invitation.revoke": {
    call: (caller, cast) => caller.invitation.revoke({ engagementId: cast.invitation.engagement.id }),
    expect: PAIR_THERAPIST,
  },
  // Public: holding the link is what entitles someone to see who sent it.
  "invitation.preview": {
    call: (caller, cast) => caller.invitation.preview({ token: cast.invitation.token }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  // Public, and about the link only: nothing says whether the address has an account.
  "invitation.open": {
    call: (caller, cast) => caller.invitation.open({ token: cast.invitation.token, proof: cast.invitation.proof }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  "invitation.emailLink": {
    call: (caller, cast) => caller.invitation.emailLink({ token: cast.invitation.token }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  // The e-mailed proof is the credential: whoever holds it may set up the account.
  "invitation.acceptNew": {
    call: (caller, cast) =>
      caller.invitation.acceptNew({
        token: cast.invitation.token,
        proof: cast.invitation.proof,
        name: "Ivy Invitee",
        password: "a long enough password",
        timeZone: "UTC",
      }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  // Bound to the invited address: nobody in the cast has it.
  "invitation.acceptExisting": {
    call: (caller, cast) => caller.invitation.acceptExisting({ token: cast.invitation.token }),
    expect: {
      signedOut: "UNAUTHORIZED",
      client: "FORBIDDEN",
      otherClient: "FORBIDDEN",
      therapist: "FORBIDDEN",
      otherTherapist: "FORBIDDEN",
    },
  },

  // Handing a client over (issue 29). Only the pair's therapist proposes for the pair's engagement (the
  // practice's admin only once that therapist has left: tests/integration/handovers.test.ts); the
  // practice's people and another practice find nothing; only the pair's client answers.
  "handover.options": {
    call: (caller, cast) => caller.handover.options({ engagementId: cast.engagement.id }),
    expect: { ...PAIR_THERAPIST, admin: "NOT_FOUND", colleague: "NOT_FOUND", supervisor: "NOT_FOUND", pendingSupervisor: "NOT_FOUND" },
  },
  "handover.propose": {
    call: (caller, cast) => caller.handover.propose({ engagementId: cast.engagement.id, toTherapistId: cast.colleague.id, message: "Cole can see you sooner." }),
    expect: { ...PAIR_THERAPIST, admin: "NOT_FOUND", colleague: "NOT_FOUND", supervisor: "NOT_FOUND", pendingSupervisor: "NOT_FOUND" },
  },
  "handover.withdraw": {
    setup: withHandover,
    call: (caller, cast) => caller.handover.withdraw({ handoverId: handoverOf(cast) }),
    expect: { ...PAIR_THERAPIST, admin: "NOT_FOUND", colleague: "NOT_FOUND", supervisor: "NOT_FOUND", pendingSupervisor: "NOT_FOUND" },
  },
  "handover.notices": { call: (caller) => caller.handover.notices(), expect: CLIENTS_ONLY },
  "handover.byId": {
    setup: withHandover,
    call: (caller, cast) => caller.handover.byId({ handoverId: handoverOf(cast) }),
    expect: { ...PAIR_CLIENT, admin: "FORBIDDEN", colleague: "FORBIDDEN", supervisor: "FORBIDDEN", pendingSupervisor: "FORBIDDEN" },
  },
  "handover.accept": {
    setup: withHandover,
    call: (caller, cast) => caller.handover.accept({ handoverId: handoverOf(cast) }),
    expect: { ...PAIR_CLIENT, admin: "FORBIDDEN", colleague: "FORBIDDEN", supervisor: "FORBIDDEN", pendingSupervisor: "FORBIDDEN" },
  },
  "handover.decline": {
    setup: withHandover,
    call: (caller, cast) => caller.handover.decline({ handoverId: handoverOf(cast) }),
    expect: { ...PAIR_CLIENT, admin: "FORBIDDEN", colleague: "FORBIDDEN", supervisor: "FORBIDDEN", pendingSupervisor: "FORBIDDEN" },
  },
  // Owners and admins: the pair's therapist owns the practice; another therapist owns a practice of one (an empty list).
  "handover.leftClients": {
    call: (caller) => caller.handover.leftClients(),
    expect: { ...THERAPISTS_ONLY, admin: "ok", colleague: "FORBIDDEN", supervisor: "FORBIDDEN", pendingSupervisor: "FORBIDDEN" },
  },
  "handover.previousNotes": {
    call: (caller, cast) => caller.handover.previousNotes({ engagementId: cast.engagement.id }),
    expect: { ...PAIR_THERAPIST, admin: "NOT_FOUND", colleague: "NOT_FOUND", supervisor: "NOT_FOUND", pendingSupervisor: "NOT_FOUND" },
  },
  // The practice (issue 29). The pair's therapist owns it; the other therapist owns a practice of one (no row) and
  // reaches nothing of this one: their own settings and people only, never this practice's members or invitations.
  "practice.overview": { call: (caller) => caller.practice.overview(), expect: THERAPISTS_ONLY },
  "practice.measureDefaults": { call: (caller) => caller.practice.measureDefaults(), expect: THERAPISTS_ONLY },
  "practice.settings": { call: (caller) => caller.practice.settings(), expect: RUNS_PRACTICE },
  "practice.updateSettings": {
    call: (caller) => caller.practice.updateSettings(PRACTICE_SETTINGS),
    expect: RUNS_PRACTICE,
  },
  "practice.invite": {
    call: (caller) => caller.practice.invite({ name: "Nia Newcolleague", email: uniqueEmail("colleague"), role: "clinician" }),
    expect: RUNS_PRACTICE,
  },
  "practice.withdrawInvitation": {
    call: (caller, cast) => caller.practice.withdrawInvitation({ invitationId: cast.practice.invitation.id }),
    expect: RUNS_THIS_PRACTICE,
  },
  "practice.changeRole": {
    call: async (caller, cast) => caller.practice.changeRole({ memberId: await memberIdOf(cast, cast.colleague.id), role: "supervisor" }),
    expect: RUNS_THIS_PRACTICE,
  },
  "practice.deactivate": {
    call: async (caller, cast) => caller.practice.deactivate({ memberId: await memberIdOf(cast, cast.colleague.id) }),
    expect: RUNS_THIS_PRACTICE,
  },
  // The owner stays while others remain; a practice of one has nothing to leave; everyone else may go.
  "practice.leave": {
    call: (caller) => caller.practice.leave(),
    expect: { ...THERAPISTS_ONLY, therapist: "CONFLICT", otherTherapist: "CONFLICT", admin: "ok", colleague: "ok", supervisor: "ok", pendingSupervisor: "ok" },
  },
  // The e-mailed link is the credential: whoever holds it may check it and set up the account.
  "practice.checkJoinLink": {
    call: (caller, cast) => caller.practice.checkJoinLink({ token: cast.practice.invitation.token }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  "practice.joinNew": {
    call: (caller, cast) => caller.practice.joinNew({ token: cast.practice.invitation.token, name: "Iris Invited", password: "a long enough password", timeZone: "UTC" }),
    expect: { signedOut: "ok", client: "ok", otherClient: "ok", therapist: "ok", otherTherapist: "ok" },
  },
  // Bound to the invited address: nobody in the cast has it.
  "practice.joinExisting": {
    call: (caller, cast) => caller.practice.joinExisting({ token: cast.practice.invitation.token }),
    expect: { signedOut: "UNAUTHORIZED", client: "FORBIDDEN", otherClient: "FORBIDDEN", therapist: "FORBIDDEN", otherTherapist: "FORBIDDEN" },
  },
};

/** A member's row in the cast's practice (a read: refused calls still change nothing). */
async function memberIdOf(cast: TCast, userId: string): Promise<string> {
  const member = await db.practiceMember.findFirstOrThrow({ where: { practiceId: cast.practice.id, userId }, select: { id: true } });
  return member.id;
}

function actorUser(cast: TCast, actor: TActor) {
  return actor === "signedOut" ? null : cast[actor];
}

async function outcomeOf(call: Promise<unknown>): Promise<TOutcome | string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

/**
 * A cast's voice memos (their audio chunks: most of a cast's bytes) go once
 * its row is checked: over two thousand casts would otherwise make the
 * worker's database too big for the dump and key-rotation tests that share it.
 */
async function forgetAudio(cast: TCast): Promise<void> {
  await db.voiceMemo.deleteMany({ where: { clientId: { in: [cast.client.id, cast.otherClient.id] } } });
}

describe("authorization matrix", () => {
  it("has a row for every procedure of the router", () => {
    expect(procedurePaths.length).toBeGreaterThan(0);
    expect(procedurePaths.filter((path) => !(path in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((path) => !procedurePaths.includes(path))).toEqual([]);
  });

  it("lets signed-out visitors reach only the listed public procedures", () => {
    const openToVisitors = Object.entries(MATRIX)
      .filter(([, row]) => expectedOf(row, "signedOut") !== "UNAUTHORIZED")
      .map(([path]) => path)
      .sort();
    expect(openToVisitors).toEqual([...PUBLIC_PROCEDURES].sort());
  });

  for (const path of Object.keys(MATRIX)) {
    for (const actor of ACTORS) {
      const expected = expectedOf(MATRIX[path], actor);
      it(`${path} as ${actor} → ${expected}`, async () => {
        const cast = await seedCast(db);
        try {
          await MATRIX[path].setup?.(cast);
          const caller = await callerFor(db, actorUser(cast, actor));
          const before = expected === "ok" ? null : await snapshotDatabase(db);
          expect(await outcomeOf(MATRIX[path].call(caller, cast))).toBe(expected);
          if (before) expect(await snapshotDatabase(db)).toEqual(before);
        } finally {
          await forgetAudio(cast);
        }
      });
    }
  }
});

/**
 * Two rules of messages one row per procedure can't show: the same send the
 * matrix lets the pair's client make is refused once the work has ended, and
 * a reply-only client cannot start a thread. Both change nothing.
 */
describe("messages beyond the matrix", () => {
  it("refuses every message from a client (or therapist) of an ended engagement, changing nothing", async () => {
    const cast = await seedCast(db);
    await db.engagement.update({ where: { id: cast.engagement.id }, data: { status: "ended", endedAt: new Date(), endedById: cast.therapist.id } });
    const before = await snapshotDatabase(db);
    for (const actor of ["client", "therapist"] as const) {
      const caller = await callerFor(db, cast[actor]);
      const send = caller.message.send({ engagementId: cast.engagement.id, text: "Thank you, that helps.", replyToId: cast.messages.fromTherapist.id });
      expect(await outcomeOf(send), actor).toBe("FORBIDDEN");
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("refuses a reply-only client who starts a thread, changing nothing", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const before = await snapshotDatabase(db);
    expect(await outcomeOf(client.message.send({ engagementId: cast.engagement.id, text: "Something new." }))).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

/**
 * Canaries, derived from the matrix: every query above, with a unique string
 * in every sealed field of the pair's records (tests/support/canaries.ts),
 * asked by each actor. Strangers' answers (and refusals) hold none of them;
 * the client's never the therapist's private note, templates or off-track review; the
 * therapist's never the client's unshared journal. A new query gets this
 * check by getting its row.
 */
const HIDDEN_FROM: Record<TActor, TCanaryName[] | "all"> = {
  signedOut: "all",
  otherClient: "all",
  otherTherapist: "all",
  client: ["privateNote", "templateTitle", "templateInstructions", "offTrackNote"],
  // The client's private journal entry, the exercise they started but never sent, a voice memo not placed yet.
  therapist: ["journal", "exerciseDraft", "voiceMemoDraft"],
  admin: "all",
  colleague: "all",
  pendingSupervisor: "all",
  // While the client agrees: their records, read-only, but never what the therapist keeps to themselves
  // or the client's own unshared words.
  // Nor messages, the client's takeaways or what a safety plan once said (supervision's view shows none of them).
  supervisor: [
    "privateNote",
    "templateTitle",
    "templateInstructions",
    "offTrackNote",
    "journal",
    "exerciseDraft",
    "voiceMemoDraft",
    "message",
    "therapistMessage",
    "takeaway",
    "safetyPlanEarlier",
  ],
};

const procedureTypes = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
const queryPaths = procedurePaths.filter((path) => procedureTypes[path]!._def.type === "query");

describe("canaries in every query's answer", () => {
  let written: Awaited<ReturnType<typeof writeCanaries>>;

  it("covers the router's queries", async () => {
    expect(queryPaths.length).toBeGreaterThan(20);
    written = await writeCanaries(db);
  });

  for (const path of queryPaths) {
    it(`${path} shows each actor only the words that are theirs to see`, async () => {
      const { cast, canaries } = written;
      await MATRIX[path].setup?.(cast);
      for (const actor of ACTORS) {
        const caller = await callerFor(db, actorUser(cast, actor));
        const answer = await MATRIX[path].call(caller, cast).then(
          (value) => JSON.stringify(value),
          (error: Error) => `refused: ${error.message}`,
        );
        const hidden = HIDDEN_FROM[actor];
        for (const name of hidden === "all" ? (Object.keys(canaries) as TCanaryName[]) : hidden) {
          expect(answer, `${path} as ${actor} shows ${name}`).not.toContain(canaries[name]);
        }
      }
    });
  }
});
