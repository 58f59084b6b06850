// Input schemas for shared goals, used by the forms and the procedures alike.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE, ZVersionSchema } from "./common";
import { GOAL_STATUSES } from "../constants/goal";
export { GOAL_STATUSES, STATUS_LABELS } from "../constants/goal";

export const MAX_STEPS_PER_GOAL = 30;

const ZGoalText = {
  title: z.string().trim().min(1, "Give the goal a short title.").max(200, "Keep the title under 200 characters.").refine(hasNoNul, NUL_MESSAGE),
  description: z.string().trim().max(4000, "Keep this under 4,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
  whyItMatters: z.string().trim().max(4000, "Keep this under 4,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
  /** "" or absent: no target date. */
  targetDate: z.union([z.literal(""), z.iso.date("Use a date like 2026-12-31.")]).optional(),
};

const ZStepText = z
  .string()
  .trim()
  .min(1, "Write the step in a few words.")
  .max(500, "Keep a step under 500 characters.")
  .refine(hasNoNul, NUL_MESSAGE);

export const ZGoalRefSchema = z.object({ goalId: z.uuid("That link isn't valid.") });

export const ZCreateGoalSchema = z
  .object({
    engagementId: z.uuid(),
    ...ZGoalText,
    steps: z.array(ZStepText).max(MAX_STEPS_PER_GOAL, `A goal can have up to ${MAX_STEPS_PER_GOAL} steps.`).default([]),
  })
  .strict();
export type TCreateGoal = z.infer<typeof ZCreateGoalSchema>;

export const ZUpdateGoalSchema = ZGoalRefSchema.extend({ version: ZVersionSchema, ...ZGoalText }).strict();
export type TUpdateGoal = z.infer<typeof ZUpdateGoalSchema>;

export const ZSetGoalStatusSchema = ZGoalRefSchema.extend({
  version: ZVersionSchema,
  status: z.enum(GOAL_STATUSES, "Choose one of the statuses."),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
}).strict();
export type TSetGoalStatus = z.infer<typeof ZSetGoalStatusSchema>;

export const ZRateGoalSchema = ZGoalRefSchema.extend({
  value: z
    .number({ error: "Choose a number from 0 to 10." })
    .int("Choose a whole number from 0 to 10.")
    .min(0, "Choose a number from 0 to 10.")
    .max(10, "Choose a number from 0 to 10."),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
  /** Made once per form submission, so a double click or retry records one rating. */
  idempotencyKey: z.uuid().optional(),
}).strict();
export type TRateGoal = z.infer<typeof ZRateGoalSchema>;

export const ZAddStepSchema = ZGoalRefSchema.extend({ text: ZStepText }).strict();
export const ZStepRefSchema = ZGoalRefSchema.extend({ stepId: z.uuid() }).strict();
export const ZSetStepDoneSchema = ZGoalRefSchema.extend({ stepId: z.uuid(), isDone: z.boolean() }).strict();
export const ZReorderStepsSchema = ZGoalRefSchema.extend({
  version: ZVersionSchema,
  stepIds: z.array(z.uuid()).max(MAX_STEPS_PER_GOAL),
}).strict();

