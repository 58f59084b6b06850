// A goal's words as stored (sealed, server/crypto/sealed-fields.ts) and as
// people read them. A goal's title, description and reasons are bound to the
// goal and its engagement; a step's text and the notes on status changes and
// ratings to their own row and their goal. Shared by the domain code, the
// exports and the seeds, so every path seals and opens the same way.
import { openField, sealField } from "../crypto/sealed-fields";

export type TGoalOwner = { engagementId: string; goalId: string };
type TGoalText = { title: string; description: string; whyItMatters: string };

export function sealGoalText(owner: TGoalOwner, text: TGoalText): TGoalText {
  return {
    title: sealField("goalTitle", owner, text.title),
    description: sealField("goalDescription", owner, text.description),
    whyItMatters: sealField("goalWhyItMatters", owner, text.whyItMatters),
  };
}

/** The row with its title, description and reasons opened; any other field is kept. */
export function openGoalText<T extends Partial<TGoalText>>(owner: TGoalOwner, row: T): T {
  const opened = { ...row };
  if (row.title !== undefined) opened.title = openField("goalTitle", owner, row.title);
  if (row.description !== undefined) opened.description = openField("goalDescription", owner, row.description);
  if (row.whyItMatters !== undefined) opened.whyItMatters = openField("goalWhyItMatters", owner, row.whyItMatters);
  return opened;
}

export function openGoalTitle(owner: TGoalOwner, title: string): string {
  return openField("goalTitle", owner, title);
}

export function sealStepText(goalId: string, stepId: string, text: string): string {
  return sealField("goalStepText", { goalId, stepId }, text);
}

export function openStepText(goalId: string, step: { id: string; text: string }): string {
  return openField("goalStepText", { goalId, stepId: step.id }, step.text);
}

export function sealStatusNote(goalId: string, changeId: string, note: string): string {
  return sealField("goalStatusNote", { goalId, changeId }, note);
}

export function openStatusNote(goalId: string, change: { id: string; note: string }): string {
  return openField("goalStatusNote", { goalId, changeId: change.id }, change.note);
}

export function sealRatingNote(goalId: string, ratingId: string, note: string): string {
  return sealField("goalRatingNote", { goalId, ratingId }, note);
}

export function openRatingNote(goalId: string, rating: { id: string; note: string }): string {
  return openField("goalRatingNote", { goalId, ratingId: rating.id }, rating.note);
}
