// Turns the demo's stories (./maya.ts, ./sam.ts, ./priya.ts) into records, as
// the app would have written them over the weeks before `now`.
//
// Invariants:
// - Rows follow the app's own rules: text sealed by the domain's sealing
//   functions, ids from server/db/ids.ts, homework days from
//   lib/homework/schedule.ts, questionnaire periods and totals from
//   lib/measures/, and every date through ./dates.ts.
// - The domain's mutations (createGoal, assignHomework, scheduleSession, …)
//   are not called: they stamp the current time, tell people (notifications,
//   e-mails, live events) and refuse the past (an agenda item for a session
//   that has started). The demo is a history, so it is written as the rows
//   those mutations would have left.
// - Nothing is dated after `now`, except what the story puts in the future
//   (the next sessions, homework days to come, goal target dates).
// - A story that contradicts itself (a completion for a day to come, a goal
//   rated in a session that didn't happen, an exercise answer its form
//   refuses) fails loudly instead of seeding.
// - An exercise is what the app would have left: the therapist's own template
//   made from a starter with its form as version 1 (as createFromStarter
//   makes it, server/homework/templates.ts), assigned with that version, and
//   each sent entry with its day recorded as done (as sendEntry records it,
//   server/exercises/entries.ts); answers are checked against the form.
import type { Prisma } from "@/server/db/generated/client";
import { sealField } from "@/server/crypto/sealed-fields";
import { sealEntryAnswers } from "@/server/exercises/sealing";
import { newRowId } from "@/server/db/ids";
import { sealGoalText, sealRatingNote, sealStatusNote, sealStepText } from "@/server/goals/sealing";
import { openTemplateText, sealAssignmentText, sealTemplateText } from "@/server/homework/sealing";
import { sealDefinition } from "@/server/exercises/forms";
import { sealAnswers } from "@/server/measures/sealing";
import { sealPlanContent, sealVersionContent } from "@/server/safety-plans/sealing";
import { localDateToDb, occurrencesFor, scheduleEndsOn, type TScheduleInput } from "@/lib/homework/schedule";
import { isSafetyAnswer, scoreMeasure } from "@/lib/measures/instruments";
import { openPeriod } from "@/lib/measures/schedule";
import { addDays, type TLocalDate } from "@/lib/time/days";
import { localDay } from "@/lib/time/zones";
import { answerErrors, ZExerciseFormSchema, type TAnswers, type TExerciseForm } from "@/lib/exercises/form-definition";
import { STARTER_EXERCISES } from "@/lib/exercises/starters";
import { STARTER_TEMPLATES } from "../starter-templates";
import { instantOf, later, notAfterNow, onDay, wallTime } from "./dates";
import { COLLEAGUE_CLIENT, COLLEAGUES, THERAPIST, type TDemoTherapist } from "./people";
import { DEMO_PRACTICE_NAME } from "@/server/auth/demo-accounts";
import { MAYA } from "./maya";
import { SAM } from "./sam";
import { PRIYA } from "./priya";
import type {
  TAgendaSeed,
  TAuthor,
  TClientStory,
  TCompletionSeed,
  TEndedStory,
  TExerciseEntrySeed,
  TExerciseSeed,
  TGoalSeed,
  THomeworkContent,
  THomeworkSeed,
  TNoticeSeed,
  TPastSessionSeed,
  TScores,
} from "./types";

export const DEMO_STORIES: TClientStory[] = [MAYA, SAM, PRIYA];

const SESSION_MINUTES = 50;

type TRows = {
  users: Prisma.UserCreateManyInput[];
  engagements: Prisma.EngagementCreateManyInput[];
  goals: Prisma.GoalCreateManyInput[];
  goalStatusChanges: Prisma.GoalStatusChangeCreateManyInput[];
  goalSteps: Prisma.GoalStepCreateManyInput[];
  sessions: Prisma.TherapySessionCreateManyInput[];
  goalRatings: Prisma.GoalRatingCreateManyInput[];
  agendaItems: Prisma.AgendaItemCreateManyInput[];
  carriedAgendaItems: Prisma.AgendaItemCreateManyInput[];
  sessionNotes: Prisma.SessionNoteCreateManyInput[];
  sessionFeedback: Prisma.SessionFeedbackCreateManyInput[];
  checkIns: Prisma.CheckInCreateManyInput[];
  homeworkTemplates: Prisma.HomeworkTemplateCreateManyInput[];
  exerciseForms: Prisma.ExerciseFormCreateManyInput[];
  ladderSteps: Prisma.LadderStepCreateManyInput[];
  homeworkAssignments: Prisma.HomeworkAssignmentCreateManyInput[];
  homeworkOccurrences: Prisma.HomeworkOccurrenceCreateManyInput[];
  homeworkCompletions: Prisma.HomeworkCompletionCreateManyInput[];
  exerciseEntries: Prisma.ExerciseEntryCreateManyInput[];
  journalEntries: Prisma.JournalEntryCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
  measureAssignments: Prisma.MeasureAssignmentCreateManyInput[];
  measureResponses: Prisma.MeasureResponseCreateManyInput[];
  conversations: Prisma.ConversationCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  conversationReads: Prisma.ConversationReadCreateManyInput[];
  safetyPlans: Prisma.SafetyPlanCreateManyInput[];
  safetyPlanVersions: Prisma.SafetyPlanVersionCreateManyInput[];
  practices: Prisma.PracticeCreateManyInput[];
  practiceMembers: Prisma.PracticeMemberCreateManyInput[];
};

type TPractice = {
  now: Date;
  rows: TRows;
  passwordHash: string;
  therapist: { id: string; timeZone: string };
  /** Starter template ids by title. */
  templateIds: Map<string, string>;
  /** The therapist's own exercise templates, by the starter each was made from. */
  exerciseTemplates: Map<string, TExerciseTemplate>;
};

type TExerciseTemplate = { templateId: string; formId: string; form: TExerciseForm; title: string; instructions: string };

/** One story's people and where it happens. */
type TWork = { practice: TPractice; story: TClientStory; clientId: string; engagementId: string; today: TLocalDate };

