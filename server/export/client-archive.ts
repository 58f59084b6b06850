// The client's export as one ZIP archive (issue 24), served by
// GET /api/account/export: alliance-export.json (client-export.ts, the JSON
// the download always was), alliance-export.html (the printable page as a
// file of its own, rendered by the caller) and the audio of every voice memo
// the JSON lists, each under its `file` in voice-memos/.
//
// INVARIANTS
// - Made only after dataExport.mine has answered (server/api/export-download.ts):
//   that procedure decides who may have it and records the download's one
//   audit event; nothing here records another.
// - A memo's audio is found again as the client (memoWhereForUser: their own
//   memos only) just before it is read. One they delete while the archive is
//   being written is left out; every audio file in the archive is one the
//   JSON lists. (Not findPlayableMemo: it answers "not there" to any error,
//   and a database out of reach must fail the download, not drop a memo.)
// - Stored, not compressed: the audio is compressed already, and the JSON and
//   HTML stay readable as they are inside the file.
// - Streamed: entries go in one at a time, and a memo is read from its store
//   a few chunks at a time, only as fast as the download is read (each pipe
//   waits for the next), so neither a big archive nor a long memo is held in
//   memory.
// - A failure part-way (a store out of reach, a memo resealed by key rotation
//   while it was being read) ends the download with an error, never with a
//   short archive that looks whole: the ZIP's central directory is written
//   only at the end, and every chunk is authenticated as it is opened.
import "server-only";
import { Readable } from "node:stream";
import { ZipArchive, type EntryData } from "archiver";
import { PLAYABLE_SELECT, readMemoBytes, type TPlayableMemo } from "../voice/memos";
import { memoWhereForUser } from "../voice/access";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TClientExport } from "./client-export";

export const ARCHIVE_JSON = "alliance-export.json";
export const ARCHIVE_HTML = "alliance-export.html";

/** Sealed chunks read from a store per step while writing one memo (8 × 64 KiB: half a megabyte). */
const CHUNKS_PER_STEP = 8;
/** How much of the archive may wait, made and unread, for the download to take it. */
const BUFFERED_BYTES = 1024 * 1024;

/** The archive of `data` (dataExport.mine's answer), for the client it belongs to, as the body of a Response. */
export function clientArchiveStream(
  { db, user }: { db: TDb; user: Pick<TSessionUser, "id" | "role"> },
  data: TClientExport,
  html: string,
): ReadableStream<Uint8Array> {
  const archive = new ZipArchive({ store: true });
  let reading: Readable | undefined;
  const stop = (error?: Error) => {
    reading?.destroy();
    archive.destroy(error);
  };

  async function fill() {
    const madeAt = new Date(data.exportedAt);
    await appendEntry(archive, Buffer.from(`${JSON.stringify(data, null, 2)}\n`), { name: ARCHIVE_JSON, date: madeAt });
    await appendEntry(archive, Buffer.from(html), { name: ARCHIVE_HTML, date: madeAt });
    for (const listed of data.voiceMemos) {
      const memo = await db.voiceMemo.findFirst({ where: { AND: [{ id: listed.id }, memoWhereForUser(user)] }, select: PLAYABLE_SELECT });
      if (!memo) continue;
      reading = memoAudio(db, memo);
      await appendEntry(archive, reading, { name: listed.file, date: new Date(listed.recordedAt) });
    }
    reading = undefined;
    // Resolves once the download has read the end; its failures reach the reader as the archive's error.
    archive.finalize().catch(() => undefined);
  }
  fill().catch((error: unknown) => stop(error instanceof Error ? error : new Error(String(error))));
  return webStreamOf(archive, stop);
}

/** A memo's plaintext, opened a few chunks at a time as the archive asks for more. */
function memoAudio(db: TDb, memo: TPlayableMemo): Readable {
  const step = memo.chunkBytes * CHUNKS_PER_STEP;
  async function* steps() {
    for (let start = 0; start < memo.byteSize; start += step) {
      yield await readMemoBytes(db, memo, start, Math.min(memo.byteSize, start + step) - 1);
    }
  }
  return Readable.from(steps(), { objectMode: false });
}

/**
 * Appends one entry and waits until the archive has taken all of it, so the
 * next is read only then. A source that fails fails the whole archive (the
 * archive pipes a stream without passing its errors on, and would wait forever).
 */
function appendEntry(archive: ZipArchive, source: Buffer | Readable, entry: EntryData): Promise<void> {
  // Stopped already (the download given up on): nothing more goes in, and no event would come to say so.
  if (archive.destroyed) return Promise.reject(new Error("The archive was stopped."));
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      archive.off("entry", onEntry).off("error", settle).off("close", onClose);
      if (source instanceof Readable) source.off("error", settle);
      if (error) reject(error);
      else resolve();
    };
    const onEntry = () => settle();
    const onClose = () => settle(new Error("The archive was closed before all of it was written."));
    archive.on("entry", onEntry).on("error", settle).on("close", onClose);
    if (source instanceof Readable) source.on("error", settle);
    archive.append(source, entry);
  });
}

/**
 * The archive as a web stream: read only as fast as the download takes it
 * (paused while BUFFERED_BYTES wait), an error or an early close ends it with
 * an error, and a download given up on stops the archive.
 */
function webStreamOf(archive: ZipArchive, stop: (error?: Error) => void): ReadableStream<Uint8Array> {
  let isSettled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const fail = (error: Error) => {
          if (isSettled) return;
          isSettled = true;
          controller.error(error);
        };
        archive.on("data", (chunk: Buffer) => {
          if (isSettled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) archive.pause();
        });
        archive.once("end", () => {
          if (isSettled) return;
          isSettled = true;
          controller.close();
        });
        archive.on("error", (error: Error) => {
          fail(error);
          stop(error);
        });
        archive.once("close", () => fail(new Error("The archive stopped before its end.")));
      },
      pull() {
        archive.resume();
      },
      cancel() {
        isSettled = true;
        stop();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: BUFFERED_BYTES }),
  );
}
