// Messages between sessions (issue 25): one conversation per engagement,
// inside the rules its therapist sets.
//
// INVARIANTS
// - Off until the therapist turns it on (conversations.mode). While it is
//   `reply_only`, the client writes only in answer to a message of the
//   therapist's (replyToId); while the therapist has paused messages
//   (message_pauses), the client cannot write and sees the pause notice.
//   All of it is enforced here, on the server, not only by the page.
// - An ended engagement's conversation stays readable and takes nothing new
//   (the resource factory's assertWritable, server/api/resources.ts).
// - The text is sealed at rest (messageBody) and never leaves in a
//   notification, an e-mail, a log line, a live event or a URL: the other
//   person hears "New message from <name>" and a link to the conversation.
// - The author may withdraw a message for MESSAGE_WITHDRAW_MINUTES on the
//   app clock; its words and voice memo are then erased (body null), a
//   marker stays, and the other person's bell drops its notice.
//   After that, or once it is on an agenda, it is part of the record.
// - A message sent twice with the same idempotency key is kept once.
// - Read state is per person: how far each has read (conversation_reads).
//   Reading a conversation also marks its message notifications read.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TEngagementContext } from "../engagements/access";
import { AppError, fieldError, notFound } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import { now as clockNow } from "../clock";
import { newRowId } from "../db/ids";
import { publish } from "../live/bus";
import { notify, userTopic } from "../notifications/notify";
import { MEMO_SELECT, openMemo, placeMemo } from "../voice/memos";
import { findNextSessionForClient } from "../sessions/access";
import { addAgendaItemFromMessage, VOICE_MEMO_ITEM_TEXT } from "../sessions/agenda";
import { pageCursor, parsePageCursor } from "../../lib/schemas/common";
import { MESSAGE_KINDS } from "../../lib/notifications/kinds";
import {
  MESSAGE_PAGE_SIZE,
  MESSAGE_WITHDRAW_MINUTES,
  type TMessagingMode,
  type TSendMessage,
} from "../../lib/schemas/message";
import { conversationTopic, type TMessageContext } from "./access";

type TReader = TDb | Prisma.TransactionClient;

export const MESSAGES_OFF = "Messages aren't turned on for this work together.";
export const REPLY_ONLY =
  "You can reply to your therapist's messages here. To bring up something new, add it to your next session's agenda.";
export const REPLY_GONE = "That message isn't here any more, so there's nothing to reply to.";
export const WITHDRAW_TOO_LATE = `It's been more than ${MESSAGE_WITHDRAW_MINUTES} minutes, so this message is part of the record now.`;
export const WITHDRAW_ON_AGENDA = "This message is on a session's agenda now, so it stays. You can remove the agenda item first.";
export const NO_NEXT_SESSION = "There's no next session booked yet. Once one is, you can add this to its agenda.";
/** What a message the client only spoke reads as on an agenda; its memo plays in the conversation. */
export const VOICE_MESSAGE_ITEM_TEXT = `${VOICE_MEMO_ITEM_TEXT} from our messages`;
const AGENDA_TEXT_LIMIT = 2000;
const WITHDRAW_MS = MESSAGE_WITHDRAW_MINUTES * 60_000;

export type TConversationRules = {
  mode: TMessagingMode;
  replyTime: string;
  /** The therapist's holiday notice while messages are paused; null otherwise. */
  pauseNotice: string | null;
};

const RULES_SELECT = {
  conversation: { select: { mode: true, replyTime: true } },
  therapist: { select: { messagePause: { select: { notice: true } } } },
} as const;

function toRules(row: Prisma.EngagementGetPayload<{ select: typeof RULES_SELECT }>): TConversationRules {
  return {
    mode: row.conversation?.mode ?? "off",
    replyTime: row.conversation?.replyTime ?? "",
    pauseNotice: row.therapist.messagePause?.notice ?? null,
  };
}

export async function rulesFor(db: TReader, engagementId: string): Promise<TConversationRules> {
  return toRules(await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: RULES_SELECT }));
}

/**
 * What this person may write now: `start` (anything), `reply` (only in
 * answer to a message of the therapist's) or `none`, and why not.
 */
