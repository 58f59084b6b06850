// Voice memos' sealed bytes in Postgres (issue 24), the default store: table
// voice_memo_chunks, one row per chunk (memo_id, idx, data), so a range of
// the audio reads only its rows and every pg_dump and backup holds the audio.
//
// The queries name the table directly rather than going through its Prisma
// model, so this store does not depend on how the model is spelled.
//
// INVARIANTS
// - Only sealed chunks reach the table: put() is given them already sealed
//   (server/voice/chunks.ts).
// - A memo's chunks arrive all or none: the batches of one put run in one
//   transaction (the caller's, when it passes one).
// - Rows go with their memo: voice_memo_chunks.memo_id references voice_memos
//   ON DELETE CASCADE, so remove() is for callers that keep the memo row.
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TBlobStore } from "./blob-store";
import { assertChunkLayout, assertMemoId, assertReadChunks, chunkCount } from "./blob-layout";

type TTx = Prisma.TransactionClient;

/**
 * Chunks per INSERT, by size. node-pg sends a bytea[] parameter as hex text,
 * so a statement costs several times its bytes in memory on the way out. Measured on a 21 MB memo: one statement raised the process's
 * peak by ~250-300 MB, 4 MB batches by ~170 MB, 1 MB batches by ~120 MB, and
 * the smaller batches were no slower.
 */
const INSERT_BATCH_BYTES = 1024 * 1024;

function batchesOf(chunks: readonly Buffer[]): { first: number; chunks: Buffer[] }[] {
  const batches: { first: number; chunks: Buffer[] }[] = [];
  let bytes = 0;
  chunks.forEach((chunk, index) => {
    const current = batches.at(-1);
    if (!current || bytes + chunk.length > INSERT_BATCH_BYTES) {
      batches.push({ first: index, chunks: [chunk] });
      bytes = chunk.length;
    } else {
      current.chunks.push(chunk);
      bytes += chunk.length;
    }
  });
  return batches;
}

async function insertChunks(db: TDb | TTx, memoId: string, batches: { first: number; chunks: Buffer[] }[]): Promise<void> {
  for (const batch of batches) {
    const indexes = batch.chunks.map((_, offset) => batch.first + offset);
    await db.$executeRaw`
      INSERT INTO voice_memo_chunks (memo_id, idx, data)
      SELECT ${memoId}::uuid, chunk.idx, chunk.data
      FROM unnest(${indexes}::int[], ${batch.chunks}::bytea[]) AS chunk(idx, data)`;
  }
}

export function createPostgresBlobStore(): TBlobStore {
  return {
    kind: "postgres",

    async put(db, memoId, chunks) {
      assertChunkLayout(memoId, chunks);
      const batches = batchesOf(chunks);
      // The app's client opens a transaction; a transaction client (or one joined
      // to the request's, server/db/transaction.ts) is one already.
      if (batches.length > 1 && "$transaction" in db && typeof db.$transaction === "function") {
        await db.$transaction((tx) => insertChunks(tx, memoId, batches));
      } else {
        await insertChunks(db, memoId, batches);
      }
    },

    async read(db, memoId, range) {
      chunkCount(memoId, range);
      const rows = await db.$queryRaw<{ idx: number; data: Uint8Array }[]>`
        SELECT idx, data FROM voice_memo_chunks
        WHERE memo_id = ${memoId}::uuid AND idx BETWEEN ${range.first} AND ${range.last}
        ORDER BY idx`;
      if (rows.some((row, offset) => row.idx !== range.first + offset)) {
        throw new Error(`Voice memo ${memoId}: the store does not hold chunks ${range.first}..${range.last} whole.`);
      }
      // Prisma hands bytea back as a Uint8Array; a Buffer over the same memory, not a copy.
      const chunks = rows.map((row) => Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength));
      return assertReadChunks(memoId, range, chunks);
    },

    async remove(db, memoIds) {
      if (memoIds.length === 0) return;
      memoIds.forEach(assertMemoId);
      await db.$executeRaw`DELETE FROM voice_memo_chunks WHERE memo_id = ANY(${[...memoIds]}::uuid[])`;
    },

    async count(db) {
      const [row] = await db.$queryRaw<{ memos: bigint }[]>`SELECT count(DISTINCT memo_id) AS memos FROM voice_memo_chunks`;
      return Number(row.memos);
    },
  };
}
