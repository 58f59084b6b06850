import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "./common";

const ZMood = z.union([z.literal(""), z.coerce.number().int().min(0, "Choose 0 to 10.").max(10, "Choose 0 to 10.")]).optional();

export const ZJournalEntryRefSchema = z.object({ entryId: z.uuid("That link isn't valid.") });

export const ZCreateJournalEntrySchema = z
  .object({
    body: z.string().trim().max(20000, "Keep an entry under 20,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
    mood: ZMood,
    /** Share with the therapist of this active engagement; absent = private. */
    shareWithEngagementId: z.union([z.literal(""), z.uuid()]).optional(),
    /** A voice memo the client recorded for this entry (a draft of theirs until now). */
    voiceMemoId: z.uuid("That recording link isn't valid.").optional(),
    /** Made by the browser: the same entry sent twice (a retry, the offline outbox) is kept once. */
    idempotencyKey: z.uuid().optional(),
  })
  .strict()
  .refine((entry) => entry.body !== "" || entry.voiceMemoId !== undefined, { path: ["body"], message: "Write a few words, or record a voice memo." });
export type TCreateJournalEntry = z.infer<typeof ZCreateJournalEntrySchema>;

export const ZSetJournalSharingSchema = ZJournalEntryRefSchema.extend({
  /** null = make private again, at once. */
  engagementId: z.uuid().nullable(),
}).strict();