export function writingFor(
  user: Pick<TSessionUser, "role">,
  engagement: Pick<TEngagementContext, "status">,
  rules: TConversationRules,
): { may: "start" | "reply" | "none"; reason: string | null } {
  if (engagement.status !== "active") return { may: "none", reason: "This work together has ended, so the conversation is closed. You can still read it." };
  if (rules.mode === "off") return { may: "none", reason: MESSAGES_OFF };
  if (user.role === "therapist") return { may: "start", reason: null };
  if (rules.pauseNotice !== null) return { may: "none", reason: rules.pauseNotice };
  return rules.mode === "reply_only" ? { may: "reply", reason: null } : { may: "start", reason: null };
}

function recipientOf(user: Pick<TSessionUser, "id" | "role">, engagement: TEngagementContext): string | null {
  return user.role === "therapist" ? engagement.clientId : engagement.therapistId;
}

// --- Reading --------------------------------------------------------------------------

const MESSAGE_SELECT = {
  id: true,
  engagementId: true,
  authorId: true,
  body: true,
  replyToId: true,
  withdrawnAt: true,
  createdAt: true,
  author: { select: { name: true, role: true } },
  voiceMemos: { orderBy: { createdAt: "asc" }, select: MEMO_SELECT },
  agendaItems: { orderBy: { createdAt: "asc" }, take: 1, select: { sessionId: true } },
} as const;

type TMessageRow = Prisma.MessageGetPayload<{ select: typeof MESSAGE_SELECT }>;

function toMessage(user: Pick<TSessionUser, "id">, row: TMessageRow, now: Date) {
  const isMine = row.authorId === user.id;
  const onAgenda = row.agendaItems[0] ?? null;
  const isWithdrawn = row.withdrawnAt !== null;
  const withdrawableUntil = new Date(row.createdAt.getTime() + WITHDRAW_MS);
  return {
    id: row.id,
    isMine,
    authorName: row.author.name,
    authorRole: row.author.role,
    text: row.body === null ? null : openField("messageBody", { engagementId: row.engagementId, authorId: row.authorId, messageId: row.id }, row.body),
    isWithdrawn,
    createdAt: row.createdAt,
    replyToId: row.replyToId,
    /** Until when the author may still take it back; null when they can't (not theirs, withdrawn, on an agenda, too late). */
    withdrawableUntil: isMine && !isWithdrawn && !onAgenda && withdrawableUntil.getTime() > now.getTime() ? withdrawableUntil : null,
    agendaSessionId: onAgenda?.sessionId ?? null,
    voiceMemos: row.voiceMemos.map(openMemo),
  };
}

export type TMessage = ReturnType<typeof toMessage>;

/**
 * Newest first, MESSAGE_PAGE_SIZE at a time, by (createdAt, id) on the index
 * (engagement_id, created_at, id): the same statements for 10 messages or
 * 10,000.
 */
export async function listMessages(db: TDb, user: TSessionUser, engagement: TEngagementContext, cursor?: string | null) {
  const after = cursor ? parsePageCursor(cursor) : null;
  const rows = await db.message.findMany({
    where: {
      engagementId: engagement.id,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MESSAGE_PAGE_SIZE + 1,
    select: MESSAGE_SELECT,
  });
  const now = clockNow();
  const items = rows.slice(0, MESSAGE_PAGE_SIZE).map((row) => toMessage(user, row, now));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > MESSAGE_PAGE_SIZE && last ? pageCursor(last) : null };
}

/**
 * The conversation's frame, in one statement: the rules, who is on the
 * other side, how far they have read, and the therapist's latest message (what
 * a reply-only client answers).
 */
