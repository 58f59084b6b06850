// Where a voice memo's sealed bytes live (issue 24), behind one interface:
// Postgres by default (voice_memo_chunks; in every pg_dump and backup), or an
// S3-compatible object store when BLOB_STORE_URL is set.
//
// INVARIANTS
// - Only sealed chunks ever reach a store (server/voice/chunks.ts): each is
//   AES-256-GCM under the data keyring, bound to its memo and position.
// - A memo is stored as numbered chunks of a fixed sealed size (the last may
//   be shorter), so a range of the audio reads only the chunks it needs.
// - A store never decides who may read: server/voice/memos.ts does, on every
//   request, before anything is read from here.
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";

type TTx = Prisma.TransactionClient;

export type TBlobStoreKind = "postgres" | "object_store";

export type TBlobStore = {
  readonly kind: TBlobStoreKind;
  /** Writes all of a memo's sealed chunks, in order (chunk 0 first). `db` is the caller's transaction where there is one. */
  put(db: TDb | TTx, memoId: string, chunks: readonly Buffer[]): Promise<void>;
  /** Sealed chunks `first`..`last` (inclusive), in order. Every chunk but the last is `sealedChunkBytes` long. */
  read(db: TDb, memoId: string, range: { first: number; last: number; sealedChunkBytes: number }): Promise<Buffer[]>;
  /** Removes these memos' bytes; ids it does not hold are ignored. */
  remove(db: TDb | TTx, memoIds: readonly string[]): Promise<void>;
  /** How many memos it holds bytes for (tests and the backup's report). */
  count(db: TDb): Promise<number>;
};
