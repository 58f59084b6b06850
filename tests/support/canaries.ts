// A canary (a unique string no other test writes) in every sealed field,
// written through the real procedures by the people who write them: for the
// encryption-at-rest, data-lifecycle and access-matrix tests. CANARY_TABLES
// says where each one lives, so a test can hold it to the registry
// (server/data-lifecycle). Some are private to their writer by design: the
// therapist's private note, the client's private journal entry, their
// unsent exercise draft and the note on a voice memo they have not placed.
import { randomUUID } from "node:crypto";
import type { TDb } from "@/server/db/client";
import { callerFor, CAST_EXERCISE_FORM, seedCast, seedTherapist, TEST_PASSWORD, uniqueEmail } from "../factories";
import { enrolTwoFactor } from "./totp";

/** A PHQ-9 answer pattern no other test writes (item 9 at 0, so no flag). */
export const CANARY_ANSWERS = { q1: 3, q2: 0, q3: 2, q4: 1, q5: 3, q6: 0, q7: 2, q8: 1, q9: 0, difficulty: 2 } as const;
export const CANARY_ANSWER_LIST = [3, 0, 2, 1, 3, 0, 2, 1, 0];

/** The table each canary is written to. */
export const CANARY_TABLES = {
  privateNote: "session_notes",
  summary: "session_notes",
  takeaway: "session_notes",
  journal: "journal_entries",
  sharedJournal: "journal_entries",
  response: "homework_completions",
  obstacle: "homework_completions",
  reply: "homework_completions",
  comment: "session_feedback",
  agenda: "agenda_items",
  goalTitle: "goals",
  goalDescription: "goals",
  goalWhy: "goals",
  goalStep: "goal_steps",
  addedStep: "goal_steps",
  statusNote: "goal_status_changes",
  clientRatingNote: "goal_ratings",
  therapistRatingNote: "goal_ratings",
  templateTitle: "homework_templates",
  templateInstructions: "homework_templates",
  assignmentTitle: "homework_assignments",
  assignmentInstructions: "homework_assignments",
  exerciseLabel: "exercise_forms",
  exerciseAnswer: "exercise_entries",
  exerciseDraft: "exercise_entries",
  ladderStep: "ladder_steps",
  voiceMemoNote: "voice_memos",
  voiceMemoDraft: "voice_memos",
  message: "messages",
  therapistMessage: "messages",
  // The client's first line, taken out by the therapist: only a kept version holds it.
  safetyPlanEarlier: "safety_plan_versions",
  safetyPlanContact: "safety_plans",
  offTrackNote: "off_track_reviews",
  // Issue 29: why a supervisor asks to see the client's records, and the word to the client with a proposed handover.
  supervisionReason: "supervision_requests",
  handoverMessage: "handovers",
} as const;

export type TCanaryName = keyof typeof CANARY_TABLES;

