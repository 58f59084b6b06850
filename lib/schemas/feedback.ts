// Session feedback and check-ins, in the project's own wording (published
// instruments are copyrighted; these questions are Alliance's own).
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";

const ZScore = z.coerce
  .number({ error: "Choose a number from 0 to 10." })
  .int("Choose a whole number from 0 to 10.")
  .min(0, "Choose a number from 0 to 10.")
  .max(10, "Choose a number from 0 to 10.");

export const FEEDBACK_QUESTIONS = {
  feltHeard: { question: "Did you feel heard and respected?", low: "Not at all", high: "Completely" },
  workedOnWanted: { question: "Did we work on what you wanted to work on?", low: "Not at all", high: "Completely" },
  approachFit: { question: "Did the way we worked suit you?", low: "Not at all", high: "Very well" },
  overall: { question: "Overall, how was this session for you?", low: "Not good", high: "Very good" },
} as const;

export const CHECK_IN_QUESTIONS = {
  personal: { question: "You, personally", low: "Very hard", high: "Very good" },
  relationships: { question: "Your close relationships", low: "Very hard", high: "Very good" },
  social: { question: "Work, school or social life", low: "Very hard", high: "Very good" },
  overall: { question: "Overall", low: "Very hard", high: "Very good" },
} as const;

export const ZSessionFeedbackSchema = z
  .object({
    sessionId: z.uuid(),
    feltHeard: ZScore,
    workedOnWanted: ZScore,
    approachFit: ZScore,
    overall: ZScore,
    comment: z.string().trim().max(4000, "Keep this under 4,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
  })
  .strict();
export type TSessionFeedback = z.infer<typeof ZSessionFeedbackSchema>;

export const ZCheckInSchema = z
  .object({ engagementId: z.uuid(), personal: ZScore, relationships: ZScore, social: ZScore, overall: ZScore })
  .strict();
export type TCheckIn = z.infer<typeof ZCheckInSchema>;