type THeldSession = { id: string; startsAt: Date; endsAt: Date; seed: TPastSessionSeed };

type TSessionPlan = { held: THeldSession[]; next: { id: string; startsAt: Date } };

type THomeworkRef = { id: string; assignedAt: Date; isDueToday: boolean };

/**
 * Writes the demo practice in `tx`: the therapist, her clients' stories, and
 * Priya's earlier work. The starter templates must be there already (the
 * homework taken from them points at them).
 */
export async function loadDemo(tx: Prisma.TransactionClient, { now, passwordHash }: { now: Date; passwordHash: string }): Promise<void> {
  const templates = await tx.homeworkTemplate.findMany({
    where: { ownerId: null, archivedAt: null },
    select: { id: true, title: true, instructions: true },
  });
  const templateIds = new Map(templates.map(openTemplateText).map((template) => [template.title, template.id]));
  const rows = emptyRows();
  const therapist = { id: addUser(rows, passwordHash, THERAPIST, now), timeZone: THERAPIST.timeZone };
  const practice: TPractice = { now, passwordHash, templateIds, rows, therapist, exerciseTemplates: new Map() };
  for (const story of DEMO_STORIES) addStory(practice, story);
  addColleagues(practice);
  await insertRows(tx, rows);
}

function emptyRows(): TRows {
  return {
    users: [],
    engagements: [],
    goals: [],
    goalStatusChanges: [],
    goalSteps: [],
    sessions: [],
    goalRatings: [],
    agendaItems: [],
    carriedAgendaItems: [],
    sessionNotes: [],
    sessionFeedback: [],
    checkIns: [],
    homeworkTemplates: [],
    exerciseForms: [],
    ladderSteps: [],
    homeworkAssignments: [],
    homeworkOccurrences: [],
    homeworkCompletions: [],
    exerciseEntries: [],
    journalEntries: [],
    notifications: [],
    measureAssignments: [],
    measureResponses: [],
    conversations: [],
    messages: [],
    conversationReads: [],
    safetyPlans: [],
    safetyPlanVersions: [],
    practices: [],
    practiceMembers: [],
  };
}

// Parents before children; carried agenda items after the items they point at.
async function insertRows(tx: Prisma.TransactionClient, rows: TRows): Promise<void> {
  await tx.user.createMany({ data: rows.users });
  await tx.engagement.createMany({ data: rows.engagements });
  await tx.goal.createMany({ data: rows.goals });
  await tx.goalStatusChange.createMany({ data: rows.goalStatusChanges });
  await tx.goalStep.createMany({ data: rows.goalSteps });
  await tx.therapySession.createMany({ data: rows.sessions });
  await tx.goalRating.createMany({ data: rows.goalRatings });
  await tx.agendaItem.createMany({ data: rows.agendaItems });
  await tx.agendaItem.createMany({ data: rows.carriedAgendaItems });
  await tx.sessionNote.createMany({ data: rows.sessionNotes });
  await tx.sessionFeedback.createMany({ data: rows.sessionFeedback });
  await tx.checkIn.createMany({ data: rows.checkIns });
  await tx.homeworkTemplate.createMany({ data: rows.homeworkTemplates });
  await tx.exerciseForm.createMany({ data: rows.exerciseForms });
  await tx.ladderStep.createMany({ data: rows.ladderSteps });
  await tx.homeworkAssignment.createMany({ data: rows.homeworkAssignments });
  await tx.homeworkOccurrence.createMany({ data: rows.homeworkOccurrences });
  await tx.homeworkCompletion.createMany({ data: rows.homeworkCompletions });
  await tx.exerciseEntry.createMany({ data: rows.exerciseEntries });
  await tx.journalEntry.createMany({ data: rows.journalEntries });
  await tx.notification.createMany({ data: rows.notifications });
  await tx.measureAssignment.createMany({ data: rows.measureAssignments });
  await tx.measureResponse.createMany({ data: rows.measureResponses });
  await tx.conversation.createMany({ data: rows.conversations });
  // Oldest first, so a reply comes after the message it answers.
  await tx.message.createMany({ data: rows.messages });
  await tx.conversationRead.createMany({ data: rows.conversationReads });
  await tx.safetyPlan.createMany({ data: rows.safetyPlans });
  await tx.safetyPlanVersion.createMany({ data: rows.safetyPlanVersions });
  await tx.practice.createMany({ data: rows.practices });
  await tx.practiceMember.createMany({ data: rows.practiceMembers });
}

// ---------------------------------------------------------------- the practice

/**
 * The therapist's practice (issue 29): she owns it; Tomás (a clinician, with
 * Jordan, who has just started) and Hana (a supervisor) work with her.
 */
function addColleagues(practice: TPractice): void {
  const { rows, now, passwordHash, therapist } = practice;
  const practiceId = newRowId();
  const foundedAt = instantOf({ daysAgo: COLLEAGUES[1]!.joinedDaysAgo }, THERAPIST.timeZone, now);
  rows.practices.push({ id: practiceId, name: DEMO_PRACTICE_NAME, createdAt: foundedAt, updatedAt: foundedAt });
  rows.practiceMembers.push({ practiceId, userId: therapist.id, role: "owner", joinedAt: foundedAt });
  for (const colleague of COLLEAGUES) {
    const userId = addUser(rows, passwordHash, colleague, now);
    rows.practiceMembers.push({ practiceId, userId, role: colleague.practiceRole, joinedAt: instantOf({ daysAgo: colleague.joinedDaysAgo }, colleague.timeZone, now) });
    if (colleague.practiceRole !== "clinician") continue;
    const clientId = addUser(rows, passwordHash, COLLEAGUE_CLIENT, now);
    const startedAt = instantOf({ daysAgo: COLLEAGUE_CLIENT.joinedDaysAgo }, COLLEAGUE_CLIENT.timeZone, now);
    rows.engagements.push({ id: newRowId(), therapistId: userId, clientId, status: "active", startedAt, createdAt: later(startedAt, { days: -1 }), updatedAt: startedAt });
  }
}

