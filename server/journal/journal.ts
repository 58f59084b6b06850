// The client's journal.
//
// INVARIANTS
// - Entries belong to the client alone (clientId); private by default.
// - A therapist reads an entry only while it is shared with an ACTIVE
//   engagement of theirs; unsharing (or ending the engagement) removes it
//   from their view at once, because every read goes through the where below.
// - Only the client writes, shares, unshares or deletes their entries.
// - An entry sent twice with the same idempotency key (the client's own) is kept once.
// - An entry's voice memos (server/voice/) follow the entry: private with it,
//   heard by the therapist exactly while it is shared (server/voice/access.ts).
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { fieldError, notFound } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import type { TCreateJournalEntry } from "../../lib/schemas/journal";
import { now as clockNow } from "../clock";
import { newRowId } from "../db/ids";
import { MEMO_SELECT, openMemo, placeMemo, type TMemoRow } from "../voice/memos";

export const JOURNAL_PAGE_SIZE = 50;

export function sharedJournalWhere(therapist: Pick<TSessionUser, "id">, engagementId: string): Prisma.JournalEntryWhereInput {
  return { visibility: "shared", sharedEngagement: { id: engagementId, therapistId: therapist.id, status: "active" } };
}

const ENTRY_SELECT = {
  id: true,
  clientId: true,
  body: true,
  mood: true,
  visibility: true,
  sharedAt: true,
  createdAt: true,
  voiceMemos: { orderBy: { createdAt: "asc" }, select: MEMO_SELECT },
  sharedEngagement: { select: { id: true, therapist: { select: { name: true } } } },
} as const;

/** Entries as people read them: the body and memo notes opened, the owner id dropped. */
function openEntry<T extends { clientId: string; body: string; voiceMemos: TMemoRow[] }>({ clientId, ...row }: T) {
  return { ...row, body: openField("journalBody", { clientId }, row.body), voiceMemos: row.voiceMemos.map(openMemo) };
}

export async function listOwnEntries(db: TDb, client: TSessionUser) {
  const rows = await db.journalEntry.findMany({
    where: { clientId: client.id },
    orderBy: { createdAt: "desc" },
    take: JOURNAL_PAGE_SIZE,
    select: ENTRY_SELECT,
  });
  return rows.map(openEntry);
}

export async function listSharedEntries(db: TDb, therapist: TSessionUser, engagementId: string) {
  const rows = await db.journalEntry.findMany({
    where: sharedJournalWhere(therapist, engagementId),
    orderBy: { createdAt: "desc" },
    take: JOURNAL_PAGE_SIZE,
    select: { id: true, clientId: true, body: true, mood: true, sharedAt: true, createdAt: true, voiceMemos: ENTRY_SELECT.voiceMemos },
  });
  return rows.map(openEntry);
}

async function assertOwnActiveEngagement(db: TDb, client: TSessionUser, engagementId: string, field: string) {
  const engagement = await db.engagement.findFirst({
    where: { id: engagementId, clientId: client.id, status: "active" },
    select: { id: true },
  });
  if (!engagement) throw fieldError(field, "Choose a therapist you're working with now.");
}

export async function createEntry(db: TDb, client: TSessionUser, input: TCreateJournalEntry) {
  const engagementId = input.shareWithEngagementId || null;
  if (engagementId) await assertOwnActiveEngagement(db, client, engagementId, "shareWithEngagementId");
  const id = newRowId();
  const data = {
    id,
    clientId: client.id,
    body: sealField("journalBody", { clientId: client.id }, input.body),
    mood: input.mood === "" || input.mood === undefined ? null : input.mood,
    visibility: engagementId ? ("shared" as const) : ("private" as const),
    sharedEngagementId: engagementId,
    sharedAt: engagementId ? clockNow() : null,
    idempotencyKey: input.idempotencyKey ?? null,
  };
  const { voiceMemoId } = input;
  const entry = await db.$transaction(async (tx) => {
    // A retry carrying the same idempotency key inserts nothing (ON CONFLICT DO NOTHING) and returns the first.
    const inserted = await tx.journalEntry.createMany({ data: [data], skipDuplicates: true });
    if (inserted.count === 0) {
      return tx.journalEntry.findUniqueOrThrow({ where: { clientId_idempotencyKey: { clientId: client.id, idempotencyKey: data.idempotencyKey! } }, select: ENTRY_SELECT });
    }
    if (voiceMemoId) await placeMemo(tx, client, voiceMemoId, { journalEntryId: id });
    return tx.journalEntry.findUniqueOrThrow({ where: { id }, select: ENTRY_SELECT });
  });
  return openEntry(entry);
}

async function ownEntry(db: TDb, client: TSessionUser, entryId: string) {
  const entry = await db.journalEntry.findFirst({ where: { id: entryId, clientId: client.id }, select: { id: true } });
  if (!entry) throw notFound("That journal entry");
  return entry;
}

export async function setSharing(db: TDb, client: TSessionUser, entryId: string, engagementId: string | null) {
  await ownEntry(db, client, entryId);
  if (engagementId) await assertOwnActiveEngagement(db, client, engagementId, "engagementId");
  const entry = await db.journalEntry.update({
    where: { id: entryId },
    data: engagementId
      ? { visibility: "shared", sharedEngagementId: engagementId, sharedAt: clockNow() }
      : { visibility: "private", sharedEngagementId: null, sharedAt: null },
    select: ENTRY_SELECT,
  });
  return openEntry(entry);
}

/** Scoped and by count: a second delete of the same entry (a double click) is NOT_FOUND, not a failed delete. */
export async function deleteEntry(db: TDb, client: TSessionUser, entryId: string) {
  const removed = await db.journalEntry.deleteMany({ where: { id: entryId, clientId: client.id } });
  if (removed.count !== 1) throw notFound("That journal entry");
}
