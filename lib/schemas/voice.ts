import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";
import { MEMO_NOTE_MAX } from "../voice/limits";

export const ZVoiceMemoRefSchema = z.object({ memoId: z.uuid("That recording link isn't valid.") }).strict();

export const ZSetVoiceMemoNoteSchema = z
  .object({
    memoId: z.uuid("That recording link isn't valid."),
    note: z.string().trim().max(MEMO_NOTE_MAX, `Keep the note to ${MEMO_NOTE_MAX} characters.`).refine(hasNoNul, NUL_MESSAGE),
  })
  .strict();

/** A quick reflection from the client's home: a few words, a voice memo, or both (where it goes is the procedure). */
export const ZQuickReflectionSchema = z
  .object({
    text: z.string().trim().max(2000, "Keep it under 2,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
    voiceMemoId: z.uuid("That recording link isn't valid.").optional(),
    /** Which therapist's next session, when the client has more than one. */
    engagementId: z.uuid().optional(),
    idempotencyKey: z.uuid().optional(),
  })
  .strict()
  .refine((reflection) => reflection.text !== "" || reflection.voiceMemoId !== undefined, { path: ["text"], message: "Say or write a few words first." });
export type TQuickReflection = z.infer<typeof ZQuickReflectionSchema>;
