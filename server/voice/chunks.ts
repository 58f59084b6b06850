// A voice memo's audio, sealed in fixed-size chunks (issue 24).
//
// INVARIANTS
// - Every chunk is AES-256-GCM under one data key (named on the memo row),
//   bound to its memo, its position and whether it is the last: a chunk moved
//   to another memo or place, a memo cut short or reordered, fails to open.
// - Chunk k holds plaintext bytes [k * chunkBytes, (k + 1) * chunkBytes); so a
//   byte range maps to the few chunks that hold it, and only those are read
//   and opened (HTTP Range, server/voice/playback.ts).
import { SEALED_BYTES_OVERHEAD, openBytes, sealBytes, type TKeyring } from "../crypto/sealed-text";

/** 64 KiB: a second or two of speech; a range request opens at most a few. */
export const CHUNK_BYTES = 64 * 1024;

export function sealedChunkBytes(chunkBytes: number): number {
  return chunkBytes + SEALED_BYTES_OVERHEAD;
}

function chunkContext(memoId: string, index: number, count: number): string {
  return `voice_memos|${memoId}|${index}|${index === count - 1 ? "last" : "more"}`;
}

export function sealAudio(keyring: TKeyring, memoId: string, audio: Buffer, chunkBytes = CHUNK_BYTES) {
  const count = Math.max(1, Math.ceil(audio.length / chunkBytes));
  const chunks: Buffer[] = [];
  for (let index = 0; index < count; index++) {
    const plain = audio.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    chunks.push(sealBytes(keyring.current, plain, chunkContext(memoId, index, count)));
  }
  return { keyId: keyring.current.id, chunkBytes, chunks };
}

export type TSealedMemoShape = { id: string; keyId: string; byteSize: number; chunkBytes: number; chunkCount: number };

/** The chunks that hold bytes `start`..`end` (inclusive) of the audio. */
export function chunksFor(memo: TSealedMemoShape, start: number, end: number) {
  return { first: Math.floor(start / memo.chunkBytes), last: Math.floor(end / memo.chunkBytes), sealedChunkBytes: sealedChunkBytes(memo.chunkBytes) };
}

/** Opens chunks `first`.. (as read from a store) and cuts out bytes `start`..`end`. */
export function openRange(keyring: TKeyring, memo: TSealedMemoShape, first: number, sealed: readonly Buffer[], start: number, end: number): Buffer {
  const plain = Buffer.concat(sealed.map((chunk, offset) => openBytes(keyring, memo.keyId, chunk, chunkContext(memo.id, first + offset, memo.chunkCount))));
  const from = start - first * memo.chunkBytes;
  return plain.subarray(from, from + (end - start + 1));
}
