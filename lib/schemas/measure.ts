// Input schemas for standard measures (PHQ-9, GAD-7): the forms and the
// procedures validate with the same objects. Whether a set of answers is
// complete depends on the measure, which the server knows from the
// assignment (completenessErrors in lib/measures/instruments.ts).
import { z } from "zod";
import { answerErrors, MEASURE_KINDS, type TMeasureKind } from "../measures/instruments";
import { MAX_INTERVAL_WEEKS } from "../measures/schedule";
import { OFF_TRACK_ITEM_KEYS, OFF_TRACK_NOTE_MAX } from "../measures/off-track";
import { hasNoNul, NUL_MESSAGE } from "./common";

export const MEASURE_SCHEDULES = ["once", "before_each_session", "every_n_weeks"] as const;

export const ZMeasureRefSchema = z.object({ measureId: z.uuid("That link isn't valid.") });

export const ZAssignMeasureSchema = z
  .object({
    engagementId: z.uuid(),
    kind: z.enum(MEASURE_KINDS, "Choose a questionnaire."),
    schedule: z.enum(MEASURE_SCHEDULES, "Choose how often."),
    intervalWeeks: z.coerce
      .number({ error: `Choose a number of weeks from 1 to ${MAX_INTERVAL_WEEKS}.` })
      .int(`Choose a whole number of weeks from 1 to ${MAX_INTERVAL_WEEKS}.`)
      .min(1, `Choose a number of weeks from 1 to ${MAX_INTERVAL_WEEKS}.`)
      .max(MAX_INTERVAL_WEEKS, `Choose a number of weeks from 1 to ${MAX_INTERVAL_WEEKS}.`)
      .optional(),
  })
  .strict()
  .refine((input) => input.schedule !== "every_n_weeks" || input.intervalWeeks !== undefined, {
    path: ["intervalWeeks"],
    message: `Choose a number of weeks from 1 to ${MAX_INTERVAL_WEEKS}.`,
  });
export type TAssignMeasure = z.infer<typeof ZAssignMeasureSchema>;

const ZAnswer = z
  .number({ error: "Choose one of the answers." })
  .int("Choose one of the answers.")
  .min(0, "Choose one of the answers.")
  .max(3, "Choose one of the answers.")
  .nullable()
  .optional();

/** A draft or a finished set of answers: q1 … q9 and the difficulty question, each 0–3. */
export const ZMeasureAnswersSchema = ZMeasureRefSchema.extend({
  q1: ZAnswer,
  q2: ZAnswer,
  q3: ZAnswer,
  q4: ZAnswer,
  q5: ZAnswer,
  q6: ZAnswer,
  q7: ZAnswer,
  q8: ZAnswer,
  q9: ZAnswer,
  difficulty: ZAnswer,
  /** Made by the browser when sending: the same submit sent twice (a retry, the offline outbox) is recorded once. */
  idempotencyKey: z.uuid().optional(),
}).strict();
export type TMeasureAnswersInput = z.infer<typeof ZMeasureAnswersSchema>;

export const ZAcknowledgeFlagSchema = z.object({ engagementId: z.uuid(), flagId: z.uuid("That link isn't valid.") }).strict();

/** The therapist's review of an off-track warning: the items thought through and a short note. */
export const ZOffTrackReviewSchema = z
  .object({
    engagementId: z.uuid(),
    kind: z.enum(MEASURE_KINDS, "Choose a questionnaire."),
    items: z.array(z.enum(OFF_TRACK_ITEM_KEYS, "Choose from the list.")).max(OFF_TRACK_ITEM_KEYS.length).default([]),
    note: z
      .string()
      .trim()
      .max(OFF_TRACK_NOTE_MAX, `Keep the note under ${OFF_TRACK_NOTE_MAX.toLocaleString("en")} characters.`)
      .refine(hasNoNul, NUL_MESSAGE)
      .default(""),
  })
  .strict()
  .refine((input) => input.items.length > 0 || input.note !== "", { path: ["items"], message: "Tick an item or write a few words." });
export type TOffTrackReview = z.infer<typeof ZOffTrackReviewSchema>;

/** "About our work together" onto the next session's agenda, because this measure is off track. */
export const ZOffTrackAgendaSchema = z
  .object({ engagementId: z.uuid(), kind: z.enum(MEASURE_KINDS, "Choose a questionnaire."), idempotencyKey: z.uuid().optional() })
  .strict();

/** The finished answers for one measure: as ZMeasureAnswersSchema, and complete (answerErrors), by field. */
export function submitSchemaFor(kind: TMeasureKind) {
  return ZMeasureAnswersSchema.superRefine((input, context) => {
    for (const [field, messages] of Object.entries(answerErrors(kind, input, { complete: true }))) {
      for (const message of messages) context.addIssue({ code: "custom", path: [field], message });
    }
  });
}
