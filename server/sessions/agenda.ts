// The agenda of one session.
//
// INVARIANTS
// - Either party adds items while the session is scheduled; an item's author
//   may edit or withdraw it until the session starts.
// - Either party marks items discussed, for later (deferred) or open again.
// - The order is a shared record: a reorder carries the agenda version it was
//   made from, and a stale one is a CONFLICT (docs/house-style.md, H9). Adding or
//   removing items bumps the version too.
// - An item submitted twice with the same idempotency key is added once.
// - An item the client adds tells the therapist (who, and for which
//   session), in the same transaction; never the item's text.
import { placeMemo } from "../voice/memos";
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, fieldError, notFound } from "../errors";
import { sealField } from "../crypto/sealed-fields";
import { MAX_AGENDA_ITEMS, type TAddAgendaItem } from "../../lib/schemas/session";
import type { TAgendaItemContext, TSessionContext } from "./access";
import { assertNotPast } from "./scheduling";
import { tellTherapistOfAgendaItem } from "./notices";
import { now as clockNow } from "../clock";
import { announceSessionChange } from "./live";
import { newRowId } from "../db/ids";

const STALE_ORDER = "The agenda changed while you were reordering it. The latest order is shown now; please try again.";

function assertOpenForAgenda(session: TSessionContext): void {
  if (session.status !== "scheduled") {
    throw new AppError("BAD_REQUEST", "This session is over, so its agenda is closed. Anything left open moves to the next one.");
  }
}

export async function addAgendaItem(db: TDb, user: TSessionUser, session: TSessionContext, input: TAddAgendaItem) {
  const item = await createAgendaItem(db, user, session, input);
  await announceSessionChange(db, session.id);
  return item;
}

/** What an item the client only spoke reads as, wherever its text is shown; its memo plays beside it. */
export const VOICE_MEMO_ITEM_TEXT = "Voice memo";

/** An item made from a message between sessions (server/messages/messages.ts), linked to it. */
export async function addAgendaItemFromMessage(db: TDb, user: TSessionUser, session: TSessionContext, input: { text: string; messageId: string }) {
  const item = await createAgendaItem(db, user, session, { sessionId: session.id, text: input.text, kind: "topic" }, input.messageId);
  await announceSessionChange(db, session.id);
  return item;
}

