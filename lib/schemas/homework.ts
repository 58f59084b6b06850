// Input schemas for homework: templates, assignments, completions, replies.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";
import { HOMEWORK_KINDS, HOMEWORK_SCHEDULES, COMPLETION_STATUSES } from "../constants/homework";
export { HOMEWORK_KINDS, HOMEWORK_SCHEDULES, COMPLETION_STATUSES, KIND_LABELS, COMPLETION_LABELS } from "../constants/homework";

const ZTitle = z
  .string()
  .trim()
  .min(1, "Give it a short title.")
  .max(200, "Keep the title under 200 characters.")
  .refine(hasNoNul, NUL_MESSAGE);
const ZInstructions = z
  .string()
  .trim()
  .min(1, "Write what to do.")
  .max(8000, "Keep the instructions under 8,000 characters.")
  .refine(hasNoNul, NUL_MESSAGE);
const ZDay = z.iso.date("Use a date like 2026-12-31.");
const ZOptionalDay = z.union([z.literal(""), ZDay]).optional();
/** Form fields arrive as strings; empty means "not given". */
const ZOptionalCount = (min: number, max: number, message: string) =>
  z.union([z.literal(""), z.coerce.number().int(message).min(min, message).max(max, message)]).optional();

const ZTemplateFields = {
  title: ZTitle,
  instructions: ZInstructions,
  kind: z.enum(HOMEWORK_KINDS, "Choose what kind of homework this is."),
  schedule: z.enum(HOMEWORK_SCHEDULES, "Choose how often."),
  durationDays: ZOptionalCount(1, 84, "Use 1 to 84 days."),
  timesPerWeek: ZOptionalCount(1, 7, "Use 1 to 7 times a week."),
};

export const ZTemplateRefSchema = z.object({ templateId: z.uuid() });
export const ZCreateTemplateSchema = z.object(ZTemplateFields).strict();
export type TCreateTemplate = z.infer<typeof ZCreateTemplateSchema>;
export const ZUpdateTemplateSchema = ZTemplateRefSchema.extend(ZTemplateFields).strict();
export type TUpdateTemplate = z.infer<typeof ZUpdateTemplateSchema>;

/**
 * Assigning homework: a due date ("once"), every day for N days, or N times
 * a week for W weeks. Starts on the client's today unless a start is given.
 */
export const ZAssignHomeworkSchema = z
  .object({
    engagementId: z.uuid(),
    templateId: z.union([z.literal(""), z.uuid()]).optional(),
    goalId: z.union([z.literal(""), z.uuid()]).optional(),
    title: ZTitle,
    instructions: ZInstructions,
    kind: z.enum(HOMEWORK_KINDS, "Choose what kind of homework this is."),
    schedule: z.enum(HOMEWORK_SCHEDULES, "Choose how often."),
    startsOn: ZOptionalDay,
    dueOn: ZOptionalDay,
    days: ZOptionalCount(1, 60, "Use 1 to 60 days."),
    weeks: ZOptionalCount(1, 12, "Use 1 to 12 weeks."),
    timesPerWeek: ZOptionalCount(1, 7, "Use 1 to 7 times a week."),
  })
  .strict()
  .superRefine((value, context) => {
    const need = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (value.schedule === "once" && !value.dueOn) need("dueOn", "Choose when it's due.");
    if (value.schedule === "daily" && !value.days) need("days", "Say for how many days.");
    if (value.schedule === "weekly") {
      if (!value.weeks) need("weeks", "Say for how many weeks.");
      if (!value.timesPerWeek) need("timesPerWeek", "Say how many times a week.");
    }
  });
export type TAssignHomework = z.infer<typeof ZAssignHomeworkSchema>;

export const ZAssignmentRefSchema = z.object({ assignmentId: z.uuid() });
export const ZUpdateAssignmentSchema = ZAssignmentRefSchema.extend({
  title: ZTitle,
  instructions: ZInstructions,
  goalId: z.union([z.literal(""), z.uuid()]).optional(),
}).strict();
export type TUpdateAssignment = z.infer<typeof ZUpdateAssignmentSchema>;

export const ZOccurrenceRefSchema = z.object({ occurrenceId: z.uuid() });
const ZSmallScale = z.union([z.literal(""), z.coerce.number().int().min(0, "Choose 0 to 4.").max(4, "Choose 0 to 4.")]).optional();
export const ZCompleteOccurrenceSchema = ZOccurrenceRefSchema.extend({
  status: z.enum(COMPLETION_STATUSES, "Say how it went."),
  response: z.string().trim().max(8000, "Keep this under 8,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
  difficulty: ZSmallScale,
  helpfulness: ZSmallScale,
  obstacle: z.string().trim().max(2000, "Keep this under 2,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
  /** "Tell me how it went": the client's voice memo for this day (a draft of theirs until now). */
  voiceMemoId: z.uuid("That recording link isn't valid.").optional(),
}).strict();
export type TCompleteOccurrence = z.infer<typeof ZCompleteOccurrenceSchema>;

export const ZReplySchema = ZOccurrenceRefSchema.extend({
  feedback: z
    .string()
    .trim()
    .min(1, "Write a short reply.")
    .max(4000, "Keep the reply under 4,000 characters.")
    .refine(hasNoNul, NUL_MESSAGE),
}).strict();
