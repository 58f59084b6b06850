// Input schemas for messages between sessions (issue 25): the conversation
// page's forms and the procedures validate with the same objects.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE, ZPageCursorSchema } from "./common";
import { ZEngagementRefSchema } from "./engagement";

/** The longest message: a few paragraphs, not a letter. */
export const MAX_MESSAGE_CHARS = 5000;
/** How long the author may take a message back; after that it is part of the record. */
export const MESSAGE_WITHDRAW_MINUTES = 5;
/** Messages per page of a conversation (newest first from the server, shown oldest first). */
export const MESSAGE_PAGE_SIZE = 30;
export const MAX_REPLY_TIME_CHARS = 200;
export const MAX_PAUSE_NOTICE_CHARS = 500;

export const MESSAGING_MODES = ["off", "reply_only", "open"] as const;
export type TMessagingMode = (typeof MESSAGING_MODES)[number];

export const MESSAGING_MODE_LABELS: Record<TMessagingMode, string> = {
  off: "Off",
  reply_only: "My client replies to my messages",
  open: "My client can write any time",
};

export const TOO_LONG_MESSAGE = `Keep a message under ${MAX_MESSAGE_CHARS.toLocaleString("en-GB")} characters.`;

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