async function createAgendaItem(db: TDb, user: TSessionUser, session: TSessionContext, input: TAddAgendaItem, messageId: string | null = null): Promise<{ id: string }> {
  assertOpenForAgenda(session);
  // Voice memos are the client's (server/voice/memos.ts); a therapist's item is typed.
  if (input.voiceMemoId && user.role !== "client") throw fieldError("voiceMemoId", "Only a client can add a voice memo here.");
  return db.$transaction(async (tx) => {
    const items = await tx.agendaItem.findMany({ where: { sessionId: session.id }, select: { position: true } });
    if (items.length >= MAX_AGENDA_ITEMS) {
      throw new AppError("BAD_REQUEST", `An agenda can have up to ${MAX_AGENDA_ITEMS} items.`, {
        text: [`An agenda can have up to ${MAX_AGENDA_ITEMS} items.`],
      });
    }
    const id = newRowId();
    // A retry carrying the same idempotency key inserts nothing (ON CONFLICT DO NOTHING) and returns the first.
    const inserted = await tx.agendaItem.createMany({
      data: [
        {
          id,
          sessionId: session.id,
          authorId: user.id,
          text: sealField("agendaText", { sessionId: session.id, authorId: user.id }, input.text || VOICE_MEMO_ITEM_TEXT),
          kind: input.kind,
          position: Math.max(-1, ...items.map((entry) => entry.position)) + 1,
          idempotencyKey: input.idempotencyKey ?? null,
          messageId,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) {
      // A retry with the same idempotency key, or the same message brought to this session twice at once
      // (unique session_id, message_id): the first item stands.
      const first = await tx.agendaItem.findFirst({
        where: input.idempotencyKey
          ? { authorId: user.id, idempotencyKey: input.idempotencyKey, sessionId: session.id }
          : { sessionId: session.id, messageId: messageId ?? "" },
        select: { id: true },
      });
      if (first) return first;
      throw new AppError("CONFLICT", "That was just added somewhere else. Please reload the page.");
    }
    if (input.voiceMemoId) await placeMemo(tx, user, input.voiceMemoId, { agendaItemId: id });
    await tx.therapySession.update({ where: { id: session.id }, data: { agendaVersion: { increment: 1 } }, select: { id: true } });
    if (user.role === "client") await tellTherapistOfAgendaItem(tx, session, user.name);
    return { id };
  });
}

function assertAuthorBeforeStart(user: TSessionUser, item: TAgendaItemContext): void {
  if (item.authorId !== user.id) throw new AppError("FORBIDDEN", "Only the person who added an item can change or withdraw it.");
  assertOpenForAgenda(item.session);
  assertNotPast(item.session);
}

// The item was loaded (and access checked) before these writes; they go by
// count, not `update`/`delete`, so an item withdrawn meanwhile (a double
// click, the other tab) is NOT_FOUND rather than a failed write (a 500).
const ITEM_GONE = "That agenda item";

export async function updateAgendaItem(db: TDb, user: TSessionUser, item: TAgendaItemContext, input: { text: string; kind: TAddAgendaItem["kind"] }) {
  assertAuthorBeforeStart(user, item);
  const updated = await db.agendaItem.updateMany({ where: { id: item.id }, data: { text: sealField("agendaText", { sessionId: item.session.id, authorId: item.authorId }, input.text), kind: input.kind } });
  if (updated.count !== 1) throw notFound(ITEM_GONE);
  await announceSessionChange(db, item.session.id);
}

export async function withdrawAgendaItem(db: TDb, user: TSessionUser, item: TAgendaItemContext) {
  assertAuthorBeforeStart(user, item);
  await db.$transaction(async (tx) => {
    const removed = await tx.agendaItem.deleteMany({ where: { id: item.id } });
    if (removed.count !== 1) throw notFound(ITEM_GONE);
    await tx.therapySession.update({ where: { id: item.session.id }, data: { agendaVersion: { increment: 1 } }, select: { id: true } });
  });
  await announceSessionChange(db, item.session.id);
}

export async function setAgendaItemStatus(db: TDb, item: TAgendaItemContext, status: "open" | "discussed" | "deferred") {
  const updated = await db.agendaItem.updateMany({ where: { id: item.id }, data: { status, statusChangedAt: clockNow() } });
  if (updated.count !== 1) throw notFound(ITEM_GONE);
  await announceSessionChange(db, item.session.id);
}

export async function reorderAgenda(db: TDb, session: TSessionContext, input: { version: number; itemIds: string[] }) {
  assertOpenForAgenda(session);
  const reordered = await db.$transaction(async (tx) => {
    const bumped = await tx.therapySession.updateMany({
      where: { id: session.id, agendaVersion: input.version },
      data: { agendaVersion: { increment: 1 } },
    });
    if (bumped.count !== 1) throw new AppError("CONFLICT", STALE_ORDER);
    const items = await tx.agendaItem.findMany({ where: { sessionId: session.id }, select: { id: true } });
    const known = new Set(items.map((item) => item.id));
    const isPermutation =
      input.itemIds.length === known.size && new Set(input.itemIds).size === known.size && input.itemIds.every((id) => known.has(id));
    if (!isPermutation) throw new AppError("CONFLICT", STALE_ORDER);
    for (const [position, id] of input.itemIds.entries()) {
      await tx.agendaItem.update({ where: { id }, data: { position }, select: { id: true } });
    }
    return { version: input.version + 1 };
  });
  await announceSessionChange(db, session.id);
  return reordered;
}

/** What the "homework review" item says; the client may edit or remove it like any item of theirs. */
export const EXERCISE_REVIEW_TEXT = "Going over my exercises since last time";

/**
 * Exercises were sent (server/exercises/entries.ts): the engagement's next
 * scheduled session gets a "homework review" item, once. The session
 * remembers it was added (exercise_review_added_at), so an item the client
 * removed stays removed. A full agenda is left as it is.
 */
export async function addExerciseReviewItem(db: TDb | Prisma.TransactionClient, engagementId: string, clientId: string, now = clockNow()): Promise<void> {
  const next = await db.therapySession.findFirst({
    where: { engagementId, status: "scheduled", startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { id: true, exerciseReviewAddedAt: true, _count: { select: { agendaItems: true } } },
  });
  if (!next || next.exerciseReviewAddedAt || next._count.agendaItems >= MAX_AGENDA_ITEMS) return;
  // Two entries sent at once: only the one that marks the session adds the item.
  const marked = await db.therapySession.updateMany({
    where: { id: next.id, exerciseReviewAddedAt: null },
    data: { exerciseReviewAddedAt: now, agendaVersion: { increment: 1 } },
  });
  if (marked.count !== 1) return;
  const last = await db.agendaItem.findFirst({ where: { sessionId: next.id }, orderBy: { position: "desc" }, select: { position: true } });
  await db.agendaItem.create({
    data: {
      sessionId: next.id,
      authorId: clientId,
      text: sealField("agendaText", { sessionId: next.id, authorId: clientId }, EXERCISE_REVIEW_TEXT),
      kind: "homework_review",
      position: (last?.position ?? -1) + 1,
    },
    select: { id: true },
  });
  await announceSessionChange(db, next.id);
}
