// Assigning homework and changing it afterwards.
//
// INVARIANTS
// - Only the engagement's therapist assigns, edits or cancels (the router
//   uses therapist-only procedures); the engagement must be active.
// - Occurrence dates are computed in the CLIENT's time zone
//   (lib/homework/schedule.ts) and stored as calendar dates.
// - The assignment and all its occurrences are written in one transaction.
// - Cancelling keeps every occurrence the client already recorded; only
//   open occurrences from today on are removed.
// - An exercise template's newest form version is given with it and kept
//   until the therapist moves the assignment on (moveToNewestForm).
// - Title and instructions are sealed under the assignment (./sealing.ts),
//   whether typed or taken from a template: the form sends the words.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, fieldError } from "../errors";
import type { TEngagementContext } from "../engagements/access";
import type { TAssignHomework, TUpdateAssignment } from "../../lib/schemas/homework";
import { localDateToDb, occurrencesFor, scheduleEndsOn, type TScheduleInput } from "../../lib/homework/schedule";
import { clientToday } from "./client-day";
import { findTemplateForTherapist, type TAssignmentContext } from "./access";
import { now as clockNow } from "../clock";
import { notify } from "../notifications/notify";
import { newRowId } from "../db/ids";
import { sealAssignmentText } from "./sealing";
import { newestVersionOf } from "../exercises/forms";

function scheduleFrom(input: TAssignHomework, startsOn: string): TScheduleInput {
  if (input.schedule === "once") return { schedule: "once", startsOn, dueOn: input.dueOn || startsOn };
  if (input.schedule === "daily") return { schedule: "daily", startsOn, days: Number(input.days) };
  return { schedule: "weekly", startsOn, weeks: Number(input.weeks), timesPerWeek: Number(input.timesPerWeek) };
}

async function assertGoalOfEngagement(db: TDb, engagementId: string, goalId: string | undefined): Promise<string | null> {
  if (!goalId) return null;
  const goal = await db.goal.findFirst({ where: { id: goalId, engagementId }, select: { id: true } });
  if (!goal) throw fieldError("goalId", "Choose one of this client's goals.");
  return goal.id;
}

export async function assignHomework(
  db: TDb,
  therapist: TSessionUser,
  engagement: TEngagementContext,
  input: TAssignHomework,
  now = clockNow(),
): Promise<{ id: string }> {
  const startsOn = input.startsOn || (await clientToday(db, engagement.clientId, now));
  const schedule = scheduleFrom(input, startsOn);
  let dates: ReturnType<typeof occurrencesFor>;
  try {
    dates = occurrencesFor(schedule);
  } catch (error) {
    if (error instanceof RangeError) throw fieldError(input.schedule === "once" ? "dueOn" : "startsOn", error.message);
    throw error;
  }
  const goalId = await assertGoalOfEngagement(db, engagement.id, input.goalId);
  const templateId = input.templateId ? (await findTemplateForTherapist(db, therapist, input.templateId)).id : null;
  // An exercise template's newest form version goes with it; the assignment keeps that version (server/exercises/forms.ts).
  const form = templateId ? await newestVersionOf(db, templateId) : null;

  const id = newRowId();
  return db.$transaction(async (tx) => {
    const assignment = await tx.homeworkAssignment.create({
      data: {
        id,
        engagementId: engagement.id,
        assignedById: therapist.id,
        templateId,
        goalId,
        formId: form?.id ?? null,
        ...sealAssignmentText({ engagementId: engagement.id, assignmentId: id }, input),
        kind: input.kind,
        schedule: input.schedule,
        startsOn: localDateToDb(startsOn),
        endsOn: localDateToDb(scheduleEndsOn(schedule)),
        timesPerWeek: schedule.schedule === "weekly" ? schedule.timesPerWeek : null,
        occurrences: {
          createMany: {
            data: dates.map((date) => ({ opensOn: localDateToDb(date.opensOn), dueOn: localDateToDb(date.dueOn) })),
          },
        },
      },
      select: { id: true },
    });
    if (engagement.clientId) {
      await notify(tx, {
        userId: engagement.clientId,
        kind: "homework_assigned",
        title: `New homework from ${therapist.name}`,
        linkPath: `/homework/${assignment.id}`,
        engagementId: engagement.id,
      });
    }
    return assignment;
  });
}

function assertActive(assignment: TAssignmentContext): void {
  if (assignment.status !== "active") throw new AppError("BAD_REQUEST", "This homework was cancelled, so it can't be changed.");
}

export async function updateAssignment(db: TDb, assignment: TAssignmentContext, input: TUpdateAssignment): Promise<void> {
  assertActive(assignment);
  const goalId = await assertGoalOfEngagement(db, assignment.engagement.id, input.goalId);
  await db.homeworkAssignment.update({
    where: { id: assignment.id },
    data: { ...sealAssignmentText({ engagementId: assignment.engagement.id, assignmentId: assignment.id }, input), goalId },
    select: { id: true },
  });
}

/**
 * Moves an exercise assignment on to its template's newest form version.
 * Entries already sent, and a draft already started, keep the version they
 * answered; new ones take this one.
 */
export async function moveToNewestForm(db: TDb, assignment: TAssignmentContext): Promise<{ version: number }> {
  assertActive(assignment);
  const newest = assignment.templateId
    ? await newestVersionOf(db, assignment.templateId)
    : null;
  if (!newest || !assignment.formId) throw new AppError("BAD_REQUEST", "This homework has no newer exercise form to move to.");
  if (newest.id === assignment.formId) throw new AppError("BAD_REQUEST", "This homework already uses the newest version of its form.");
  await db.homeworkAssignment.update({ where: { id: assignment.id }, data: { formId: newest.id }, select: { id: true } });
  return { version: newest.version };
}

export async function cancelAssignment(db: TDb, assignment: TAssignmentContext, now = clockNow()): Promise<void> {
  assertActive(assignment);
  const today = await clientToday(db, assignment.engagement.clientId, now);
  await db.$transaction([
    db.homeworkOccurrence.deleteMany({
      where: { assignmentId: assignment.id, completion: null, dueOn: { gte: localDateToDb(today) } },
    }),
    db.homeworkAssignment.update({
      where: { id: assignment.id },
      data: { status: "cancelled", cancelledAt: now },
      select: { id: true },
    }),
  ]);
}
