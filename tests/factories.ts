// Typed factories for integration and end-to-end tests. Every call makes new
// people with unique e-mails, so tests never depend on each other's rows.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { TDb } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { createCaller } from "@/server/api/root";
import { loadSessionUser, startSession, type TSessionUser } from "@/server/auth/session-user";
import { parseSignedOutReason } from "@/lib/auth/signed-out";
import type { EngagementStatus, MessagingMode, Role } from "@/server/db/generated/enums";
import { invitationExpiry, newInvitationToken } from "@/server/invitations/tokens";
import { sealLinkSecret } from "@/server/invitations/invitation-mail";
import { issueEmailProof } from "@/server/auth/email-proofs";
import { sealField } from "@/server/crypto/sealed-fields";
import { saveUpload, type TMemoPlace } from "@/server/voice/memos";
import { sealEntryAnswers } from "@/server/exercises/sealing";
import { newRowId } from "@/server/db/ids";
import { newSecretToken } from "@/server/crypto/secret-token";
import { sealGoalText, sealStepText } from "@/server/goals/sealing";
import { sealAssignmentText, sealTemplateText } from "@/server/homework/sealing";
import { sealAnswers } from "@/server/measures/sealing";
import { sealDefinition } from "@/server/exercises/forms";
import { ZExerciseFormSchema, type TAnswers, type TExerciseForm } from "@/lib/exercises/form-definition";
import { LEARNED_FIELD } from "@/lib/exercises/starters";
import { localDateToDb, occurrencesFor } from "@/lib/homework/schedule";
import { addDays } from "@/lib/time/days";
import { localDay } from "@/lib/time/zones";

export const TEST_PASSWORD = "correct horse battery staple";

