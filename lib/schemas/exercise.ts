// Input schemas for exercises (issue 23): a template's form, the client's
// answers, the therapist's skill note, and the exposure ladder. The form
// definition and the answers are checked in depth by
// lib/exercises/form-definition.ts, on both sides, with the same messages.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";
import { ZExerciseFormSchema } from "../exercises/form-definition";
import { STARTER_EXERCISES } from "../exercises/starters";
import { SKILL_MAX } from "../exercises/skill";
import { ZAssignmentRefSchema, ZOccurrenceRefSchema, ZTemplateRefSchema } from "./homework";

export const ZSaveTemplateFormSchema = ZTemplateRefSchema.extend({ form: ZExerciseFormSchema }).strict();
export type TSaveTemplateForm = z.infer<typeof ZSaveTemplateFormSchema>;

const STARTER_KEYS = STARTER_EXERCISES.map((starter) => starter.key) as [string, ...string[]];
export const ZFromStarterSchema = z.object({ starterKey: z.enum(STARTER_KEYS, "Choose one of the starter exercises.") }).strict();

/**
 * Answers as the form sends them: keyed by field, checked against the form
 * version by the server (answerErrors). Bounded here so a huge body is
 * refused before it is read into a form check.
 */
const ZAnswerValue = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.null(),
  z.array(z.string().max(100)).max(50),
  z.array(z.record(z.string().max(40), z.union([z.string().max(10_000), z.number().finite(), z.null(), z.array(z.string().max(100)).max(50)]))).max(60),
]);
export const ZAnswersSchema = z.record(z.string().max(40), ZAnswerValue).refine((answers) => Object.keys(answers).length <= 60, "Too many answers.");

export const ZEntryAnswersSchema = ZOccurrenceRefSchema.extend({ answers: ZAnswersSchema }).strict();
/** Sending may carry a voice memo ("tell me how it went"), a draft of the client's until now. */
export const ZSendEntrySchema = ZOccurrenceRefSchema.extend({ answers: ZAnswersSchema, voiceMemoId: z.uuid("That recording link isn't valid.").optional() }).strict();
export type TEntryAnswers = z.infer<typeof ZEntryAnswersSchema>;

export const ZRateSkillSchema = ZOccurrenceRefSchema.extend({
  skillRating: z.number().int().min(0, "Choose one of the levels.").max(SKILL_MAX, "Choose one of the levels.").nullable(),
}).strict();

export const ENTRIES_PAGE_SIZE = 20;
export const ZEntriesPageSchema = ZAssignmentRefSchema.extend({ page: z.number().int().min(1).max(10_000).default(1) }).strict();

export const ZLadderStepRefSchema = z.object({ stepId: z.uuid() });
const ZLadderFields = {
  text: z.string().trim().min(1, "Describe the situation.").max(300, "Keep it to 300 characters.").refine(hasNoNul, NUL_MESSAGE),
  expectedAnxiety: z.coerce
    .number("Give a number from 0 to 100.")
    .int("Give a whole number from 0 to 100.")
    .min(0, "Give a number from 0 to 100.")
    .max(100, "Give a number from 0 to 100."),
};
export const ZAddLadderStepSchema = z.object({ engagementId: z.uuid(), ...ZLadderFields }).strict();
export const ZUpdateLadderStepSchema = ZLadderStepRefSchema.extend(ZLadderFields).strict();
export type TLadderStepFields = { text: string; expectedAnxiety: number };
export const MAX_LADDER_STEPS = 30;