function addUser(rows: TRows, passwordHash: string, person: TDemoTherapist | TClientStory | typeof COLLEAGUE_CLIENT, now: Date): string {
  const id = newRowId();
  const createdAt = instantOf({ daysAgo: person.joinedDaysAgo }, person.timeZone, now);
  const { email, name, role } = person.account;
  rows.users.push({ id, email, name, role, passwordHash, timeZone: person.timeZone, createdAt, updatedAt: createdAt });
  return id;
}

function authorId(work: TWork, by: TAuthor): string {
  return by === "client" ? work.clientId : work.practice.therapist.id;
}

// ---------------------------------------------------------------- a story

function addStory(practice: TPractice, story: TClientStory): void {
  const { rows, now } = practice;
  const clientId = addUser(rows, practice.passwordHash, story, now);
  if (story.earlierWork) addEndedWork(practice, story, clientId, story.earlierWork);

  const work: TWork = { practice, story, clientId, engagementId: newRowId(), today: localDay(now, story.timeZone) };
  const startedAt = instantOf({ daysAgo: story.startedDaysAgo }, story.timeZone, now);
  rows.engagements.push({
    id: work.engagementId,
    therapistId: practice.therapist.id,
    clientId,
    status: "active",
    startedAt,
    // The invitation went out two days before it was accepted.
    createdAt: later(startedAt, { days: -2 }),
    updatedAt: startedAt,
  });

  const plan = addSessions(work);
  for (const session of plan.held) {
    addPastAgenda(work, session);
    addSessionRecords(work, session);
  }
  addNextAgenda(work, plan);
  if (story.nextSession.checkIn) addCheckIn(work, plan.next.id, story.nextSession.checkIn, later(now, { hours: -2 }));

  const goalIds = story.goals.map((goal, position) => addGoal(work, goal, position, plan.held));
  const homework = story.homework.map((seed) => addHomework(work, seed, goalIds, plan.held));
  const ladderIds = addLadder(work);
  const sentAt = (story.exercises ?? []).flatMap((seed) => addExercise(work, seed, goalIds, plan.held, ladderIds));
  markExerciseReview(work, plan, sentAt);
  addJournal(work);
  addMeasures(work, plan.held);
  for (const notice of story.notices) addNotice(work, notice, { startedAt, next: plan.next, homework });
  addConversation(work);
  addSafetyPlan(work);
}

// ---------------------------------------------------------------- sessions

function addSessions(work: TWork): TSessionPlan {
  const { practice, story, engagementId } = work;
  const { now, therapist } = practice;
  const place = (location?: string) =>
    location ? { location, videoUrl: "" } : { location: "", videoUrl: `https://video.example.org/room/${story.videoRoom}` };
  const held: THeldSession[] = [];

  for (const seed of story.pastSessions) {
    const startsAt = instantOf(seed.when, therapist.timeZone, now);
    if (startsAt.getTime() >= now.getTime()) throw new Error(`a past session of ${story.account.email} is not in the past`);
    const id = newRowId();
    practice.rows.sessions.push({
      id,
      engagementId,
      startsAt,
      durationMinutes: SESSION_MINUTES,
      status: seed.isCancelled ? "cancelled" : "completed",
      cancelledAt: seed.isCancelled ? later(startsAt, { hours: -26 }) : null,
      createdById: therapist.id,
      // Booked a week ahead.
      createdAt: later(startsAt, { days: -7 }),
      ...place(seed.location),
    });
    if (!seed.isCancelled) held.push({ id, startsAt, endsAt: later(startsAt, { minutes: SESSION_MINUTES }), seed });
  }

  const lastHeld = held.at(-1);
  if (!lastHeld) throw new Error(`demo story for ${story.account.email} has no completed session`);
  const next = { id: newRowId(), startsAt: instantOf(story.nextSession.when, therapist.timeZone, now) };
  practice.rows.sessions.push({
    id: next.id,
    engagementId,
    startsAt: next.startsAt,
    durationMinutes: SESSION_MINUTES,
    status: "scheduled",
    createdById: therapist.id,
    // Booked as the last one ended.
    createdAt: lastHeld.endsAt,
    ...place(),
  });
  return { held, next };
}

function agendaRow(sessionId: string, item: Pick<TAgendaSeed, "kind" | "text">, authorIdOf: string) {
  return {
    id: newRowId(),
    sessionId,
    authorId: authorIdOf,
    text: sealField("agendaText", { sessionId, authorId: authorIdOf }, item.text),
    kind: item.kind,
  };
}

// Clients add items a couple of days ahead, therapists the day before; each is
// settled in the session in order.
function addPastAgenda(work: TWork, session: THeldSession): void {
  session.seed.agenda.forEach((item, position) => {
    work.practice.rows.agendaItems.push({
      ...agendaRow(session.id, item, authorId(work, item.by)),
      position,
      status: item.isDeferred ? "deferred" : "discussed",
      statusChangedAt: later(session.startsAt, { minutes: 15 + 12 * position }),
      createdAt: item.by === "client" ? later(session.startsAt, { days: -2 + position * 0.1 }) : later(session.startsAt, { days: -1 }),
    });
  });
}

// What the last session deferred was carried over when it ended (as
// server/sessions/scheduling.ts carries it), ahead of what was added since.
function addNextAgenda(work: TWork, plan: TSessionPlan): void {
  const { practice, story } = work;
  const lastHeld = plan.held.at(-1)!;
  const deferred = lastHeld.seed.agenda.findIndex((item) => item.isDeferred);
  let position = 0;
  if (deferred >= 0) {
    const item = lastHeld.seed.agenda[deferred]!;
    const carriedFrom = practice.rows.agendaItems.find((row) => row.sessionId === lastHeld.id && row.position === deferred)!;
    practice.rows.carriedAgendaItems.push({
      ...agendaRow(plan.next.id, item, authorId(work, item.by)),
      position: position++,
      status: "open",
      carriedFromId: carriedFrom.id,
      createdAt: lastHeld.endsAt,
    });
  }
  const items = story.nextSession.agenda;
  items.forEach((item, index) => {
    practice.rows.agendaItems.push({
      ...agendaRow(plan.next.id, item, authorId(work, item.by)),
      position: position++,
      status: "open",
      // Added over the last hours, three hours apart.
      createdAt: later(practice.now, { hours: -(items.length - index) * 3 }),
    });
  });
}

