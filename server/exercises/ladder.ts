// An exposure ladder (issue 23): situations the client and therapist rank by
// the anxiety each is expected to bring, and how practising them has gone.
//
// INVARIANTS
// - A ladder belongs to one engagement; either of its two people adds,
//   changes and removes steps while it is active (the procedures load the
//   engagement or the step through its engagement first).
// - Steps are read lowest expected anxiety first: the order they are climbed.
// - At most MAX_LADDER_STEPS steps; a step's words are sealed.
// - Progress comes from SENT exercise entries only (never a draft): each entry
//   that names a step adds a practice with its anxiety before, at the peak
//   and after, when it gave them.
// - Removing a step keeps the entries that named it; they read "a step no
//   longer on the ladder".
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, notFound } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import { newRowId } from "../db/ids";
import { engagementWhereForUser } from "../engagements/access";
import { MAX_LADDER_STEPS, type TLadderStepFields } from "../../lib/schemas/exercise";
import type { TAnswers } from "../../lib/exercises/form-definition";
import { formOpener, openEntryAnswers } from "./sealing";

const STEP_CONTEXT_SELECT = { id: true, engagement: { select: { id: true, status: true, therapistId: true, clientId: true } } } as const;
export type TLadderStepContext = Prisma.LadderStepGetPayload<{ select: typeof STEP_CONTEXT_SELECT }>;

export async function findLadderStepForUser(db: TDb, user: TSessionUser, stepId: string): Promise<TLadderStepContext> {
  const step = await db.ladderStep.findFirst({ where: { id: stepId, engagement: engagementWhereForUser(user) }, select: STEP_CONTEXT_SELECT });
  if (!step) throw notFound("That step");
  return step;
}

const STEP_SELECT = { id: true, engagementId: true, text: true, expectedAnxiety: true, createdAt: true } as const;
type TStepRow = Prisma.LadderStepGetPayload<{ select: typeof STEP_SELECT }>;

function openStep(row: TStepRow) {
  return { id: row.id, text: openField("ladderStepText", { engagementId: row.engagementId, stepId: row.id }, row.text), expectedAnxiety: row.expectedAnxiety };
}

/** The ladder, lowest expected anxiety first. */
export async function ladderStepsOf(db: TDb, engagementId: string) {
  const rows = await db.ladderStep.findMany({
    where: { engagementId },
    orderBy: [{ expectedAnxiety: "asc" }, { createdAt: "asc" }],
    take: MAX_LADDER_STEPS,
    select: STEP_SELECT,
  });
  return rows.map(openStep);
}

export async function addLadderStep(db: TDb, user: TSessionUser, engagementId: string, input: TLadderStepFields) {
  const count = await db.ladderStep.count({ where: { engagementId } });
  if (count >= MAX_LADDER_STEPS) throw new AppError("BAD_REQUEST", `A ladder can have up to ${MAX_LADDER_STEPS} steps.`, { text: [`A ladder can have up to ${MAX_LADDER_STEPS} steps.`] });
  const id = newRowId();
  await db.ladderStep.create({
    data: { id, engagementId, createdById: user.id, text: sealField("ladderStepText", { engagementId, stepId: id }, input.text), expectedAnxiety: input.expectedAnxiety },
    select: { id: true },
  });
  return { id };
}

export async function updateLadderStep(db: TDb, step: TLadderStepContext, input: TLadderStepFields): Promise<void> {
  const updated = await db.ladderStep.updateMany({
    where: { id: step.id },
    data: { text: sealField("ladderStepText", { engagementId: step.engagement.id, stepId: step.id }, input.text), expectedAnxiety: input.expectedAnxiety },
  });
  if (updated.count !== 1) throw notFound("That step");
}

export async function removeLadderStep(db: TDb, step: TLadderStepContext): Promise<void> {
  const removed = await db.ladderStep.deleteMany({ where: { id: step.id } });
  if (removed.count !== 1) throw notFound("That step");
}

/** How many sent entries (the newest this many) the ladder's progress reads. */
export const LADDER_PROGRESS_ENTRIES = 500;

type TPractice = { sentAt: Date; before: number | null; peak: number | null; after: number | null };

function numberAt(answers: TAnswers, key: string): number | null {
  const value = answers[key];
  return typeof value === "number" ? value : null;
}

/** Each step with its practices, newest first, from sent entries whose form asks for a step. */
export async function ladderProgress(db: TDb, engagementId: string) {
  const [steps, entries] = await Promise.all([
    ladderStepsOf(db, engagementId),
    db.exerciseEntry.findMany({
      where: { engagementId, sentAt: { not: null } },
      orderBy: { sentAt: "desc" },
      take: LADDER_PROGRESS_ENTRIES,
      select: { occurrenceId: true, formId: true, answers: true, sentAt: true, form: { select: { id: true, definition: true } } },
    }),
  ]);
  const formOf = formOpener();
  const practices = new Map<string, TPractice[]>();
  for (const entry of entries) {
    const stepField = formOf(entry.form).fields.find((field) => field.type === "ladder_step");
    if (!stepField) continue;
    const answers = openEntryAnswers(entry);
    const stepId = answers[stepField.key];
    if (typeof stepId !== "string") continue;
    const list = practices.get(stepId) ?? [];
    list.push({ sentAt: entry.sentAt!, before: numberAt(answers, "anxiety_before"), peak: numberAt(answers, "anxiety_peak"), after: numberAt(answers, "anxiety_after") });
    practices.set(stepId, list);
  }
  return steps.map((step) => ({ ...step, practices: practices.get(step.id) ?? [] }));
}
