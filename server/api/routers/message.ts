import { z } from "zod";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { ZConversationSettingsSchema, ZListMessagesSchema, ZMessagePauseSchema, ZMessageRefSchema, ZSendMessageSchema } from "@/lib/schemas/message";
import {
  getConversation,
  listMessages,
  markConversationRead,
  messageToAgenda,
  sendMessage,
  withdrawMessage,
} from "@/server/messages/messages";
import { listConversations } from "@/server/messages/conversations";
import { getMessagePause, setConversationSettings, setMessagePause } from "@/server/messages/settings";
import { createTRPCRouter } from "../trpc";
import { engagement, message, own } from "../resources";

// Messages between sessions (issue 25). A conversation is an engagement's:
// every procedure loads the engagement or the message through the access
// rule (server/messages/access.ts), so another person's answers NOT_FOUND.
export const messageRouter = createTRPCRouter({
  /** The frame of one conversation: its rules, the other person, read marks. */
  conversation: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => getConversation(ctx.db, ctx.user, ctx.engagement),
    audit: null, // Rules and names, no one's words: the list below is the access.
  }),

  /** A page of messages, newest first. */
  list: engagement.query("either", ZListMessagesSchema, {
    run: ({ ctx, input }) => listMessages(ctx.db, ctx.user, ctx.engagement, input.cursor),
    audit: { action: "list", recordType: "message", recordId: () => null },
  }),

  send: engagement.mutation("either", ZSendMessageSchema, {
    run: ({ ctx, input }) => sendMessage(ctx.db, ctx.user, ctx.engagement, input),
    audit: { action: "create", recordType: "message", recordId: ({ output }) => output.id },
  }),

  /** The person has read the conversation up to now (their read mark, their bell). */
  markRead: engagement.mutation("either", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => markConversationRead(ctx.db, ctx.user, ctx.engagement),
    // Reading an ended conversation still moves one's own read mark.
    isWrite: false,
    audit: null, // A read mark, no record's content.
  }),

  withdraw: message.mutation("either", ZMessageRefSchema.strict(), {
    run: ({ ctx }) => withdrawMessage(ctx.db, ctx.user, ctx.message),
    audit: { action: "delete", recordType: "message" },
  }),

  /** Brings a message to the next session's agenda, linked to it. */
  toAgenda: message.mutation("either", ZMessageRefSchema.strict(), {
    run: ({ ctx }) => messageToAgenda(ctx.db, ctx.user, ctx.message),
    audit: { action: "create", recordType: "agenda_item", recordId: ({ output }) => output.itemId },
  }),

  /** The therapist's rules for this client's conversation. */
  setSettings: engagement.mutation("therapist", ZConversationSettingsSchema, {
    run: ({ ctx, input }) => setConversationSettings(ctx.db, ctx.engagement, input),
    audit: { action: "update", recordType: "conversation" },
  }),

  /** The client's conversations, with unread counts (their navigation's "Messages"). */
  mine: own.query("client", z.object({}).strict().optional(), {
    run: ({ ctx }) => listConversations(ctx.db, ctx.user),
    audit: null, // Counts and names only.
  }),

  /** The therapist's pause (a holiday), for every client at once. */
  pause: own.query("therapist", z.object({}).strict().optional(), {
    run: ({ ctx }) => getMessagePause(ctx.db, ctx.user),
    audit: null, // The therapist's own setting.
  }),

  setPause: own.mutation("therapist", ZMessagePauseSchema, {
    run: ({ ctx, input }) => setMessagePause(ctx.db, ctx.user, input),
    audit: null, // The therapist's own setting, about no client.
  }),
});
