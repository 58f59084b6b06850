// Key rotation for voice memo audio (server/crypto/reseal.ts runs it with
// the text columns): every memo whose chunks are sealed under an older key
// is opened and sealed again under the current one, memo by memo.
//
// INVARIANTS
// - The row's key id changes only where it still names the key the chunks
//   were read under, so two rotations at once, or a memo deleted meanwhile,
//   change nothing twice. In Postgres the chunks and the key id change in one
//   transaction; in an object store the object is rewritten first and the
//   row after, so a crash between leaves a readable memo only if the new key
//   is kept (it is: rotation never drops a key; DATA_ENCRYPTION_OLD_KEYS does).
// - A memo that cannot be opened (a key not configured, tampered bytes) or
//   whose bytes its store no longer holds is counted and left as it is; a
//   store out of reach stops the run (the next run finishes the job).
import type { TDb } from "../db/client";
import { SealedTextError, type TKeyring } from "../crypto/sealed-text";
import { openRange, sealAudio, sealedChunkBytes } from "./chunks";
import { blobStoreFor } from "./stores";
import { MissingChunksError } from "./blob-layout";

export type TAudioResealCounts = { resealed: number; unreadable: number };

export async function resealVoiceMemos(db: TDb, keyring: TKeyring, batchSize = 50): Promise<TAudioResealCounts> {
  const counts = { resealed: 0, unreadable: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const memos = await db.voiceMemo.findMany({
      where: { keyId: { not: keyring.current.id }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, keyId: true, byteSize: true, chunkBytes: true, chunkCount: true, store: true },
    });
    if (memos.length === 0) return counts;
    after = memos[memos.length - 1]!.id;
    for (const memo of memos) {
      const store = blobStoreFor(memo.store);
      let audio: Buffer;
      try {
        const sealed = await store.read(db, memo.id, { first: 0, last: memo.chunkCount - 1, sealedChunkBytes: sealedChunkBytes(memo.chunkBytes) });
        audio = openRange(keyring, memo, 0, sealed, 0, memo.byteSize - 1);
      } catch (error) {
        // Unopenable, or bytes the store no longer holds: counted, left as they are, and the rotation goes on.
        if (!(error instanceof SealedTextError) && !(error instanceof MissingChunksError)) throw error;
        counts.unreadable += 1;
        continue;
      }
      const resealed = sealAudio(keyring, memo.id, audio, memo.chunkBytes);
      const changed = await db.$transaction(async (tx) => {
        if (store.kind === "postgres") {
          await store.remove(tx, [memo.id]);
          await store.put(tx, memo.id, resealed.chunks);
        } else {
          await store.put(tx, memo.id, resealed.chunks);
        }
        return tx.voiceMemo.updateMany({ where: { id: memo.id, keyId: memo.keyId }, data: { keyId: resealed.keyId } });
      });
      counts.resealed += changed.count;
    }
  }
}

export async function countVoiceMemosUnderOldKeys(db: TDb, keyring: TKeyring): Promise<number> {
  return db.voiceMemo.count({ where: { keyId: { not: keyring.current.id } } });
}