/** Writes a canary into every sealed field through the real procedures, as the people who write them. */
export async function writeCanaries(db: TDb) {
  const cast = await seedCast(db);
  const client = await callerFor(db, cast.client);
  const therapist = await callerFor(db, cast.therapist);
  const canary = (field: string) => `CANARY-${field}-${randomUUID()}`;
  const c: Record<TCanaryName, string> = {
    privateNote: canary("private-note"),
    summary: canary("summary"),
    takeaway: canary("takeaway"),
    journal: canary("journal"),
    sharedJournal: canary("shared-journal"),
    response: canary("response"),
    obstacle: canary("obstacle"),
    reply: canary("reply"),
    comment: canary("comment"),
    agenda: canary("agenda"),
    goalTitle: canary("goal-title"),
    goalDescription: canary("goal-description"),
    goalWhy: canary("goal-why"),
    goalStep: canary("goal-step"),
    addedStep: canary("added-step"),
    statusNote: canary("status-note"),
    clientRatingNote: canary("client-rating-note"),
    therapistRatingNote: canary("therapist-rating-note"),
    templateTitle: canary("template-title"),
    templateInstructions: canary("template-instructions"),
    assignmentTitle: canary("assignment-title"),
    assignmentInstructions: canary("assignment-instructions"),
    exerciseLabel: canary("exercise-label"),
    exerciseAnswer: canary("exercise-answer"),
    exerciseDraft: canary("exercise-draft"),
    ladderStep: canary("ladder-step"),
    voiceMemoNote: canary("voice-memo-note"),
    voiceMemoDraft: canary("voice-memo-draft"),
    message: canary("message"),
    therapistMessage: canary("therapist-message"),
    safetyPlanEarlier: canary("safety-plan-earlier"),
    safetyPlanContact: canary("safety-plan-contact"),
    offTrackNote: canary("off-track-note"),
    supervisionReason: canary("supervision-reason"),
    handoverMessage: canary("handover-message"),
  };
  const sessionId = cast.session.id;
  // Voice memo notes: on the memo the client put on the agenda (the therapist may read it), and on one not placed yet (theirs alone).
  await client.voiceMemo.setNote({ memoId: cast.voiceMemos.onAgenda.id, note: c.voiceMemoNote });
  await client.voiceMemo.setNote({ memoId: cast.voiceMemos.draft.id, note: c.voiceMemoDraft });
  // Messages: the therapist writes, the client replies (the cast's conversation is reply-only).
  const { id: therapistMessageId } = await therapist.message.send({ engagementId: cast.engagement.id, text: c.therapistMessage });
  await client.message.send({ engagementId: cast.engagement.id, text: c.message, replyToId: therapistMessageId });
  // The safety plan: the client writes it, the therapist changes it (a name to call in, the client's first line out).
  const emptyPlan = { warningSigns: [], onMyOwn: [], peoplePlaces: [], peopleToAsk: [], professionals: [], saferSurroundings: [], keepsMeGoing: [] };
  await client.safetyPlan.save({ engagementId: cast.engagement.id, baseVersion: 0, ...emptyPlan, warningSigns: [c.safetyPlanEarlier] });
  await therapist.safetyPlan.save({ engagementId: cast.engagement.id, baseVersion: 1, ...emptyPlan, peopleToAsk: [{ name: c.safetyPlanContact, phone: "07700 900456" }] });
  await therapist.session.saveNote({ sessionId, kind: "therapist_private", body: c.privateNote });
  await therapist.session.saveNote({ sessionId, kind: "shared_summary", body: c.summary });
  await client.session.saveNote({ sessionId, kind: "client_takeaway", body: c.takeaway, isSharedWithTherapist: true });
  await client.journal.create({ body: c.journal });
  await client.journal.create({ body: c.sharedJournal, shareWithEngagementId: cast.engagement.id });
  const occurrenceId = cast.homework.openOccurrence.id;
  await client.homework.complete({ occurrenceId, status: "partly_done", response: c.response, obstacle: c.obstacle, difficulty: 2, helpfulness: 3 });
  await therapist.homework.reply({ occurrenceId, feedback: c.reply });
  await client.feedback.submit({ sessionId: cast.completedSession.id, feltHeard: 8, workedOnWanted: 7, approachFit: 8, overall: 8, comment: c.comment });
  await client.session.addAgendaItem({ sessionId, text: c.agenda, kind: "avoided_topic" });
  // Goals: written by the client, a step and a rating added, a status change and a rating by the therapist.
  const engagementId = cast.engagement.id;
  const { id: goalId } = await client.goal.create({
    engagementId,
    title: c.goalTitle,
    description: c.goalDescription,
    whyItMatters: c.goalWhy,
    steps: [c.goalStep],
  });
  await client.goal.addStep({ goalId, text: c.addedStep });
  await client.goal.rate({ goalId, value: 4, note: c.clientRatingNote });
  await therapist.goal.rate({ goalId, value: 5, note: c.therapistRatingNote });
  await therapist.goal.setStatus({ goalId, version: 1, status: "paused", note: c.statusNote });
  await client.goal.setStatus({ goalId, version: 2, status: "active" });
  // Homework: the therapist's own template, duplicated (copied text is sealed again), and an assignment from it,
  // linked to the goal and recorded today, so it shows in the session's "since last time".
  const template = await therapist.homeworkTemplate.create({
    title: c.templateTitle,
    instructions: c.templateInstructions,
    kind: "practice",
    schedule: "once",
  });
  await therapist.homeworkTemplate.duplicate({ templateId: template.id });
  const { id: assignmentId } = await therapist.homework.assign({
    engagementId,
    templateId: template.id,
    goalId,
    title: c.assignmentTitle,
    instructions: c.assignmentInstructions,
    kind: "practice",
    schedule: "daily",
    days: 2,
  });
  const [assigned] = (await client.homework.byId({ assignmentId })).occurrences;
  await client.homework.complete({ occurrenceId: assigned!.id, status: "done", response: "Done." });
  // Exercises: the therapist's next version of the cast's form (a label written with this client in mind), the
  // cast's assignment moved on to it and a new one given from it; a step the client adds to the ladder, an entry
  // sent that names it (noted by the therapist), and a draft on the cast's open day that the client keeps to themselves.
  const { exercise } = cast;
  const labelled = CAST_EXERCISE_FORM.fields.map((field) => (field.key === "situation" ? { ...field, label: c.exerciseLabel } : field));
  await therapist.homeworkTemplate.saveForm({ templateId: exercise.templateId, form: { fields: labelled } });
  await therapist.homework.moveToNewestForm({ assignmentId: exercise.assignment.id });
  const { id: stepId } = await client.exercise.addStep({ engagementId, text: c.ladderStep, expectedAnxiety: 55 });
  const { id: exerciseAssignmentId } = await therapist.homework.assign({
    engagementId,
    templateId: exercise.templateId,
    title: "Noticing a thought",
    instructions: "When your mood shifts, note what was happening.",
    kind: "worksheet",
    schedule: "daily",
    days: 1,
  });
  const [exerciseDay] = (await client.homework.byId({ assignmentId: exerciseAssignmentId })).occurrences;
  const answers = { situation: c.exerciseAnswer, step: stepId, belief_before: 80, belief_after: 50 };
  await client.exercise.send({ occurrenceId: exerciseDay!.id, answers });
  await therapist.exercise.rateSkill({ occurrenceId: exerciseDay!.id, skillRating: 2 });
  await client.exercise.saveDraft({ occurrenceId: exercise.openOccurrence.id, answers: { situation: c.exerciseDraft } });
  // Questionnaire answers (numbers, so the canary is their pattern): the running PHQ-9, a draft first.
  const measureId = cast.measures.running.id;
  await client.measure.saveDraft({ measureId, q1: 3, q2: 0, q3: 2 });
  await client.measure.submit({ measureId, ...CANARY_ANSWERS });
  // The cast's PHQ-9 went 7 → 14 → 12: still reliably worse, so off track; the therapist thinks it through.
  await therapist.measure.saveOffTrackReview({ engagementId: cast.engagement.id, kind: "phq9", items: ["support"], note: c.offTrackNote });
  // A handover the therapist proposed with a word to the client, then withdrew (issue 29): its sealed message stays.
  const { id: handoverId } = await therapist.handover.propose({ engagementId, toTherapistId: cast.colleague.id, message: c.handoverMessage });
  await therapist.handover.withdraw({ handoverId });
  // Two-step sign-in secrets: the therapist has it on, the client has only begun.
  await enrolTwoFactor(therapist);
  await client.twoFactor.begin({ password: TEST_PASSWORD });
  // The server's web push key pair, made on first use: its private half is sealed too.
  await client.push.publicKey();
  await writePracticeCanaries(db, cast, c);
  return { cast, client, therapist, canaries: c, goalId, assignmentId, exercise: { assignmentId: exerciseAssignmentId, occurrenceId: exerciseDay!.id, stepId } };
}


/**
 * The practice's sealed words (issue 29), through the procedures: a third
 * supervisor of the practice asks to see the pair's client's records, in
 * words of their own; the owner invites a colleague (the link's token, sealed
 * for its e-mail job).
 */
async function writePracticeCanaries(db: TDb, cast: Awaited<ReturnType<typeof seedCast>>, c: Record<TCanaryName, string>) {
  const asker = await seedTherapist(db, { name: "Quinn Questioner" });
  await db.practiceMember.create({ data: { practiceId: cast.practice.id, userId: asker.id, role: "supervisor" } });
  await (await callerFor(db, asker)).supervision.ask({ engagementId: cast.engagement.id, reason: c.supervisionReason, weeks: 4 });
  await (await callerFor(db, cast.therapist)).practice.invite({ name: "Nell Newcolleague", email: uniqueEmail("colleague"), role: "clinician" });
}
