// The shape of a memo's sealed chunks in a blob store (server/voice/blob-store.ts),
// checked the same way by every store, on the way in and on the way out.
//
// INVARIANTS
// - Chunk k of a memo starts at byte k * sealedChunkBytes of the memo's
//   sealed bytes: every chunk but the last is exactly that long, and none is
//   empty. A put that breaks this is refused, because a later range read
//   could not find its chunks by position.
// - A read returns exactly the chunks first..last, or throws: a missing
//   chunk, a short one in the middle or one too long is a broken store (or,
//   where a store keeps chunks apart, a caller with the wrong chunk size),
//   never something to pass on silently.
// - Memo ids are UUIDs: they become object keys and uuid parameters, so
//   anything else is refused before it can name another key.
export type TChunkRange = { first: number; last: number; sealedChunkBytes: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertMemoId(memoId: string): void {
  if (!UUID.test(memoId)) throw new Error("A voice memo id must be a UUID.");
}

/** Refuses chunks that could not be read back by position (see the invariants). */
export function assertChunkLayout(memoId: string, chunks: readonly Buffer[]): void {
  assertMemoId(memoId);
  if (chunks.length === 0) throw new Error(`Voice memo ${memoId}: there are no chunks to store.`);
  const size = chunks[0].length;
  chunks.forEach((chunk, index) => {
    const isLast = index === chunks.length - 1;
    if (chunk.length === 0 || (isLast ? chunk.length > size : chunk.length !== size)) {
      throw new Error(
        `Voice memo ${memoId}: chunk ${index} is ${chunk.length} bytes; every chunk but the last must be ${size} bytes and none empty.`,
      );
    }
  });
}

/** How many chunks the range names, after checking it is one. */
export function chunkCount(memoId: string, range: TChunkRange): number {
  assertMemoId(memoId);
  const { first, last, sealedChunkBytes } = range;
  if (![first, last, sealedChunkBytes].every(Number.isSafeInteger) || first < 0 || last < first || sealedChunkBytes <= 0) {
    throw new Error(`Voice memo ${memoId}: chunks ${first}..${last} of ${sealedChunkBytes} bytes is not a range.`);
  }
  return last - first + 1;
}

/** A store that does not hold the chunks asked for: the memo's bytes are lost (or were never written), not the store down. */
export class MissingChunksError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "MissingChunksError";
  }
}

/** Checks chunks read back for a range: all there, each full size but the last, which may be shorter. */
export function assertReadChunks(memoId: string, range: TChunkRange, chunks: readonly Buffer[]): Buffer[] {
  const count = chunkCount(memoId, range);
  const isWhole =
    chunks.length === count &&
    chunks.every((chunk, index) =>
      index === count - 1 ? chunk.length > 0 && chunk.length <= range.sealedChunkBytes : chunk.length === range.sealedChunkBytes,
    );
  if (!isWhole) {
    throw new MissingChunksError(`Voice memo ${memoId}: the store does not hold chunks ${range.first}..${range.last} whole.`);
  }
  return [...chunks];
}

/** Cuts the bytes of a range (chunk `first` onwards) back into its chunks, then checks them. */
export function splitRange(memoId: string, range: TChunkRange, bytes: Buffer): Buffer[] {
  const count = chunkCount(memoId, range);
  const chunks: Buffer[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = index * range.sealedChunkBytes;
    if (start >= bytes.length) break;
    // The last chunk takes whatever is left, so one too long shows up in the check below.
    chunks.push(bytes.subarray(start, index === count - 1 ? bytes.length : start + range.sealedChunkBytes));
  }
  return assertReadChunks(memoId, range, chunks);
}