let cachedHash: Promise<string> | undefined;
function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.alliance.test`;
}

async function seedUser(db: TDb, role: Role, overrides: { name?: string; email?: string; timeZone?: string } = {}) {
  return db.user.create({
    data: {
      role,
      name: overrides.name ?? (role === "therapist" ? "Test Therapist" : "Test Client"),
      email: overrides.email ?? uniqueEmail(role),
      timeZone: overrides.timeZone ?? "Europe/London",
      passwordHash: await testPasswordHash(),
    },
    select: { id: true, email: true, name: true, role: true, timeZone: true, sessionVersion: true },
  }).then((user) => ({ ...user, hasTwoFactor: false }));
}

export function seedTherapist(db: TDb, overrides?: Parameters<typeof seedUser>[2]) {
  return seedUser(db, "therapist", overrides);
}

export function seedClient(db: TDb, overrides?: Parameters<typeof seedUser>[2]) {
  return seedUser(db, "client", overrides);
}

export async function seedEngagement(
  db: TDb,
  parties: { therapistId: string; clientId: string | null },
  status: EngagementStatus = "active",
) {
  return db.engagement.create({
    data: {
      therapistId: parties.therapistId,
      clientId: parties.clientId,
      status,
      startedAt: status === "invited" ? null : new Date(),
      endedAt: status === "ended" ? new Date() : null,
    },
    select: { id: true, therapistId: true, clientId: true, status: true },
  });
}

/** A goal with steps, as if the therapist had created it (its words sealed, as the app writes them). */
export async function seedGoal(
  db: TDb,
  engagement: { id: string; therapistId: string },
  overrides: { title?: string; steps?: string[] } = {},
) {
  const id = newRowId();
  return db.goal.create({
    data: {
      id,
      engagementId: engagement.id,
      ...sealGoalText(
        { engagementId: engagement.id, goalId: id },
        {
          title: overrides.title ?? "Sleep before midnight most nights",
          description: "Wind down earlier so mornings feel less rushed.",
          whyItMatters: "I think better when I've slept.",
        },
      ),
      createdById: engagement.therapistId,
      steps: {
        create: (overrides.steps ?? ["Phone out of the bedroom", "Lights off by 23:30"]).map((text, position) => {
          const stepId = newRowId();
          return { id: stepId, text: sealStepText(id, stepId, text), position, createdById: engagement.therapistId };
        }),
      },
      statusChanges: { create: { toStatus: "active", changedById: engagement.therapistId } },
    },
    select: { id: true, version: true, steps: { orderBy: { position: "asc" }, select: { id: true } } },
  });
}

/**
 * Daily homework starting `startOffset` days from the client's today (London
 * in these factories): with the defaults, yesterday, today and tomorrow.
 */
export async function seedAssignment(
  db: TDb,
  engagement: { id: string; therapistId: string },
  options: { days?: number; startOffset?: number; title?: string; timeZone?: string; templateId?: string; formId?: string } = {},
) {
  const startsOn = addDays(localDay(new Date(), options.timeZone ?? "Europe/London"), options.startOffset ?? -1);
  const dates = occurrencesFor({ schedule: "daily", startsOn, days: options.days ?? 3 });
  const id = newRowId();
  return db.homeworkAssignment.create({
    data: {
      id,
      engagementId: engagement.id,
      assignedById: engagement.therapistId,
      templateId: options.templateId ?? null,
      formId: options.formId ?? null,
      ...sealAssignmentText(
        { engagementId: engagement.id, assignmentId: id },
        { title: options.title ?? "Three minutes of slow breathing", instructions: "Breathe in for four, out for six." },
      ),
      kind: "practice",
      schedule: "daily",
      startsOn: localDateToDb(dates[0].opensOn),
      endsOn: localDateToDb(dates[dates.length - 1].dueOn),
      occurrences: {
        createMany: { data: dates.map((date) => ({ opensOn: localDateToDb(date.opensOn), dueOn: localDateToDb(date.dueOn) })) },
      },
    },
    select: { id: true, occurrences: { orderBy: { dueOn: "asc" }, select: { id: true, dueOn: true } } },
  });
}

export function seedTemplate(db: TDb, ownerId: string | null, title = "Evening reflection") {
  const id = newRowId();
  return db.homeworkTemplate.create({
    data: {
      id,
      ownerId,
      ...sealTemplateText(id, { title, instructions: "Write three lines about your day." }),
      kind: "journal",
      schedule: "daily",
      durationDays: 7,
    },
    select: { id: true },
  });
}

/**
 * The cast's exercise form: a required text, an optional step of the ladder,
 * a before/after pair (what the brief compares) and the closing question.
 */
export const CAST_EXERCISE_FORM: TExerciseForm = ZExerciseFormSchema.parse({
  fields: [
    { key: "situation", type: "short_text", label: "What was happening?", isRequired: true },
    { key: "step", type: "ladder_step", label: "Which step did you practise?", isRequired: false },
    { key: "belief_before", type: "rating_100", label: "How much did you believe it before?", isRequired: false },
    { key: "belief_after", type: "rating_100", label: "And afterwards?", isRequired: false },
    LEARNED_FIELD,
  ],
});

/** A version of a template's form, sealed as the app writes it. */
export async function seedExerciseForm(db: TDb, templateId: string, form: TExerciseForm = CAST_EXERCISE_FORM, version = 1) {
  const id = newRowId();
  return db.exerciseForm.create({ data: { id, templateId, version, definition: sealDefinition(id, form) }, select: { id: true, version: true } });
}

/** A step of the engagement's exposure ladder, as if the client had added it. */
export async function seedLadderStep(db: TDb, engagement: { id: string; clientId: string | null; therapistId: string }, text = "Taking the bus two stops", expectedAnxiety = 40) {
  const id = newRowId();
  return db.ladderStep.create({
    data: { id, engagementId: engagement.id, text: sealField("ladderStepText", { engagementId: engagement.id, stepId: id }, text), expectedAnxiety, createdById: engagement.clientId ?? engagement.therapistId },
    select: { id: true },
  });
}

/** The cast's form as the therapist changed it afterwards (version 2): a question added before the last. */
export const CAST_EXERCISE_FORM_V2: TExerciseForm = ZExerciseFormSchema.parse({
  fields: [...CAST_EXERCISE_FORM.fields.slice(0, -1), { key: "minutes", type: "duration", label: "How long did it last (minutes)?", isRequired: false }, LEARNED_FIELD],
});

/**
 * An exercise the client was given with version 1 of its template's form
 * (the template has since moved on to version 2), daily from yesterday for
 * three days: yesterday's entry sent (the day recorded as done), today's open
 * and empty, tomorrow's not open yet; and one step on the ladder.
 */
export async function seedExercise(db: TDb, engagement: { id: string; therapistId: string; clientId: string | null }) {
  const template = await seedTemplate(db, engagement.therapistId, "Noticing a thought");
  const form = await seedExerciseForm(db, template.id);
  const newestForm = await seedExerciseForm(db, template.id, CAST_EXERCISE_FORM_V2, 2);
  const ladderStep = await seedLadderStep(db, engagement);
  const assignment = await seedAssignment(db, engagement, { title: "Noticing a thought", templateId: template.id, formId: form.id });
  const [yesterday, today] = assignment.occurrences;
  const answers: TAnswers = { situation: "On the bus to work", step: ladderStep.id, belief_before: 70, belief_after: 40 };
  const owner = { occurrenceId: yesterday.id };
  const clientId = engagement.clientId!;
  const sentAt = new Date(Date.now() - 20 * 3_600_000);
  await db.exerciseEntry.create({
    data: {
      occurrenceId: yesterday.id,
      assignmentId: assignment.id,
      engagementId: engagement.id,
      clientId,
      formId: form.id,
      answers: sealEntryAnswers({ ...owner, formId: form.id }, answers),
      sentAt,
    },
  });
  await db.homeworkCompletion.create({
    data: {
      occurrenceId: yesterday.id,
      clientId,
      status: "done",
      response: sealField("completionResponse", owner, ""),
      obstacle: sealField("completionObstacle", owner, ""),
      completedAt: sentAt,
    },
  });
  return { templateId: template.id, form, newestForm, assignment, sentOccurrence: yesterday, openOccurrence: today, ladderStep };
}

/** A session `hoursFromNow` ahead (negative: in the past), with optional agenda items by the client. */
export async function seedSession(
  db: TDb,
  engagement: { id: string; therapistId: string; clientId: string | null },
  options: { hoursFromNow?: number; status?: "scheduled" | "completed" | "cancelled"; agenda?: string[] } = {},
) {
  const { id } = await db.therapySession.create({
    data: {
      engagementId: engagement.id,
      createdById: engagement.therapistId,
      startsAt: new Date(Date.now() + (options.hoursFromNow ?? 48) * 3_600_000),
      status: options.status ?? "scheduled",
    },
    select: { id: true },
  });
  const authorId = engagement.clientId ?? engagement.therapistId;
  await db.agendaItem.createMany({
    data: (options.agenda ?? []).map((text, position) => ({
      sessionId: id,
      text: sealField("agendaText", { sessionId: id, authorId }, text),
      position,
      authorId,
    })),
  });
  return db.therapySession.findUniqueOrThrow({
    where: { id },
    select: { id: true, agendaVersion: true, agendaItems: { orderBy: { position: "asc" }, select: { id: true } } },
  });
}

/**
 * A running PHQ-9 (once) and, from an earlier stopped one, a completed
 * response that raised an urgent flag (item 9 answered "Several days").
 */
export async function seedMeasures(db: TDb, engagement: { id: string; therapistId: string; clientId: string | null }) {
  const running = await db.measureAssignment.create({
    data: { engagementId: engagement.id, kind: "phq9", schedule: "once", assignedById: engagement.therapistId },
    select: { id: true },
  });
  const earlier = await db.measureAssignment.create({
    data: { engagementId: engagement.id, kind: "phq9", schedule: "once", assignedById: engagement.therapistId, stoppedAt: new Date() },
    select: { id: true },
  });
  const answers = [1, 1, 2, 1, 0, 1, 0, 0, 1];
  const response = await db.measureResponse.create({
    data: {
      assignmentId: earlier.id,
      engagementId: engagement.id,
      clientId: engagement.clientId!,
      kind: "phq9",
      periodKey: "once",
      answers: sealAnswers({ engagementId: engagement.id, assignmentId: earlier.id, periodKey: "once" }, answers),
      difficulty: 1,
      total: answers.reduce((sum, answer) => sum + answer, 0),
      // Earlier than any test's clock, so it is always the first point of a series.
      completedAt: new Date("2026-01-05T09:00:00Z"),
    },
    select: { id: true },
  });
  const flag = await db.measureFlag.create({ data: { responseId: response.id, engagementId: engagement.id }, select: { id: true } });
  // A later PHQ-9 of 14 after that 7: reliably worse, so the measure is off track (lib/measures/off-track.ts).
  const [worse] = await seedMeasureTotals(db, engagement, "phq9", [14], { from: new Date("2026-01-19T09:00:00Z") });
  return { running, flag, offTrack: { kind: "phq9" as const, responseId: worse!.id } };
}

/**
 * Sent answers with these totals, one every `weeks` weeks from `from`, on a
 * stopped every-N-weeks assignment of their own (items filled up to 3 each,
 * in order, so item 9 stays 0 below a total of 25).
 */
export async function seedMeasureTotals(
  db: TDb,
  engagement: { id: string; therapistId: string; clientId: string | null },
  kind: "phq9" | "gad7",
  totals: number[],
  { from, weeks = 1 }: { from: Date; weeks?: number },
): Promise<{ id: string }[]> {
  const assignment = await db.measureAssignment.create({
    data: { engagementId: engagement.id, kind, schedule: "every_n_weeks", intervalWeeks: weeks, assignedById: engagement.therapistId, stoppedAt: from, createdAt: from },
    select: { id: true },
  });
  const items = kind === "phq9" ? 9 : 7;
  const responses: { id: string }[] = [];
  for (const [index, total] of totals.entries()) {
    const answers = Array.from({ length: items }, (_, item) => Math.max(0, Math.min(3, total - 3 * item)));
    const periodKey = `every:${index}`;
    const completedAt = new Date(from.getTime() + index * weeks * 7 * 24 * 60 * 60 * 1000);
    responses.push(
      await db.measureResponse.create({
        data: {
          assignmentId: assignment.id,
          engagementId: engagement.id,
          clientId: engagement.clientId!,
          kind,
          periodKey,
          answers: sealAnswers({ engagementId: engagement.id, assignmentId: assignment.id, periodKey }, answers),
          difficulty: total > 0 ? 1 : null,
          total,
          completedAt,
          createdAt: completedAt,
        },
        select: { id: true },
      }),
    );
  }
  return responses;
}

/** A pending invitation (engagement "invited") and its raw token, as if just sent. */
export async function seedInvitation(
  db: TDb,
  therapistId: string,
  invitee: { email?: string; name?: string; expiresAt?: Date } = {},
) {
  const { token, tokenHash } = newInvitationToken();
  const email = invitee.email ?? uniqueEmail("invitee");
  const invitationId = newRowId();
  const engagement = await db.engagement.create({
    data: {
      therapistId,
      status: "invited",
      invitations: {
        create: {
          id: invitationId,
          therapistId,
          email,
          name: invitee.name ?? "Ivy Invitee",
          tokenHash,
          // Kept sealed for the e-mail job, as the app keeps it while the invitation waits.
          linkSecret: sealLinkSecret(invitationId, token),
          expiresAt: invitee.expiresAt ?? invitationExpiry(),
        },
      },
    },
    select: { id: true, therapistId: true, clientId: true, status: true, invitations: { select: { id: true, expiresAt: true } } },
  });
  // What the invitation e-mail's link carries besides the token: the proof that its holder reads the inbox.
  const [invitation] = engagement.invitations;
  const proof = await issueEmailProof(db, { purpose: "invitation", email, invitationId: invitation!.id, expiresAt: invitation!.expiresAt });
  const { invitations: _invitations, ...engagementRow } = engagement;
  return { engagement: engagementRow, token, proof, email };
}

/**
 * A therapist with one client, plus a second therapist and client who must
 * never see the first pair's records: the cast of every cross-tenant test.
 */
/** A short recording Chromium's MediaRecorder made (Opus in WebM, 3.5 s of its fake microphone's beeps). */
export const MEMO_FIXTURE = readFileSync(new URL("./fixtures/audio/chromium-opus.webm", import.meta.url));

/** A voice memo of the client's, kept through the real upload path (sealed, in the configured store); a draft until placed. */
export async function seedVoiceMemo(db: TDb, clientId: string, place?: TMemoPlace, note = "") {
  const saved = await saveUpload(db, { id: clientId }, MEMO_FIXTURE, note);
  if (!saved.saved) throw new Error(`seedVoiceMemo: ${saved.message}`);
  if (place) await db.voiceMemo.update({ where: { id: saved.memo.id }, data: { ...place, placedAt: new Date() }, select: { id: true } });
  return saved.memo;
}

/** An engagement's conversation rules, as the therapist's message.setSettings leaves them. */
export function seedConversation(db: TDb, engagementId: string, mode: MessagingMode = "reply_only", replyTime = "I usually reply within two working days.") {
  return db.conversation.upsert({
    where: { engagementId },
    create: { engagementId, mode, replyTime, updatedAt: new Date() },
    update: { mode, replyTime, updatedAt: new Date() },
    select: { engagementId: true },
  });
}

/** A message in an engagement's conversation, sealed as the app writes it (sent now unless `createdAt` says otherwise). */
export async function seedMessage(
  db: TDb,
  engagementId: string,
  authorId: string,
  text: string,
  options: { replyToId?: string; createdAt?: Date } = {},
) {
  const id = newRowId();
  return db.message.create({
    data: {
      id,
      engagementId,
      authorId,
      body: sealField("messageBody", { engagementId, authorId, messageId: id }, text),
      replyToId: options.replyToId ?? null,
      createdAt: options.createdAt ?? new Date(),
    },
    select: { id: true, createdAt: true },
  });
}

export async function seedCast(db: TDb) {
  const therapist = await seedTherapist(db, { name: "Tess Therapist" });
  const client = await seedClient(db, { name: "Cleo Client" });
  const otherTherapist = await seedTherapist(db, { name: "Otto Othertherapist" });
  const otherClient = await seedClient(db, { name: "Olive Otherclient" });
  const engagement = await seedEngagement(db, { therapistId: therapist.id, clientId: client.id });
  const otherEngagement = await seedEngagement(db, { therapistId: otherTherapist.id, clientId: otherClient.id });
  const invitation = await seedInvitation(db, therapist.id);
  const goal = await seedGoal(db, engagement);
  const assignment = await seedAssignment(db, engagement);
  const [yesterday, today] = assignment.occurrences;
  await db.homeworkCompletion.create({
    data: {
      occurrenceId: yesterday.id,
      clientId: client.id,
      status: "done",
      response: sealField("completionResponse", { occurrenceId: yesterday.id }, "It helped a little."),
    },
  });
  const template = await seedTemplate(db, therapist.id);
  const homework = { assignment, completedOccurrence: yesterday, openOccurrence: today, template };
  const session = await seedSession(db, engagement, { agenda: ["Work has been hard this month"] });
  const therapistItem = await db.agendaItem.create({
    data: {
      sessionId: session.id,
      authorId: therapist.id,
      text: sealField("agendaText", { sessionId: session.id, authorId: therapist.id }, "Review the sleep goal"),
      position: 1,
    },
    select: { id: true },
  });
  const agenda = { clientItem: session.agendaItems[0], therapistItem };
  const completedSession = await seedSession(db, engagement, { hoursFromNow: -48, status: "completed" });
  const privateEntry = await db.journalEntry.create({
    data: { clientId: client.id, body: sealField("journalBody", { clientId: client.id }, "A private thought."), mood: 6 },
    select: { id: true },
  });
  // The client's own notification: the one record nobody else may read or mark.
  const notification = await db.notification.create({
    data: { userId: client.id, kind: "session_scheduled", title: "New session with Tess Therapist", linkPath: `/sessions/${session.id}` },
    select: { id: true },
  });
  // The client's phone, set up for web push: nobody else may see or remove it.
  const pushDevice = await db.pushSubscription.create({
    data: {
      userId: client.id,
      endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
      p256dh: `B${"A".repeat(86)}`,
      auth: "AAAAAAAAAAAAAAAAAAAAAA",
      label: "Chrome on Android",
    },
    select: { id: true },
  });
  const measures = await seedMeasures(db, engagement);
  const exercise = await seedExercise(db, engagement);
  // Voice memos: one on the client's agenda item (so the pair's therapist may hear it), one not placed yet.
  const voiceMemos = {
    onAgenda: await seedVoiceMemo(db, client.id, { agendaItemId: agenda.clientItem.id }),
    draft: await seedVoiceMemo(db, client.id),
  };
  // Messages on, reply-only: the therapist wrote, the client answered (so either may withdraw their own, for five minutes).
  await seedConversation(db, engagement.id);
  const fromTherapist = await seedMessage(db, engagement.id, therapist.id, "How did the breathing go this week?");
  const fromClient = await seedMessage(db, engagement.id, client.id, "Better than I expected.", { replyToId: fromTherapist.id });
  const messages = { fromTherapist, fromClient };
  const practice = await seedPracticeOf(db, therapist, engagement);
  return {
    ...practice.people,
    practice: { id: practice.id, supervision: practice.supervision, invitation: practice.invitation },
    therapist,
    client,
    otherTherapist,
    otherClient,
    engagement,
    otherEngagement,
    invitation,
    goal,
    homework,
    session,
    agenda,
    completedSession,
    journal: { privateEntry },
    notification,
    pushDevice,
    measures,
    exercise,
    voiceMemos,
    messages,
  };
}

export type TCast = Awaited<ReturnType<typeof seedCast>>;

/**
 * A practice around a therapist (issue 29), owned by them: an admin, a
 * clinician colleague, and two supervisors, one of whom the engagement's
 * client agreed to (for 30 days) and one still waiting for an answer. None of
 * them is the client's therapist.
 */
export async function seedPracticeOf(db: TDb, owner: { id: string; name: string }, engagement: { id: string }) {
  const admin = await seedTherapist(db, { name: "Ada Admin" });
  const colleague = await seedTherapist(db, { name: "Cole Colleague" });
  const supervisor = await seedTherapist(db, { name: "Sue Supervisor" });
  const pendingSupervisor = await seedTherapist(db, { name: "Pat Pendingsupervisor" });
  const practice = await db.practice.create({
    data: {
      name: `${owner.name}'s practice`,
      members: {
        create: [
          { userId: owner.id, role: "owner" },
          { userId: admin.id, role: "admin" },
          { userId: colleague.id, role: "clinician" },
          { userId: supervisor.id, role: "supervisor" },
          { userId: pendingSupervisor.id, role: "supervisor" },
        ],
      },
    },
    select: { id: true },
  });
  const ask = (supervisorId: string, status: "agreed" | "asked") => {
    const id = newRowId();
    return db.supervisionRequest.create({
      data: {
        id,
        engagementId: engagement.id,
        supervisorId,
        clinicianId: owner.id,
        reason: sealField("supervisionReason", { engagementId: engagement.id, requestId: id }, "To support your therapist with your care."),
        until: new Date(Date.now() + 30 * 86_400_000),
        status,
        answeredAt: status === "agreed" ? new Date() : null,
      },
      select: { id: true },
    });
  };
  const supervision = { agreed: await ask(supervisor.id, "agreed"), pending: await ask(pendingSupervisor.id, "asked") };
  // A colleague invited and not yet joined (server/practices/invitations.ts): its token, as the e-mail would carry it.
  const { token, tokenHash } = newSecretToken();
  const invitationId = newRowId();
  await db.practiceInvitation.create({
    data: {
      id: invitationId,
      practiceId: practice.id,
      invitedById: owner.id,
      email: uniqueEmail("colleague-invited"),
      name: "Iris Invited",
      role: "clinician",
      tokenHash,
      linkSecret: sealField("practiceInvitationLinkSecret", { invitationId }, token),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
    select: { id: true },
  });
  return { id: practice.id, people: { admin, colleague, supervisor, pendingSupervisor }, supervision, invitation: { id: invitationId, token } };
}

