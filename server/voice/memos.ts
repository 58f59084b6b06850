// Voice memos (issue 24): keeping an upload, placing it, reading it back.
//
// INVARIANTS
// - Only a client records, and only for themselves (clientId).
// - Nothing is kept unless the bytes are audio of an allowed length
//   (audio-check.ts): a refusal stores nothing, in either store.
// - The audio is sealed before it reaches any store (chunks.ts), under the
//   memo's own id; the row and the bytes exist together: in Postgres in one
//   transaction, in an object store the object is written first and removed
//   again if the row cannot be.
// - A new memo is a draft with no place. It is placed once, by the client,
//   through placeMemo() inside the transaction that creates the place, so a
//   memo never sits half-placed. Who may hear it then follows access.ts.
// - Every read goes through memoWhereForUser; nothing fetches by id alone.
import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { fieldError, notFound } from "../errors";
import { maxMemoSeconds } from "./settings";
import { now as clockNow } from "../clock";
import { newRowId } from "../db/ids";
import { openField, sealField, dataKeyring } from "../crypto/sealed-fields";
import { checkAudio } from "./audio-check";
import { chunksFor, openRange, sealAudio } from "./chunks";
import { blobStoreFor, currentBlobStore } from "./stores";
import { memoWhereForUser } from "./access";
import type { TUploadedMemo } from "../../lib/voice/limits";

type TTx = Prisma.TransactionClient;

/** Unplaced memos a client may hold at once: enough for a week of quick thoughts, not a way to fill the disk. */
export const MAX_DRAFT_MEMOS = 20;
export const TOO_MANY_DRAFTS = `You have ${MAX_DRAFT_MEMOS} voice memos waiting to be placed. Place or discard some of them first (they're on your home page).`;
export const MEMO_GONE = "That voice memo isn't here any more. You could record it again.";

export const MEMO_SELECT = { id: true, clientId: true, note: true, durationMs: true, createdAt: true } as const;
export type TMemoRow = Prisma.VoiceMemoGetPayload<{ select: typeof MEMO_SELECT }>;
export type TMemo = { id: string; note: string; durationMs: number; createdAt: Date };

/** A memo as people see it: its note opened, the owner id dropped. */
export function openMemo({ clientId, ...row }: TMemoRow): TMemo {
  return { ...row, note: openField("voiceMemoNote", { memoId: row.id, clientId }, row.note) };
}

export type TSaveUpload = { saved: true; memo: TUploadedMemo } | { saved: false; message: string };

export async function saveUpload(db: TDb, client: Pick<TSessionUser, "id">, bytes: Buffer, note: string): Promise<TSaveUpload> {
  const drafts = await db.voiceMemo.count({ where: unplacedWhere(client) });
  if (drafts >= MAX_DRAFT_MEMOS) return { saved: false, message: TOO_MANY_DRAFTS };
  const audio = await checkAudio(bytes, maxMemoSeconds());
  if (!audio.isAudio) return { saved: false, message: audio.message };

  const id = newRowId();
  const sealed = sealAudio(dataKeyring(), id, bytes);
  const store = currentBlobStore();
  const data = {
    id,
    clientId: client.id,
    note: sealField("voiceMemoNote", { memoId: id, clientId: client.id }, note.trim()),
    mimeType: audio.mimeType,
    durationMs: audio.durationMs,
    byteSize: bytes.length,
    chunkBytes: sealed.chunkBytes,
    chunkCount: sealed.chunks.length,
    store: store.kind,
    keyId: sealed.keyId,
    createdAt: clockNow(),
  } satisfies Prisma.VoiceMemoUncheckedCreateInput;

  if (store.kind === "postgres") {
    await db.$transaction(async (tx) => {
      await tx.voiceMemo.create({ data, select: { id: true } });
      await store.put(tx, id, sealed.chunks);
    });
  } else {
    await store.put(db, id, sealed.chunks);
    try {
      await db.voiceMemo.create({ data, select: { id: true } });
    } catch (error) {
      await store.remove(db, [id]);
      throw error;
    }
  }
  return { saved: true, memo: { id, durationMs: audio.durationMs, mimeType: audio.mimeType, createdAt: data.createdAt.toISOString() } };
}

