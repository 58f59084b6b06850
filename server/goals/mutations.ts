// Changing shared goals. Either party may change anything: goals are co-owned.
//
// INVARIANTS
// - Edits to a goal's wording, status or step order carry the version they
//   were made from; a stale version is a CONFLICT and changes nothing
//   (docs/house-style.md, H9). Every such change bumps the version.
// - Multi-row writes (goal + steps, status + history) are one transaction.
// - Ratings are never updated or deleted: history is kept.
// - A rating submitted twice with the same idempotency key is recorded once.
// - Every word written is sealed (./sealing.ts); rows whose text is bound to
//   their own id get that id before the insert (server/db/ids.ts).
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, notFound } from "../errors";
import type { TCreateGoal, TRateGoal, TSetGoalStatus, TUpdateGoal } from "../../lib/schemas/goal";
import { MAX_STEPS_PER_GOAL } from "../../lib/schemas/goal";
import type { TGoalContext } from "./access";
import { newRowId } from "../db/ids";
import { openRatingNote, sealGoalText, sealRatingNote, sealStatusNote, sealStepText } from "./sealing";
import { now as clockNow } from "../clock";

const STALE =
  "Someone else changed this goal while you were editing it. The latest version is shown now; your changes weren't saved.";

function toDate(day: string | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00.000Z`) : null;
}

export async function createGoal(db: TDb, user: TSessionUser, input: TCreateGoal): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const last = await tx.goal.findFirst({
      where: { engagementId: input.engagementId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const id = newRowId();
    const goal = await tx.goal.create({
      data: {
        id,
        engagementId: input.engagementId,
        ...sealGoalText({ engagementId: input.engagementId, goalId: id }, input),
        targetDate: toDate(input.targetDate),
        position: (last?.position ?? -1) + 1,
        createdById: user.id,
        steps: {
          create: input.steps.map((text, position) => {
            const stepId = newRowId();
            return { id: stepId, text: sealStepText(id, stepId, text), position, createdById: user.id };
          }),
        },
        statusChanges: { create: { fromStatus: null, toStatus: "active", changedById: user.id } },
      },
      select: { id: true },
    });
    return goal;
  });
}

export async function updateGoal(db: TDb, goal: TGoalContext, input: TUpdateGoal): Promise<{ version: number }> {
  const updated = await db.goal.updateMany({
    where: { id: goal.id, version: input.version },
    data: {
      ...sealGoalText({ engagementId: goal.engagement.id, goalId: goal.id }, input),
      targetDate: toDate(input.targetDate),
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", STALE);
  return { version: input.version + 1 };
}

export async function setGoalStatus(
  db: TDb,
  user: TSessionUser,
  goal: TGoalContext,
  input: TSetGoalStatus,
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const current = await tx.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { status: true } });
    const updated = await tx.goal.updateMany({
      where: { id: goal.id, version: input.version },
      data: { status: input.status, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", STALE);
    const changeId = newRowId();
    await tx.goalStatusChange.create({
      data: {
        id: changeId,
        goalId: goal.id,
        fromStatus: current.status,
        toStatus: input.status,
        note: sealStatusNote(goal.id, changeId, input.note),
        changedById: user.id,
      },
      select: { id: true },
    });
    return { version: input.version + 1 };
  });
}

export async function rateGoal(db: TDb, user: TSessionUser, goal: TGoalContext, input: TRateGoal) {
  const select = { id: true, value: true, note: true, authorRole: true, createdAt: true } as const;
  const id = newRowId();
  // A retry carrying the same idempotency key inserts nothing (ON CONFLICT DO NOTHING) and reads the first.
  await db.goalRating.createMany({
    data: [
      {
        id,
        goalId: goal.id,
        authorId: user.id,
        authorRole: user.role,
        value: input.value,
        note: sealRatingNote(goal.id, id, input.note),
        idempotencyKey: input.idempotencyKey ?? null,
      },
    ],
    skipDuplicates: true,
  });
  const rating = await db.goalRating.findFirstOrThrow({
    where: input.idempotencyKey ? { authorId: user.id, idempotencyKey: input.idempotencyKey, goalId: goal.id } : { id },
    select,
  });
  return { ...rating, note: openRatingNote(goal.id, rating) };
}

export async function addStep(db: TDb, user: TSessionUser, goal: TGoalContext, text: string): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const steps = await tx.goalStep.findMany({ where: { goalId: goal.id }, select: { position: true } });
    if (steps.length >= MAX_STEPS_PER_GOAL) {
      throw new AppError("BAD_REQUEST", `A goal can have up to ${MAX_STEPS_PER_GOAL} steps.`, {
        text: [`A goal can have up to ${MAX_STEPS_PER_GOAL} steps.`],
      });
    }
    const position = Math.max(-1, ...steps.map((step) => step.position)) + 1;
    const id = newRowId();
    return tx.goalStep.create({
      data: { id, goalId: goal.id, text: sealStepText(goal.id, id, text), position, createdById: user.id },
      select: { id: true },
    });
  });
}

export async function setStepDone(db: TDb, user: TSessionUser, goal: TGoalContext, stepId: string, isDone: boolean) {
  const updated = await db.goalStep.updateMany({
    where: { id: stepId, goalId: goal.id },
    data: isDone ? { doneAt: clockNow(), doneById: user.id } : { doneAt: null, doneById: null },
  });
  if (updated.count !== 1) throw notFound("That step");
}

export async function removeStep(db: TDb, goal: TGoalContext, stepId: string) {
  const removed = await db.goalStep.deleteMany({ where: { id: stepId, goalId: goal.id } });
  if (removed.count !== 1) throw notFound("That step");
}

/** The new order must name every step of the goal exactly once. */
export async function reorderSteps(
  db: TDb,
  goal: TGoalContext,
  input: { version: number; stepIds: string[] },
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const steps = await tx.goalStep.findMany({ where: { goalId: goal.id }, select: { id: true } });
    const known = new Set(steps.map((step) => step.id));
    const isPermutation =
      input.stepIds.length === known.size && new Set(input.stepIds).size === known.size && input.stepIds.every((id) => known.has(id));
    if (!isPermutation) throw new AppError("BAD_REQUEST", "The steps changed while you were moving them. Please try again.");
    const bumped = await tx.goal.updateMany({
      where: { id: goal.id, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count !== 1) throw new AppError("CONFLICT", STALE);
    await Promise.all(
      input.stepIds.map((id, position) => tx.goalStep.update({ where: { id }, data: { position }, select: { id: true } })),
    );
    return { version: input.version + 1 };
  });
}