function addSessionRecords(work: TWork, session: THeldSession): void {
  const { practice, clientId } = work;
  const { seed } = session;
  const note = (kind: "shared_summary" | "therapist_private" | "client_takeaway", by: TAuthor, body: string, minutesAfter: number, isShared = false) => {
    const at = later(session.endsAt, { minutes: minutesAfter });
    practice.rows.sessionNotes.push({
      id: newRowId(),
      sessionId: session.id,
      kind,
      authorId: authorId(work, by),
      body: sealField("sessionNoteBody", { sessionId: session.id, kind }, body),
      isSharedWithTherapist: isShared,
      createdAt: at,
      updatedAt: at,
    });
  };
  if (seed.summary) note("shared_summary", "therapist", seed.summary, 60);
  if (seed.privateNote) note("therapist_private", "therapist", seed.privateNote, 20);
  if (seed.takeaway) note("client_takeaway", "client", seed.takeaway.body, 240, seed.takeaway.isSharedWithTherapist);

  if (seed.feedback) {
    const { comment, ...scores } = seed.feedback;
    practice.rows.sessionFeedback.push({
      id: newRowId(),
      sessionId: session.id,
      clientId,
      ...scores,
      comment: sealField("feedbackComment", { sessionId: session.id }, comment ?? ""),
      createdAt: notAfterNow(later(session.endsAt, { hours: 3 }), practice.now, { minutes: 30 }),
    });
  }
  // The check-in is done the day before.
  if (seed.checkIn) addCheckIn(work, session.id, seed.checkIn, later(session.startsAt, { hours: -20 }));
}

function addCheckIn(work: TWork, sessionId: string, scores: TScores, createdAt: Date): void {
  work.practice.rows.checkIns.push({ id: newRowId(), engagementId: work.engagementId, clientId: work.clientId, sessionId, ...scores, createdAt });
}

// ---------------------------------------------------------------- goals

function addGoal(work: TWork, goal: TGoalSeed, position: number, held: THeldSession[]): string {
  const { practice, engagementId } = work;
  const { rows, now } = practice;
  const heldSession = (index: number) => {
    const session = held[index];
    if (!session) throw new Error(`demo goal "${goal.title}" refers to completed session ${index}, which does not exist`);
    return session;
  };
  const id = newRowId();
  const createdById = authorId(work, goal.by);
  // Goals were agreed at the end of the first session.
  const createdAt = later(heldSession(0).endsAt, { minutes: 5 + position });
  const change = goal.statusChange;
  const changedAt = change ? later(heldSession(change.atSession).startsAt, { minutes: 40 }) : undefined;

  rows.goals.push({
    id,
    engagementId,
    ...sealGoalText({ engagementId, goalId: id }, goal),
    status: change?.to ?? "active",
    targetDate: goal.targetInDays === undefined ? null : localDateToDb(addDays(work.today, goal.targetInDays)),
    position,
    createdById,
    version: change ? 2 : 1,
    createdAt,
    updatedAt: changedAt ?? createdAt,
  });

  rows.goalStatusChanges.push({ id: newRowId(), goalId: id, fromStatus: null, toStatus: "active", changedById: createdById, createdAt });
  if (change && changedAt) {
    const changeId = newRowId();
    rows.goalStatusChanges.push({
      id: changeId,
      goalId: id,
      fromStatus: "active",
      toStatus: change.to,
      note: sealStatusNote(id, changeId, change.note),
      changedById: authorId(work, change.by),
      createdAt: changedAt,
    });
  }

  goal.steps.forEach((step, stepPosition) => {
    const stepId = newRowId();
    const doneBy = step.doneBy ?? "client";
    // Clients tick steps off between sessions; therapists do it in the session.
    const doneAt =
      step.doneAfterSession === undefined
        ? null
        : notAfterNow(
            doneBy === "client" ? later(heldSession(step.doneAfterSession).endsAt, { days: 3 }) : heldSession(step.doneAfterSession).endsAt,
            now,
            { hours: 2 },
          );
    rows.goalSteps.push({
      id: stepId,
      goalId: id,
      text: sealStepText(id, stepId, step.text),
      position: stepPosition,
      doneAt,
      doneById: doneAt ? authorId(work, doneBy) : null,
      createdById,
      createdAt,
    });
  });

  // Both rate each goal in every session, the client first.
  const addSeries = (series: TGoalSeed["clientRatings"], by: TAuthor, minutesIn: number) =>
    series.forEach((rating, index) => {
      const session = heldSession(index);
      const ratingId = newRowId();
      const { value, note } = typeof rating === "number" ? { value: rating, note: "" } : rating;
      rows.goalRatings.push({
        id: ratingId,
        goalId: id,
        authorId: authorId(work, by),
        authorRole: by,
        value,
        note: sealRatingNote(id, ratingId, note),
        sessionId: session.id,
        createdAt: later(session.startsAt, { minutes: minutesIn + position }),
      });
    });
  addSeries(goal.clientRatings, "client", 30);
  addSeries(goal.therapistRatings, "therapist", 35);
  return id;
}

// ---------------------------------------------------------------- homework

function homeworkContent(content: THomeworkSeed["content"]): THomeworkContent {
  if (typeof content !== "string") return content;
  const template = STARTER_TEMPLATES.find((candidate) => candidate.title === content);
  if (!template) throw new Error(`unknown starter template ${content}`);
  const { title, instructions, kind, schedule, timesPerWeek } = template;
  return { title, instructions, kind, schedule, timesPerWeek };
}