export async function getConversation(db: TDb, user: TSessionUser, engagement: TEngagementContext) {
  const row = await db.engagement.findUniqueOrThrow({
    where: { id: engagement.id },
    select: {
      ...RULES_SELECT,
      therapist: { select: { name: true, messagePause: { select: { notice: true } } } },
      client: { select: { name: true } },
      conversationReads: { select: { userId: true, lastReadAt: true } },
      messages: {
        where: { authorId: engagement.therapistId, withdrawnAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true, createdAt: true },
      },
    },
  });
  const rules = toRules(row);
  const otherId = recipientOf(user, engagement);
  return {
    ...rules,
    counterpartName: user.role === "therapist" ? (row.client?.name ?? "Your client") : row.therapist.name,
    writing: writingFor(user, engagement, rules),
    /** When the other person last read the conversation: "Seen" under what they have read. */
    otherReadAt: row.conversationReads.find((read) => read.userId === otherId)?.lastReadAt ?? null,
    myReadAt: row.conversationReads.find((read) => read.userId === user.id)?.lastReadAt ?? null,
    latestTherapistMessage: row.messages[0] ?? null,
  };
}

/** One person's read mark in one conversation, moved to `at`. */
function moveReadMark(db: TReader, engagementId: string, userId: string, at: Date) {
  return db.conversationRead.upsert({
    where: { engagementId_userId: { engagementId, userId } },
    create: { engagementId, userId, lastReadAt: at },
    update: { lastReadAt: at },
    select: { userId: true },
  });
}

/**
 * The person has read the conversation up to now: their read mark moves and
 * the message notifications of this conversation are marked read, so the
 * bell of every open page agrees. `cleared` says how many: the page that
 * marked them re-reads its own bell then, since its live stream may not have
 * been listening yet when the change was published.
 */
export async function markConversationRead(db: TDb, user: TSessionUser, engagement: TEngagementContext): Promise<{ cleared: number }> {
  const now = clockNow();
  await moveReadMark(db, engagement.id, user.id, now);
  const { count } = await db.notification.updateMany({
    where: { userId: user.id, engagementId: engagement.id, kind: { in: [...MESSAGE_KINDS] }, readAt: null },
    data: { readAt: now },
  });
  if (count > 0) await publish(db, userTopic(user.id));
  // The other person's "Seen" moves.
  await publish(db, conversationTopic(engagement.id));
  return { cleared: count };
}

// --- Writing --------------------------------------------------------------------------

async function assertReplyTarget(tx: Prisma.TransactionClient, engagement: TEngagementContext, replyToId: string, mustBeTherapists: boolean) {
  const target = await tx.message.findFirst({
    where: { id: replyToId, engagementId: engagement.id, withdrawnAt: null, ...(mustBeTherapists ? { authorId: engagement.therapistId } : {}) },
    select: { id: true },
  });
  if (!target) throw fieldError("replyToId", REPLY_GONE);
}

