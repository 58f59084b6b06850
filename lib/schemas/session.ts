// Input schemas for sessions, agenda items and session notes.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE, ZVersionSchema } from "./common";
import { AGENDA_KINDS, AGENDA_STATUSES, NOTE_KINDS, MAX_AGENDA_ITEMS } from "../constants/session";
export { AGENDA_KINDS, AGENDA_STATUSES, NOTE_KINDS, MAX_AGENDA_ITEMS, AGENDA_KIND_LABELS, CONVERSATION_STARTERS } from "../constants/session";

const ZDay = z.iso.date("Use a date like 2026-12-31.");
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 14:30.");
const ZDuration = z.coerce.number().int("Use whole minutes.").min(10, "At least 10 minutes.").max(240, "At most 4 hours.");
const ZLocation = z.string().trim().max(300, "Keep the place under 300 characters.").refine(hasNoNul, NUL_MESSAGE).default("");
const ZVideoUrl = z
  .union([
    z.literal(""),
    // The URL parser keeps a NUL in the path or query as it is.
    z.url({ protocol: /^https$/, error: "Use a full https:// link." }).max(500, "That link is too long.").refine(hasNoNul, NUL_MESSAGE),
  ])
  .default("");

export const ZSessionRefSchema = z.object({ sessionId: z.uuid("That link isn't valid.") });

const ZWhen = { day: ZDay, time: ZTime, durationMinutes: ZDuration, location: ZLocation, videoUrl: ZVideoUrl };

export const ZScheduleSessionSchema = z.object({ engagementId: z.uuid(), ...ZWhen }).strict();
export type TScheduleSession = z.infer<typeof ZScheduleSessionSchema>;
export const ZRescheduleSessionSchema = ZSessionRefSchema.extend(ZWhen).strict();
export type TRescheduleSession = z.infer<typeof ZRescheduleSessionSchema>;

const ZAgendaText = z
  .string()
  .trim()
  .min(1, "Write a few words.")
  .max(2000, "Keep it under 2,000 characters.")
  .refine(hasNoNul, NUL_MESSAGE);

export const ZAddAgendaItemSchema = ZSessionRefSchema.extend({
  /** May be empty when a voice memo says it (the item then reads "Voice memo"). */
  text: z.string().trim().max(2000, "Keep it under 2,000 characters.").refine(hasNoNul, NUL_MESSAGE).default(""),
  kind: z.enum(AGENDA_KINDS, "Choose what kind of item this is.").default("topic"),
  idempotencyKey: z.uuid().optional(),
  /** The client's voice memo for this item (a draft of theirs until now). */
  voiceMemoId: z.uuid("That recording link isn't valid.").optional(),
})
  .strict()
  .refine((item) => item.text !== "" || item.voiceMemoId !== undefined, { path: ["text"], message: "Write a few words." });
export type TAddAgendaItem = z.infer<typeof ZAddAgendaItemSchema>;

export const ZAgendaItemRefSchema = z.object({ itemId: z.uuid("That link isn't valid.") });
export const ZUpdateAgendaItemSchema = ZAgendaItemRefSchema.extend({
  text: ZAgendaText,
  kind: z.enum(AGENDA_KINDS, "Choose what kind of item this is."),
}).strict();
export const ZSetAgendaStatusSchema = ZAgendaItemRefSchema.extend({
  status: z.enum(AGENDA_STATUSES, "Choose discussed, for later, or open."),
}).strict();
export const ZReorderAgendaSchema = ZSessionRefSchema.extend({
  version: ZVersionSchema,
  itemIds: z.array(z.uuid()).max(MAX_AGENDA_ITEMS),
}).strict();

export const ZSaveNoteSchema = ZSessionRefSchema.extend({
  kind: z.enum(NOTE_KINDS),
  body: z.string().trim().max(20000, "Keep the note under 20,000 characters.").refine(hasNoNul, NUL_MESSAGE),
  isSharedWithTherapist: z.boolean().optional(),
}).strict();
export type TSaveNote = z.infer<typeof ZSaveNoteSchema>;