/** The schedule the therapist would have entered in the assign form. */
function scheduleOf(content: THomeworkContent, startsOn: TLocalDate, lengthDays: number): TScheduleInput {
  switch (content.schedule) {
    case "once":
      return { schedule: "once", startsOn, dueOn: addDays(startsOn, lengthDays - 1) };
    case "daily":
      return { schedule: "daily", startsOn, days: lengthDays };
    case "weekly":
      if (lengthDays % 7 !== 0) throw new Error(`weekly demo homework "${content.title}" must last whole weeks`);
      return { schedule: "weekly", startsOn, weeks: lengthDays / 7, timesPerWeek: content.timesPerWeek ?? 1 };
  }
}

// Homework is agreed in a session: the assignment is dated at the end of the
// last session held before its first day ends in the client's zone (or, with
// none, the evening before it starts).
function assignedAt(work: TWork, held: THeldSession[], startsOn: TLocalDate): Date {
  const zone = work.story.timeZone;
  const firstDayEnds = onDay(addDays(startsOn, 1), "00:00", zone);
  const session = held.filter((candidate) => candidate.endsAt < firstDayEnds).at(-1);
  return session ? session.endsAt : onDay(addDays(startsOn, -1), "18:00", zone);
}

function addHomework(work: TWork, seed: THomeworkSeed, goalIds: string[], held: THeldSession[]): THomeworkRef {
  const { practice, engagementId, today } = work;
  const id = newRowId();
  const content = homeworkContent(seed.content);
  const schedule = scheduleOf(content, addDays(today, -seed.startDaysAgo), seed.lengthDays);
  const createdAt = assignedAt(work, held, schedule.startsOn);
  practice.rows.homeworkAssignments.push({
    id,
    engagementId,
    templateId: typeof seed.content === "string" ? (practice.templateIds.get(seed.content) ?? null) : null,
    goalId: seed.goal === undefined ? null : (goalIds[seed.goal] ?? null),
    assignedById: practice.therapist.id,
    ...sealAssignmentText({ engagementId, assignmentId: id }, content),
    kind: content.kind,
    schedule: content.schedule,
    timesPerWeek: schedule.schedule === "weekly" ? schedule.timesPerWeek : null,
    startsOn: localDateToDb(schedule.startsOn),
    endsOn: localDateToDb(scheduleEndsOn(schedule)),
    createdAt,
    updatedAt: createdAt,
  });

  const occurrences = occurrencesFor(schedule);
  occurrences.forEach((occurrence, index) => {
    const occurrenceId = newRowId();
    practice.rows.homeworkOccurrences.push({ id: occurrenceId, assignmentId: id, opensOn: localDateToDb(occurrence.opensOn), dueOn: localDateToDb(occurrence.dueOn) });
    const completion = seed.completions[index];
    if (!completion) return;
    if (occurrence.dueOn >= today) throw new Error(`demo homework "${content.title}" completes occurrence ${index}, which is not past yet`);
    addCompletion(work, occurrenceId, occurrence.dueOn, index, completion);
  });
  return { id, assignedAt: createdAt, isDueToday: occurrences.some((occurrence) => occurrence.dueOn === today) };
}

// Recorded in the evening of the due day, at a time that varies a little.
function addCompletion(
  work: TWork,
  occurrenceId: string,
  dueOn: TLocalDate,
  index: number,
  seed: TCompletionSeed,
): { completedAt: Date; feedbackAt: Date | null } {
  const { practice } = work;
  const completedAt = onDay(dueOn, wallTime(19 + (index % 3), (index * 17) % 60), work.story.timeZone);
  const owner = { occurrenceId };
  const hasFeedback = seed.feedback !== undefined;
  // The therapist replies the next morning.
  const feedbackAt = hasFeedback ? notAfterNow(later(completedAt, { hours: 14 }), practice.now, { minutes: 30 }) : null;
  practice.rows.homeworkCompletions.push({
    id: newRowId(),
    occurrenceId,
    clientId: work.clientId,
    status: seed.status,
    response: sealField("completionResponse", owner, seed.response ?? ""),
    difficulty: seed.difficulty ?? null,
    helpfulness: seed.helpfulness ?? null,
    obstacle: sealField("completionObstacle", owner, seed.obstacle ?? ""),
    feedback: hasFeedback ? sealField("completionFeedback", owner, seed.feedback!) : null,
    feedbackById: hasFeedback ? practice.therapist.id : null,
    feedbackAt,
    completedAt,
  });
  return { completedAt, feedbackAt };
}

// ---------------------------------------------------------------- exercises

/** The story's ladder, its steps' ids in the story's order. */
function addLadder(work: TWork): string[] {
  const { practice, story, engagementId } = work;
  return (story.ladder ?? []).map((step) => {
    const id = newRowId();
    const createdAt = notAfterNow(instantOf({ daysAgo: step.addedDaysAgo }, story.timeZone, practice.now), practice.now, { hours: 1 });
    practice.rows.ladderSteps.push({
      id,
      engagementId,
      text: sealField("ladderStepText", { engagementId, stepId: id }, step.text),
      expectedAnxiety: step.expectedAnxiety,
      createdById: authorId(work, step.by),
      createdAt,
      updatedAt: createdAt,
    });
    return id;
  });
}

/** The therapist's template made from a starter, once, a few minutes before it is first assigned. */
function exerciseTemplate(practice: TPractice, starterKey: string, assignedAt: Date): TExerciseTemplate {
  const known = practice.exerciseTemplates.get(starterKey);
  if (known) return known;
  const starter = STARTER_EXERCISES.find((candidate) => candidate.key === starterKey);
  if (!starter) throw new Error(`unknown starter exercise ${starterKey}`);
  const templateId = newRowId();
  const formId = newRowId();
  const form = ZExerciseFormSchema.parse({ fields: starter.fields });
  const createdAt = later(assignedAt, { minutes: -10 });
  practice.rows.homeworkTemplates.push({
    id: templateId,
    ownerId: practice.therapist.id,
    ...sealTemplateText(templateId, { title: starter.title, instructions: starter.instructions }),
    kind: "worksheet",
    schedule: "daily",
    durationDays: 7,
    createdAt,
    updatedAt: createdAt,
  });
  practice.rows.exerciseForms.push({ id: formId, templateId, version: 1, definition: sealDefinition(formId, form), createdAt });
  const made = { templateId, formId, form, title: starter.title, instructions: starter.instructions };
  practice.exerciseTemplates.set(starterKey, made);
  return made;
}