function unplacedWhere(client: Pick<TSessionUser, "id">): Prisma.VoiceMemoWhereInput {
  return { clientId: client.id, journalEntryId: null, agendaItemId: null, occurrenceId: null, messageId: null };
}

export type TMemoPlace = { journalEntryId: string } | { agendaItemId: string } | { occurrenceId: string } | { messageId: string };

/**
 * Puts the client's draft memo in its place, inside the caller's transaction
 * (the one that creates the journal entry, agenda item or homework record).
 * A memo already placed, discarded or someone else's is a field error on
 * `field`, and the caller's transaction rolls back with it.
 */
export async function placeMemo(tx: TTx, client: Pick<TSessionUser, "id">, memoId: string, place: TMemoPlace, field = "voiceMemoId"): Promise<void> {
  const placed = await tx.voiceMemo.updateMany({
    where: { id: memoId, ...unplacedWhere(client) },
    data: { ...place, placedAt: clockNow() },
  });
  if (placed.count !== 1) throw fieldError(field, MEMO_GONE);
}

export async function listDrafts(db: TDb, client: TSessionUser): Promise<TMemo[]> {
  const rows = await db.voiceMemo.findMany({ where: unplacedWhere(client), orderBy: { createdAt: "desc" }, take: MAX_DRAFT_MEMOS, select: MEMO_SELECT });
  return rows.map(openMemo);
}

export async function setNote(db: TDb, client: TSessionUser, memoId: string, note: string): Promise<TMemo> {
  const updated = await db.voiceMemo.updateMany({
    where: { id: memoId, clientId: client.id },
    data: { note: sealField("voiceMemoNote", { memoId, clientId: client.id }, note.trim()) },
  });
  if (updated.count !== 1) throw notFound("That voice memo");
  return openMemo(await db.voiceMemo.findUniqueOrThrow({ where: { id: memoId }, select: MEMO_SELECT }));
}

/**
 * The client removes one of their memos, wherever it is: it is their voice.
 * The row goes with its Postgres chunks (ON DELETE CASCADE); an object-store
 * copy is removed by the job the row's deletion adds (see the migration).
 */
export async function deleteMemo(db: TDb, client: TSessionUser, memoId: string): Promise<void> {
  const removed = await db.voiceMemo.deleteMany({ where: { id: memoId, clientId: client.id } });
  if (removed.count !== 1) throw notFound("That voice memo");
}

/** What reading a memo's audio needs (readMemoBytes). */
export const PLAYABLE_SELECT = { id: true, clientId: true, keyId: true, byteSize: true, chunkBytes: true, chunkCount: true, mimeType: true, store: true } as const;
export type TPlayableMemo = Prisma.VoiceMemoGetPayload<{ select: typeof PLAYABLE_SELECT }>;

/**
 * The memo if `user` may hear it now, else null (a malformed id too: it
 * never reaches the database). A database that can't answer throws, so the
 * route says "unavailable" rather than "not found".
 */
export async function findPlayableMemo(db: TDb, user: Pick<TSessionUser, "id" | "role">, memoId: string): Promise<TPlayableMemo | null> {
  if (!z.uuid().safeParse(memoId).success) return null;
  return db.voiceMemo.findFirst({ where: { AND: [{ id: memoId }, memoWhereForUser(user)] }, select: PLAYABLE_SELECT });
}

/** Plaintext bytes `start`..`end` (inclusive) of a memo the caller has already found playable. */
export async function readMemoBytes(db: TDb, memo: TPlayableMemo, start: number, end: number): Promise<Buffer> {
  const { first, last, sealedChunkBytes } = chunksFor(memo, start, end);
  const sealed = await blobStoreFor(memo.store).read(db, memo.id, { first, last, sealedChunkBytes });
  return openRange(dataKeyring(), memo, first, sealed, start, end);
}

/** After a memo row has gone: its object-store copy goes too (the job in server/jobs/tasks/voice-memo-object-delete.ts). */
export async function removeDeletedMemoObject(db: TDb, memoId: string): Promise<void> {
  const stillThere = await db.voiceMemo.count({ where: { id: memoId } });
  if (stillThere > 0) return;
  await blobStoreFor("object_store").remove(db, [memoId]);
}