export async function sendMessage(db: TDb, user: TSessionUser, engagement: TEngagementContext, input: TSendMessage): Promise<{ id: string }> {
  const writing = writingFor(user, engagement, await rulesFor(db, engagement.id));
  if (writing.may === "none") throw new AppError("FORBIDDEN", writing.reason ?? MESSAGES_OFF);
  if (writing.may === "reply" && !input.replyToId) throw new AppError("FORBIDDEN", REPLY_ONLY);
  // Voice memos are the client's (server/voice/memos.ts); a therapist's message is typed.
  if (input.voiceMemoId && user.role !== "client") throw fieldError("voiceMemoId", "Only a client can send a voice memo here.");
  const recipientId = recipientOf(user, engagement);
  const { replyToId, voiceMemoId } = input;

  const sent = await db.$transaction(async (tx) => {
    if (replyToId) await assertReplyTarget(tx, engagement, replyToId, writing.may === "reply");
    const id = newRowId();
    const createdAt = clockNow();
    // A retry carrying the same idempotency key inserts nothing (ON CONFLICT DO NOTHING) and returns the first.
    const inserted = await tx.message.createMany({
      data: [
        {
          id,
          engagementId: engagement.id,
          authorId: user.id,
          body: sealField("messageBody", { engagementId: engagement.id, authorId: user.id, messageId: id }, input.text),
          replyToId: replyToId ?? null,
          idempotencyKey: input.idempotencyKey ?? null,
          createdAt,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0 && input.idempotencyKey) {
      const first = await tx.message.findFirst({
        where: { authorId: user.id, idempotencyKey: input.idempotencyKey, engagementId: engagement.id },
        select: { id: true },
      });
      if (!first) throw fieldError("text", "That message was already sent somewhere else. Please reload the page.");
      return { id: first.id, isNew: false };
    }
    if (voiceMemoId) await placeMemo(tx, user, voiceMemoId, { messageId: id });
    // Writing is reading: the author has seen the conversation up to their own message.
    await moveReadMark(tx, engagement.id, user.id, createdAt);
    if (recipientId) {
      await notify(tx, {
        userId: recipientId,
        kind: user.role === "therapist" ? "message_from_therapist" : "message_from_client",
        title: `New message from ${user.name}`,
        linkPath: `/messages/${engagement.id}`,
        engagementId: engagement.id,
      });
    }
    return { id, isNew: true };
  });
  if (sent.isNew) await publish(db, conversationTopic(engagement.id));
  return { id: sent.id };
}

/** The author takes a message back within the window: its words and memo go, a marker stays. */
export async function withdrawMessage(db: TDb, user: TSessionUser, message: TMessageContext): Promise<{ ok: true }> {
  if (message.authorId !== user.id) throw new AppError("FORBIDDEN", "Only the person who wrote a message can withdraw it.");
  if (message.withdrawnAt) return { ok: true };
  if (clockNow().getTime() - message.createdAt.getTime() > WITHDRAW_MS) throw new AppError("BAD_REQUEST", WITHDRAW_TOO_LATE);
  await db.$transaction(async (tx) => {
    if ((await tx.agendaItem.count({ where: { messageId: message.id } })) > 0) throw new AppError("BAD_REQUEST", WITHDRAW_ON_AGENDA);
    const updated = await tx.message.updateMany({
      where: { id: message.id, authorId: user.id, withdrawnAt: null },
      data: { body: null, withdrawnAt: clockNow() },
    });
    if (updated.count !== 1) throw notFound("That message");
    // The voice is the client's: it goes with the words (object-store bytes by job, server/voice/memos.ts).
    await tx.voiceMemo.deleteMany({ where: { messageId: message.id } });
    // The other person's bell no longer announces it: their newest unread notice of this conversation goes.
    const recipientId = recipientOf(user, message.engagement);
    const notice = recipientId
      ? await tx.notification.findFirst({
          where: { userId: recipientId, engagementId: message.engagement.id, kind: { in: [...MESSAGE_KINDS] }, readAt: null },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { id: true },
        })
      : null;
    if (notice && recipientId) {
      await tx.notification.deleteMany({ where: { id: notice.id } });
      await publish(tx, userTopic(recipientId));
    }
  });
  await publish(db, conversationTopic(message.engagement.id));
  return { ok: true };
}

/**
 * Either person brings a message to the next session: an agenda item with
 * its words (the first AGENDA_TEXT_LIMIT characters), linked to the message.
 * Bringing the same message twice to the same session adds nothing.
 */
export async function messageToAgenda(db: TDb, user: TSessionUser, message: TMessageContext): Promise<{ sessionId: string; itemId: string }> {
  if (message.withdrawnAt || message.body === null) throw new AppError("BAD_REQUEST", "That message was withdrawn, so there's nothing to bring.");
  const session = await findNextSessionForClient(db, user, clockNow(), message.engagement.id);
  if (!session) throw new AppError("BAD_REQUEST", NO_NEXT_SESSION);
  const existing = await db.agendaItem.findFirst({ where: { sessionId: session.id, messageId: message.id }, select: { id: true } });
  if (existing) return { sessionId: session.id, itemId: existing.id };
  const text = openField("messageBody", { engagementId: message.engagement.id, authorId: message.authorId, messageId: message.id }, message.body);
  const itemText = text === "" ? VOICE_MESSAGE_ITEM_TEXT : text.length > AGENDA_TEXT_LIMIT ? `${text.slice(0, AGENDA_TEXT_LIMIT - 1)}…` : text;
  const item = await addAgendaItemFromMessage(db, user, session, { text: itemText, messageId: message.id });
  await publish(db, conversationTopic(message.engagement.id));
  return { sessionId: session.id, itemId: item.id };
}