/** The answers as sent: the story's, with the ladder step's id in the form's step field; refused ones fail the seed. */
function exerciseAnswers(work: TWork, template: TExerciseTemplate, seed: TExerciseEntrySeed, ladderIds: string[]): TAnswers {
  const answers: TAnswers = { ...seed.answers };
  if (seed.ladderStep !== undefined) {
    const field = template.form.fields.find((candidate) => candidate.type === "ladder_step");
    const stepId = ladderIds[seed.ladderStep];
    if (!field || !stepId) throw new Error(`a demo "${template.title}" entry of ${work.story.account.email} names ladder step ${seed.ladderStep}, which it can't`);
    answers[field.key] = stepId;
  }
  const errors = answerErrors(template.form, answers, { isComplete: true });
  if (Object.keys(errors).length > 0) throw new Error(`a demo "${template.title}" entry of ${work.story.account.email} would be refused: ${JSON.stringify(errors)}`);
  return answers;
}

/** An exercise assigned daily (or weekly) and the entries sent for it; returns when each was sent. */
function addExercise(work: TWork, seed: TExerciseSeed, goalIds: string[], held: THeldSession[], ladderIds: string[]): Date[] {
  const { practice, engagementId, today, story } = work;
  const id = newRowId();
  const content: THomeworkContent = {
    title: seed.starterKey,
    instructions: "",
    kind: "worksheet",
    schedule: seed.timesPerWeek === undefined ? "daily" : "weekly",
    timesPerWeek: seed.timesPerWeek ?? null,
  };
  const schedule = scheduleOf(content, addDays(today, -seed.startDaysAgo), seed.lengthDays);
  const createdAt = assignedAt(work, held, schedule.startsOn);
  const template = exerciseTemplate(practice, seed.starterKey, createdAt);
  practice.rows.homeworkAssignments.push({
    id,
    engagementId,
    templateId: template.templateId,
    formId: template.formId,
    goalId: seed.goal === undefined ? null : (goalIds[seed.goal] ?? null),
    assignedById: practice.therapist.id,
    ...sealAssignmentText({ engagementId, assignmentId: id }, { title: template.title, instructions: template.instructions }),
    kind: "worksheet",
    schedule: content.schedule,
    timesPerWeek: schedule.schedule === "weekly" ? schedule.timesPerWeek : null,
    startsOn: localDateToDb(schedule.startsOn),
    endsOn: localDateToDb(scheduleEndsOn(schedule)),
    createdAt,
    updatedAt: createdAt,
  });

  const sent: Date[] = [];
  occurrencesFor(schedule).forEach((occurrence, index) => {
    const occurrenceId = newRowId();
    practice.rows.homeworkOccurrences.push({ id: occurrenceId, assignmentId: id, opensOn: localDateToDb(occurrence.opensOn), dueOn: localDateToDb(occurrence.dueOn) });
    const entry = seed.entries[index];
    if (!entry) return;
    if (occurrence.dueOn >= today) throw new Error(`demo exercise "${template.title}" of ${story.account.email} sends day ${index}, which is not past yet`);
    const answers = exerciseAnswers(work, template, entry, ladderIds);
    // Sending records the day as done; the reply and the skill note come together, the next morning.
    const { completedAt: sentAt, feedbackAt } = addCompletion(work, occurrenceId, occurrence.dueOn, index, { status: "done", feedback: entry.feedback });
    const skillRatedAt = entry.skill === undefined ? null : (feedbackAt ?? notAfterNow(later(sentAt, { hours: 14 }), practice.now, { minutes: 30 }));
    practice.rows.exerciseEntries.push({
      id: newRowId(),
      occurrenceId,
      assignmentId: id,
      engagementId,
      clientId: work.clientId,
      formId: template.formId,
      answers: sealEntryAnswers({ occurrenceId, formId: template.formId }, answers),
      sentAt,
      skillRating: entry.skill ?? null,
      skillRatedById: skillRatedAt ? practice.therapist.id : null,
      skillRatedAt,
      // Started a quarter of an hour before it was sent.
      createdAt: later(sentAt, { minutes: -15 }),
      updatedAt: skillRatedAt ?? sentAt,
    });
    sent.push(sentAt);
  });
  return sent;
}

/**
 * The first entry sent after the last session put a "homework review" item on
 * the next one (server/sessions/agenda.ts); the story's own agenda stands for
 * it, so the session only remembers when.
 */
function markExerciseReview(work: TWork, plan: TSessionPlan, sentAt: Date[]): void {
  const lastHeld = plan.held.at(-1)!;
  const first = sentAt.filter((at) => at > lastHeld.endsAt).sort((a, b) => a.getTime() - b.getTime())[0];
  if (!first) return;
  const next = work.practice.rows.sessions.find((row) => row.id === plan.next.id)!;
  next.exerciseReviewAddedAt = first;
}

// ---------------------------------------------------------------- journal

function addJournal(work: TWork): void {
  const { practice, story, clientId, engagementId } = work;
  for (const entry of story.journal) {
    const createdAt = notAfterNow(instantOf(entry.when, story.timeZone, practice.now), practice.now, { hours: 1 });
    const sharedAt = entry.isShared ? later(createdAt, { minutes: 10 }) : null;
    practice.rows.journalEntries.push({
      id: newRowId(),
      clientId,
      body: sealField("journalBody", { clientId }, entry.body),
      mood: entry.mood ?? null,
      visibility: entry.isShared ? "shared" : "private",
      sharedEngagementId: entry.isShared ? engagementId : null,
      sharedAt,
      createdAt,
      updatedAt: sharedAt ?? createdAt,
    });
  }
}

// ---------------------------------------------------------------- questionnaires

