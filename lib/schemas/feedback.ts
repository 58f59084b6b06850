// Session feedback and check-ins, in the project's own wording (published
// instruments are copyrighted; these questions are Alliance's own).
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";
export { FEEDBACK_QUESTIONS, CHECK_IN_QUESTIONS } from "../constants/feedback";

const ZScore = z.coerce
  .number({ error: "Choose a number from 0 to 10." })
  .int("Choose a whole number from 0 to 10.")
  .min(0, "Choose a number from 0 to 10.")
  .max(10, "Choose a number from 0 to 10.");

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
