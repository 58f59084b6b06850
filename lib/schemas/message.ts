// Input schemas for messages between sessions (issue 25): the conversation
// page's forms and the procedures validate with the same objects.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE, ZPageCursorSchema } from "./common";
import { ZEngagementRefSchema } from "./engagement";
import {
  MAX_MESSAGE_CHARS,
  MAX_PAUSE_NOTICE_CHARS,
  MAX_REPLY_TIME_CHARS,
  MESSAGING_MODES,
  TOO_LONG_MESSAGE,
} from "../constants/message";

// The limits and words live with the pages' constants (no zod there); these re-exports keep one import for the server.
export {
  MAX_MESSAGE_CHARS,
  MAX_PAUSE_NOTICE_CHARS,
  MAX_REPLY_TIME_CHARS,
  MESSAGE_PAGE_SIZE,
  MESSAGE_WITHDRAW_MINUTES,
  MESSAGING_MODES,
  MESSAGING_MODE_LABELS,
  TOO_LONG_MESSAGE,
  type TMessagingMode,
} from "../constants/message";

export const ZMessageRefSchema = z.object({ messageId: z.uuid("That message link isn't valid.") });

export const ZSendMessageSchema = ZEngagementRefSchema.extend({
  /** May be empty when a voice memo says it. */
  text: z.string().trim().max(MAX_MESSAGE_CHARS, TOO_LONG_MESSAGE).refine(hasNoNul, NUL_MESSAGE).default(""),
  /** The therapist's message this answers: what a reply-only client must give. */
  replyToId: z.uuid("That message link isn't valid.").optional(),
  /** The client's voice memo (a draft of theirs until now). */
  voiceMemoId: z.uuid("That recording link isn't valid.").optional(),
  /** Made by the browser, so a message sent twice (a retry, a double tap) is kept once. */
  idempotencyKey: z.uuid().optional(),
})
  .strict()
  .refine((message) => message.text !== "" || message.voiceMemoId !== undefined, { path: ["text"], message: "Write a few words first." });
export type TSendMessage = z.infer<typeof ZSendMessageSchema>;

/** `direction` is added by TanStack's infinite queries; only forward (older) is used. */
export const ZListMessagesSchema = ZEngagementRefSchema.extend({
  cursor: ZPageCursorSchema.nullish(),
  direction: z.enum(["forward", "backward"]).optional(),
}).strict();

export const ZConversationSettingsSchema = ZEngagementRefSchema.extend({
  mode: z.enum(MESSAGING_MODES, "Choose who may write."),
  replyTime: z
    .string()
    .trim()
    .max(MAX_REPLY_TIME_CHARS, `Keep this under ${MAX_REPLY_TIME_CHARS} characters.`)
    .refine(hasNoNul, NUL_MESSAGE)
    .default(""),
}).strict();
export type TConversationSettings = z.infer<typeof ZConversationSettingsSchema>;

export const ZMessagePauseSchema = z
  .object({
    isPaused: z.boolean(),
    notice: z
      .string()
      .trim()
      .max(MAX_PAUSE_NOTICE_CHARS, `Keep the notice under ${MAX_PAUSE_NOTICE_CHARS} characters.`)
      .refine(hasNoNul, NUL_MESSAGE)
      .default(""),
  })
  .strict()
  .refine((pause) => !pause.isPaused || pause.notice !== "", {
    path: ["notice"],
    message: "Say in a few words when you'll be back, for example “I'm away until 4 January”.",
  });
export type TMessagePause = z.infer<typeof ZMessagePauseSchema>;