/**
 * Each questionnaire was asked for before its first answer; answers were
 * given the day before each of the latest sessions (before every session) or
 * a day into each block of weeks back from today (every N weeks), so the next
 * one is open now. Periods are the app's (lib/measures/schedule.ts).
 */
function addMeasures(work: TWork, held: THeldSession[]): void {
  const { practice, story, engagementId, clientId } = work;
  for (const measure of story.measures ?? []) {
    const assignmentId = newRowId();
    const count = measure.answers.length;
    const weeks = measure.intervalWeeks ?? 1;
    const sessions = held.slice(-count);
    const isBeforeSessions = measure.schedule === "before_each_session";
    if (isBeforeSessions && sessions.length < count) throw new Error(`demo ${measure.kind} of ${story.account.email} has more answers than sessions`);
    const assignment = {
      schedule: measure.schedule,
      intervalWeeks: measure.schedule === "every_n_weeks" ? weeks : null,
      createdAt: isBeforeSessions ? later(sessions[0]!.startsAt, { days: -3 }) : later(practice.now, { days: -7 * weeks * count - 1 }),
      stoppedAt: null,
    };
    practice.rows.measureAssignments.push({ id: assignmentId, engagementId, kind: measure.kind, assignedById: practice.therapist.id, ...assignment });

    measure.answers.forEach((answer, index) => {
      const session = isBeforeSessions ? sessions[index]! : null;
      const completedAt = session ? later(session.startsAt, { hours: -20 }) : later(assignment.createdAt, { days: 7 * weeks * index + 1 });
      const period = openPeriod(assignment, completedAt, session);
      if (!period) throw new Error(`demo ${measure.kind} answer ${index} of ${story.account.email} falls outside any period`);
      // An urgent answer would need its flag and the therapist's follow-up; the demo has none.
      if (isSafetyAnswer(measure.kind, answer.items)) throw new Error(`demo ${measure.kind} answer ${index} would raise an urgent flag`);
      practice.rows.measureResponses.push({
        id: newRowId(),
        assignmentId,
        engagementId,
        clientId,
        kind: measure.kind,
        periodKey: period.key,
        answers: sealAnswers({ engagementId, assignmentId, periodKey: period.key }, answer.items),
        difficulty: answer.difficulty,
        total: scoreMeasure(measure.kind, answer.items).total,
        completedAt,
        createdAt: completedAt,
        updatedAt: completedAt,
      });
    });
  }
}

// ---------------------------------------------------------------- notifications

function addNotice(
  work: TWork,
  notice: TNoticeSeed,
  refs: { startedAt: Date; next: { id: string }; homework: THomeworkRef[] },
): void {
  const { practice, story } = work;
  const homework = (index: number) => {
    const ref = refs.homework[index];
    if (!ref) throw new Error(`a demo notice of ${story.account.email} refers to homework ${index}, which does not exist`);
    return ref;
  };
  const recipient = notice.to === "client" ? { id: work.clientId, timeZone: story.timeZone } : practice.therapist;
  const when = notice.when;
  const at =
    when === "started" ? refs.startedAt : "homeworkAssigned" in when ? homework(when.homeworkAssigned).assignedAt : instantOf(when, recipient.timeZone, practice.now);
  const link = notice.link;
  if (typeof link === "object" && notice.kind === "homework_due" && !homework(link.homework).isDueToday) {
    throw new Error(`a demo "due today" notice of ${story.account.email} points at homework that isn't due today`);
  }
  const createdAt = notAfterNow(at, practice.now, { minutes: 10 });
  practice.rows.notifications.push({
    id: newRowId(),
    userId: recipient.id,
    kind: notice.kind,
    title: notice.title,
    linkPath: link === "caseload" ? "/caseload" : link === "next session" ? `/sessions/${refs.next.id}` : `/homework/${homework(link.homework).id}`,
    engagementId: work.engagementId,
    createdAt,
    // Read a couple of hours later.
    readAt: notice.isRead ? notAfterNow(later(createdAt, { hours: 2 }), practice.now, { minutes: 10 }) : null,
  });
}

// ---------------------------------------------------------------- messages

/**
 * The conversation as the app would have left it (server/messages/): the
 * therapist's rules, the messages sealed to their rows, each person's read
 * mark (at the message they read up to, or wrote: writing is reading), and
 * a "New message from …" notice per message for the other person, read
 * when their read mark passed it.
 */
function addConversation(work: TWork): void {
  const { practice, story, engagementId } = work;
  const conversation = story.conversation;
  if (!conversation) return;
  const { rows, now } = practice;
  const fail = (what: string) => new Error(`the demo conversation of ${story.account.email}: ${what}`);
  const clockOf = (by: TAuthor) => (by === "client" ? story.timeZone : practice.therapist.timeZone);
  const nameOf = (by: TAuthor) => (by === "client" ? story.account.name : THERAPIST.account.name);
  const sent: { id: string; at: Date }[] = [];
  conversation.messages.forEach((message, index) => {
    const at = notAfterNow(instantOf(message.when, clockOf(message.by), now), now, { minutes: 5 });
    if (index > 0 && at.getTime() <= sent[index - 1]!.at.getTime()) throw fail(`message ${index} is not after the one before it`);
    const answered = message.replyTo === undefined ? undefined : conversation.messages[message.replyTo];
    if (message.replyTo !== undefined && (!answered || message.replyTo >= index)) throw fail(`message ${index} answers one that isn't before it`);
    if (conversation.mode === "reply_only" && message.by === "client" && answered?.by !== "therapist") {
      throw fail(`message ${index} starts a thread, which a reply-only client can't`);
    }
    const id = newRowId();
    const authorIdOf = authorId(work, message.by);
    rows.messages.push({
      id,
      engagementId,
      authorId: authorIdOf,
      body: sealField("messageBody", { engagementId, authorId: authorIdOf, messageId: id }, message.text),
      replyToId: message.replyTo === undefined ? null : sent[message.replyTo]!.id,
      createdAt: at,
    });
    sent.push({ id, at });
  });
  const first = sent[0];
  if (!first) throw fail("it has no messages");
  rows.conversations.push({ engagementId, mode: conversation.mode, replyTime: conversation.replyTime, updatedAt: later(first.at, { hours: -1 }) });

  const readAt = {} as Record<TAuthor, Date>;
  for (const reader of ["client", "therapist"] as const) {
    const upTo = conversation.readUpTo[reader];
    const last = sent[upTo];
    if (!last) throw fail(`${reader} read up to message ${upTo}, which does not exist`);
    const isOwn = conversation.messages[upTo]!.by === reader;
    // Read a little after it arrived; one's own message is read as it is written.
    readAt[reader] = isOwn ? last.at : notAfterNow(later(last.at, { minutes: 20 }), now, { minutes: 5 });
    const next = sent[upTo + 1];
    if (next && readAt[reader].getTime() >= next.at.getTime()) throw fail(`${reader} read past message ${upTo} before the next one came`);
    rows.conversationReads.push({ engagementId, userId: authorId(work, reader), lastReadAt: readAt[reader] });
  }
  conversation.messages.forEach((message, index) => {
    const recipient: TAuthor = message.by === "client" ? "therapist" : "client";
    const at = sent[index]!.at;
    rows.notifications.push({
      id: newRowId(),
      userId: authorId(work, recipient),
      kind: message.by === "client" ? "message_from_client" : "message_from_therapist",
      title: `New message from ${nameOf(message.by)}`,
      linkPath: `/messages/${engagementId}`,
      engagementId,
      createdAt: at,
      readAt: index <= conversation.readUpTo[recipient] ? readAt[recipient] : null,
    });
  });
}

