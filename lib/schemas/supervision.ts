// Inputs for supervision with the client's consent (issue 29): a supervisor
// asks, the client answers or withdraws, the clinician shares a private note.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";

export const SUPERVISION_REASON_MAX = 600;
export const SUPERVISION_WEEKS_MIN = 1;
export const SUPERVISION_WEEKS_MAX = 12;

export const ZSupervisionRequestRefSchema = z.object({ requestId: z.uuid("That link isn't valid.") });

export const ZAskSupervisionSchema = z
  .object({
    engagementId: z.uuid("Choose a client from the list."),
    reason: z
      .string()
      .trim()
      .min(10, "Say in a sentence or two why you'd like to see their records: the client reads it.")
      .max(SUPERVISION_REASON_MAX, `Keep it under ${SUPERVISION_REASON_MAX} characters.`)
      .refine(hasNoNul, NUL_MESSAGE),
    weeks: z
      .number("Choose for how long.")
      .int("Choose a whole number of weeks.")
      .min(SUPERVISION_WEEKS_MIN, `At least ${SUPERVISION_WEEKS_MIN} week.`)
      .max(SUPERVISION_WEEKS_MAX, `At most ${SUPERVISION_WEEKS_MAX} weeks.`),
  })
  .strict();
export type TAskSupervision = z.output<typeof ZAskSupervisionSchema>;

export const ZAnswerSupervisionSchema = ZSupervisionRequestRefSchema.extend({
  answer: z.enum(["agree", "refuse"], "Choose whether you agree."),
}).strict();

export const ZSupervisionRequestSchema = ZSupervisionRequestRefSchema.strict();

export const ZShareNoteForSupervisionSchema = z
  .object({
    sessionId: z.uuid("That link isn't valid."),
    isShared: z.boolean("Choose whether to share it."),
  })
  .strict();