/** Each caller its own address, so per-address throttles never couple tests. */
function testMeta() {
  const octet = () => Math.floor(Math.random() * 250) + 1;
  return { ip: `10.${octet()}.${octet()}.${octet()}`, userAgent: "vitest" };
}

/**
 * A router caller as a signed-in user (re-read like a real request) or signed
 * out. Without a `sessionId`, the user signs in afresh: a new session row.
 */
export async function callerFor(
  db: TDb,
  who: { id: string; sessionVersion: number; sessionId?: string } | null,
  meta = testMeta(),
) {
  if (!who) return createCaller({ db, user: null, meta });
  const sessionId = who.sessionId ?? (await startSession(db, who.id));
  const check = await loadSessionUser(db, { userId: who.id, sessionVersion: who.sessionVersion, sessionId });
  const user: TSessionUser | null = check.ok ? check.user : null;
  return createCaller({ db, user, sessionId, signedOutReason: check.ok ? null : parseSignedOutReason(check.reason), meta });
}

/** A therapist and a client working together, named for the story: where most journeys start. */
export async function seedWorkingPair(db: TDb, names: { therapist: string; client: string }) {
  const therapist = await seedTherapist(db, { name: names.therapist });
  const client = await seedClient(db, { name: names.client });
  const engagement = await seedEngagement(db, { therapistId: therapist.id, clientId: client.id });
  return { therapist, client, engagement };
}

/** A handover waiting for the client's answer (issue 29): the pair's therapist proposes the practice's colleague. */
export async function seedHandover(db: TDb, cast: Pick<TCast, "engagement" | "therapist" | "colleague">, message = "Cole has more time for you on Thursdays.") {
  const id = newRowId();
  return db.handover.create({
    data: {
      id,
      fromEngagementId: cast.engagement.id,
      fromTherapistId: cast.therapist.id,
      toTherapistId: cast.colleague.id,
      proposedById: cast.therapist.id,
      message: sealField("handoverMessage", { engagementId: cast.engagement.id, handoverId: id }, message),
    },
    select: { id: true },
  });
}