// ---------------------------------------------------------------- safety plan

/**
 * The plan as the app would have left it (server/safety-plans/): the last
 * version's words on the plan, every version kept and sealed to its row,
 * and the other person's "changed the safety plan" notice for each, read.
 */
function addSafetyPlan(work: TWork): void {
  const { practice, story, engagementId } = work;
  const plan = story.safetyPlan;
  if (!plan) return;
  const { rows, now } = practice;
  const planId = newRowId();
  const saved = plan.versions.map((version) => ({
    ...version,
    at: notAfterNow(instantOf(version.when, version.by === "client" ? story.timeZone : practice.therapist.timeZone, now), now, { minutes: 5 }),
  }));
  const last = saved.at(-1);
  if (!last) throw new Error(`the demo safety plan of ${story.account.email} has no versions`);
  rows.safetyPlans.push({
    id: planId,
    engagementId,
    content: sealPlanContent({ engagementId, planId }, last.content),
    version: saved.length,
    updatedById: authorId(work, last.by),
    updatedAt: last.at,
    createdAt: saved[0]!.at,
  });
  saved.forEach((version, index) => {
    const versionId = newRowId();
    rows.safetyPlanVersions.push({
      id: versionId,
      planId,
      version: index + 1,
      content: sealVersionContent({ planId, versionId }, version.content),
      authorId: authorId(work, version.by),
      createdAt: version.at,
    });
    const isClient = version.by === "client";
    rows.notifications.push({
      id: newRowId(),
      userId: authorId(work, isClient ? "therapist" : "client"),
      kind: isClient ? "safety_plan_updated_by_client" : "safety_plan_updated_by_therapist",
      title: isClient ? `${story.account.name} changed their safety plan` : `${THERAPIST.account.name} changed your safety plan`,
      linkPath: `/engagements/${engagementId}/safety-plan`,
      engagementId,
      createdAt: version.at,
      readAt: notAfterNow(later(version.at, { hours: 2 }), now, { minutes: 10 }),
    });
  });
}

// ---------------------------------------------------------------- earlier work

function addEndedWork(practice: TPractice, story: TClientStory, clientId: string, ended: TEndedStory): void {
  const { rows, now } = practice;
  const at = (daysAgo: number) => instantOf({ daysAgo }, story.timeZone, now);
  const therapistId = addUser(rows, practice.passwordHash, ended.therapist, now);
  const engagementId = newRowId();
  const startedAt = at(ended.startedDaysAgo);
  const endedAt = at(ended.endedDaysAgo);
  rows.engagements.push({
    id: engagementId,
    therapistId,
    clientId,
    status: "ended",
    startedAt,
    endedAt,
    endedById: therapistId,
    createdAt: later(startedAt, { days: -3 }),
    updatedAt: endedAt,
  });

  const { goal } = ended;
  const goalId = newRowId();
  const createdAt = at(goal.createdDaysAgo);
  const achievedAt = at(goal.achieved.daysAgo);
  rows.goals.push({
    id: goalId,
    engagementId,
    ...sealGoalText({ engagementId, goalId }, goal),
    status: "achieved",
    position: 0,
    createdById: therapistId,
    version: 2,
    createdAt,
    updatedAt: achievedAt,
  });
  const changeId = newRowId();
  rows.goalStatusChanges.push(
    { id: newRowId(), goalId, fromStatus: null, toStatus: "active", changedById: therapistId, createdAt },
    {
      id: changeId,
      goalId,
      fromStatus: "active",
      toStatus: "achieved",
      note: sealStatusNote(goalId, changeId, goal.achieved.note),
      changedById: clientId,
      createdAt: achievedAt,
    },
  );
  goal.steps.forEach((step, position) => {
    const stepId = newRowId();
    rows.goalSteps.push({
      id: stepId,
      goalId,
      text: sealStepText(goalId, stepId, step.text),
      position,
      doneAt: at(step.doneDaysAgo),
      doneById: clientId,
      createdById: therapistId,
      createdAt,
    });
  });
  for (const rating of goal.ratings) {
    const ratedAt = at(rating.daysAgo);
    const pair = [
      { authorId: clientId, authorRole: "client" as const, value: rating.client, createdAt: ratedAt },
      { authorId: therapistId, authorRole: "therapist" as const, value: rating.therapist, createdAt: later(ratedAt, { minutes: 5 }) },
    ];
    for (const row of pair) {
      const ratingId = newRowId();
      rows.goalRatings.push({ id: ratingId, goalId, ...row, note: sealRatingNote(goalId, ratingId, "") });
    }
  }
}
