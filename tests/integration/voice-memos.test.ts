// Voice memos end to end (issue 24), against a real Postgres and, for the
// object-store mode, s3rver (tests/support/s3-stand-in.ts). The upload and
// playback route files run the way `next start` runs them, with a real
// next-auth session cookie; nothing is mocked. What is proved:
// - the audio is sealed in chunks bound to their memo and place, and no copy
//   of the database (or the object store) holds a byte of it in the clear;
// - upload measures the length from the audio and refuses anything else
//   without storing a thing, a body too big without reading it;
// - playback answers ranges byte for byte, and asks who may hear the memo on
//   every request, so sharing and unsharing take effect at once;
// - in an object store, deleting an account removes the objects (through the
//   job the voice_memos trigger queues); key rotation reseals the audio.
import { appRoute, setNextAuthTestEnv, signInThroughNextAuth } from "../support/next-route";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as uploadRouteFile from "@/app/api/voice-memos/route";
import * as playbackRouteFile from "@/app/api/voice-memos/[memoId]/route";
import { getDb } from "@/server/db/client";
import { newRowId } from "@/server/db/ids";
import { getEnv, requireDatabaseUrl, setEnvForChildren } from "@/server/env";
import { dataKeyring, sealField } from "@/server/crypto/sealed-fields";
import { generateDataKey, parseDataKey, SEALED_BYTES_OVERHEAD, SealedTextError } from "@/server/crypto/sealed-text";
import { countUnsealed, resealAll } from "@/server/crypto/reseal";
import { runJobsOnce } from "@/server/jobs/worker";
import { CHUNK_BYTES, chunksFor, openRange, sealAudio, sealedChunkBytes, type TSealedMemoShape } from "@/server/voice/chunks";
import { checkAudio, EMPTY, NOT_AUDIO } from "@/server/voice/audio-check";
import { MAX_DRAFT_MEMOS, MEMO_GONE, TOO_MANY_DRAFTS } from "@/server/voice/memos";
import { currentBlobStore } from "@/server/voice/stores";
import { NOTE_HEADER, TOO_BIG, UPLOAD_HEADER } from "@/server/voice/http";
import { MAX_MEMO_BYTES, MEMO_NOTE_MAX, type TUploadAnswer, type TUploadedMemo } from "@/lib/voice/limits";
import { callerFor, MEMO_FIXTURE, seedAssignment, seedCast, seedClient, seedWorkingPair, TEST_PASSWORD, type TCast } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { dumpDatabase } from "../support/dump";
import { rejection } from "../support/errors";
import { startS3StandIn, type TS3StandIn } from "../support/s3-stand-in";

setNextAuthTestEnv();
const db = connectTestDb();
afterAll(() => getDb().$disconnect());

const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);
const uploadRoute = appRoute("/api/voice-memos/route", uploadRouteFile);
const playbackRoute = appRoute("/api/voice-memos/[memoId]/route", playbackRouteFile);

/** Chromium's MediaRecorder output as fragmented MP4 (Opus), as recent Chromium records for audio/mp4. */
const MP4_FIXTURE = readFileSync(new URL("../fixtures/audio/chromium-opus.mp4", import.meta.url));
const SIZE = MEMO_FIXTURE.length;
/** 32 bytes from the middle of the recording: if the audio were stored in the clear, they would be found. */
const PLAIN_SLICE = MEMO_FIXTURE.subarray(Math.floor(SIZE / 2), Math.floor(SIZE / 2) + 32);
/** A real 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

let addresses = 0;
/** A session cookie from next-auth's real sign-in; each sign-in from its own address, so throttles never couple. */
function signIn(user: { email: string }): Promise<string> {
  addresses += 1;
  return signInThroughNextAuth(authRoute, { email: user.email, password: TEST_PASSWORD }, `10.86.${addresses >> 8}.${addresses & 255}`);
}

type TBody = Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | string;

/** POST /api/voice-memos as the recorder in our own page sends it; `headers` adds to or (null) removes from that. */
function upload(cookie: string | null, body: TBody, headers: Record<string, string | null> = {}): Promise<Response> {
  const sent: Record<string, string> = { "content-type": "audio/webm", [UPLOAD_HEADER]: "1", "sec-fetch-site": "same-origin" };
  if (cookie) sent.cookie = cookie;
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) delete sent[name];
    else sent[name] = value;
  }
  // A stream body needs `duplex: "half"`, which the DOM's RequestInit type does not list yet.
  const init = { method: "POST", headers: sent, body, duplex: "half" } as RequestInit;
  return uploadRoute(new Request("http://localhost/api/voice-memos", init), {});
}

/** A WAV file of `seconds` of a quiet tone: 8 kHz, 8-bit, mono (what a picked file from a simple recorder looks like). */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate * seconds);
  for (let index = 0; index < samples.length; index++) samples[index] = 128 + Math.round(20 * Math.sin((2 * Math.PI * 440 * index) / rate));
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes a second
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

async function uploadFixture(cookie: string, bytes: Buffer = MEMO_FIXTURE): Promise<TUploadedMemo> {
  const response = await upload(cookie, new Uint8Array(bytes));
  const answer = (await response.json()) as TUploadAnswer;
  if (!("memo" in answer)) throw new Error(`upload refused (${response.status}): ${answer.error.message}`);
  expect(response.status).toBe(201);
  return answer.memo;
}

/** GET /api/voice-memos/<id>, as an <audio> element on our own page asks. */
function play(cookie: string | null, memoId: string, range?: string): Promise<Response> {
  const headers: Record<string, string> = { "sec-fetch-site": "same-origin" };
  if (cookie) headers.cookie = cookie;
  if (range) headers.range = range;
  return playbackRoute(new Request(`http://localhost/api/voice-memos/${memoId}`, { headers }), { memoId });
}

async function bodyOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

/** Plays `start`..`end` and checks the answer is exactly those bytes of `audio`. */
async function expectRange(cookie: string, memoId: string, start: number, end: number, audio: Buffer = MEMO_FIXTURE) {
  const response = await play(cookie, memoId, `bytes=${start}-${end}`);
  expect(response.status, `bytes=${start}-${end}`).toBe(206);
  expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${audio.length}`);
  expect((await bodyOf(response)).equals(audio.subarray(start, end + 1)), `bytes=${start}-${end}`).toBe(true);
}

async function expectWhole(cookie: string, memoId: string, audio: Buffer = MEMO_FIXTURE) {
  const response = await play(cookie, memoId);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-length")).toBe(String(audio.length));
  expect((await bodyOf(response)).equals(audio)).toBe(true);
}

async function storedCounts(): Promise<{ memos: number; chunks: number }> {
  const [row] = await db.$queryRaw<{ memos: number; chunks: number }[]>`
    SELECT (SELECT count(*)::int FROM voice_memos) AS memos, (SELECT count(*)::int FROM voice_memo_chunks) AS chunks`;
  return row!;
}

/** How many chunk rows hold `bytes` anywhere in their data. */
async function chunkRowsHolding(bytes: Buffer): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM voice_memo_chunks WHERE position(${bytes}::bytea IN data) > 0`;
  return row!.count;
}

/**
 * The fixture kept as saveUpload keeps a memo (sealed under the data keyring
 * in the configured store, the row naming its chunk size), a draft, cut into
 * `chunkBytes`-byte chunks: at the app's 64 KiB the 48 KB fixture is a single
 * chunk, and a range that crosses chunk borders needs several.
 */
async function keepFixture(clientId: string, chunkBytes = 1000): Promise<string> {
  const id = newRowId();
  const sealed = sealAudio(dataKeyring(), id, MEMO_FIXTURE, chunkBytes);
  const store = currentBlobStore();
  const data = {
    id,
    clientId,
    note: sealField("voiceMemoNote", { memoId: id, clientId }, ""),
    mimeType: "audio/webm",
    durationMs: 3480,
    byteSize: SIZE,
    chunkBytes,
    chunkCount: sealed.chunks.length,
    store: store.kind,
    keyId: sealed.keyId,
    createdAt: new Date(),
  };
  if (store.kind === "object_store") await store.put(db, id, sealed.chunks);
  await db.$transaction(async (tx) => {
    await tx.voiceMemo.create({ data, select: { id: true } });
    if (store.kind === "postgres") await store.put(tx, id, sealed.chunks);
  });
  return id;
}

/** Ranges that start and end inside chunks of 1,000 bytes, on their borders and across them. */
const RANGES: [number, number][] = [
  [0, SIZE - 1],
  [0, 0],
  [0, 999],
  [999, 1000],
  [1000, 1999],
  [1500, 1501],
  [1234, 5678],
  [2999, 7000],
  [SIZE - 700, SIZE - 1],
  [SIZE - 1, SIZE - 1],
  [Math.floor(SIZE / 2) - 17, Math.floor(SIZE / 2) + 2017],
];

let cast: TCast;
const cookies = {} as Record<"client" | "therapist" | "otherClient" | "otherTherapist", string>;

beforeAll(async () => {
  cast = await seedCast(db);
  for (const actor of ["client", "therapist", "otherClient", "otherTherapist"] as const) cookies[actor] = await signIn(cast[actor]);
});

describe("sealed chunks", () => {
  const CHUNK = 1000;

  function sealFixture(memoId: string = randomUUID()) {
    const sealed = sealAudio(dataKeyring(), memoId, MEMO_FIXTURE, CHUNK);
    const memo: TSealedMemoShape = { id: memoId, keyId: sealed.keyId, byteSize: SIZE, chunkBytes: CHUNK, chunkCount: sealed.chunks.length };
    return { memo, chunks: sealed.chunks };
  }

  /** What a range request does: find the chunks, take only those (as a store hands them back), open them and cut. */
  function readRange(memo: TSealedMemoShape, chunks: readonly Buffer[], start: number, end: number): Buffer {
    const { first, last } = chunksFor(memo, start, end);
    return openRange(dataKeyring(), memo, first, chunks.slice(first, last + 1), start, end);
  }

  it("opens the whole and any range, inside chunks, on their borders and across them, byte for byte", () => {
    const { memo, chunks } = sealFixture();
    expect(chunks).toHaveLength(Math.ceil(SIZE / CHUNK));
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === sealedChunkBytes(CHUNK))).toBe(true);
    expect(chunks.at(-1)!.length).toBe((SIZE % CHUNK || CHUNK) + SEALED_BYTES_OVERHEAD);
    expect(Buffer.concat(chunks).indexOf(PLAIN_SLICE)).toBe(-1);

    for (const [start, end] of RANGES) {
      expect(readRange(memo, chunks, start, end).equals(MEMO_FIXTURE.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
    // A window of one chunk's length, shifted off the borders, at every chunk.
    for (let start = CHUNK / 2; start < SIZE; start += CHUNK) {
      const end = Math.min(SIZE - 1, start + CHUNK);
      expect(readRange(memo, chunks, start, end).equals(MEMO_FIXTURE.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
  });

  it("refuses a chunk moved to another position, a chunk from another memo, a changed byte, and a memo cut short", () => {
    const { memo, chunks } = sealFixture();

    const swapped = [...chunks];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(() => readRange(memo, swapped, 3500, 3600)).toThrow(SealedTextError);
    expect(() => readRange(memo, swapped, 0, SIZE - 1)).toThrow(SealedTextError);
    // Chunks left where they were still open: the failure is the moved chunk's, not the memo's.
    expect(readRange(memo, swapped, 0, 2999).equals(MEMO_FIXTURE.subarray(0, 3000))).toBe(true);

    // The same audio sealed for another memo, under the same key: its chunk 5 is not this memo's chunk 5.
    const other = sealFixture();
    const mixed = [...chunks];
    mixed[5] = other.chunks[5]!;
    expect(() => readRange(memo, mixed, 5000, 5999)).toThrow(SealedTextError);
    expect(readRange(other.memo, other.chunks, 5000, 5999).equals(MEMO_FIXTURE.subarray(5000, 6000))).toBe(true);

    const changed = [...chunks];
    changed[7] = Buffer.from(chunks[7]!);
    changed[7][100]! ^= 1;
    expect(() => readRange(memo, changed, 7000, 7000)).toThrow(SealedTextError);

    // The last chunk dropped, and a row that says so: the chunk now last was sealed as "more to come".
    const count = chunks.length;
    const cut = { ...memo, chunkCount: count - 1, byteSize: (count - 1) * CHUNK };
    expect(() => readRange(cut, chunks.slice(0, -1), 0, cut.byteSize - 1)).toThrow(SealedTextError);
    expect(() => readRange(cut, chunks.slice(0, -1), cut.byteSize - 1, cut.byteSize - 1)).toThrow(SealedTextError);
    expect(readRange(cut, chunks, 0, cut.byteSize - CHUNK - 1).equals(MEMO_FIXTURE.subarray(0, cut.byteSize - CHUNK))).toBe(true);
  });
});

describe("POST /api/voice-memos", () => {
  it("keeps a Chromium WebM recording as the client's draft, measured from its audio, in chunk rows that hold none of its bytes", async () => {
    const before = await storedCounts();
    const response = await upload(cookies.client, new Uint8Array(MEMO_FIXTURE));
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { memo } = (await response.json()) as { memo: TUploadedMemo };
    expect(memo.mimeType).toBe("audio/webm");
    expect(memo.durationMs).toBeGreaterThanOrEqual(3400);
    expect(memo.durationMs).toBeLessThanOrEqual(3600);

    const row = await db.voiceMemo.findUniqueOrThrow({
      where: { id: memo.id },
      select: {
        clientId: true,
        store: true,
        byteSize: true,
        chunkBytes: true,
        chunkCount: true,
        durationMs: true,
        keyId: true,
        journalEntryId: true,
        agendaItemId: true,
        occurrenceId: true,
      },
    });
    expect(row).toEqual({
      clientId: cast.client.id,
      store: "postgres",
      byteSize: SIZE,
      chunkBytes: CHUNK_BYTES,
      chunkCount: Math.ceil(SIZE / CHUNK_BYTES),
      durationMs: memo.durationMs,
      keyId: dataKeyring().current.id,
      journalEntryId: null,
      agendaItemId: null,
      occurrenceId: null,
    });
    const chunks = await db.$queryRaw<{ idx: number; data: Uint8Array }[]>`
      SELECT idx, data FROM voice_memo_chunks WHERE memo_id = ${memo.id}::uuid ORDER BY idx`;
    expect(chunks.map((chunk) => chunk.idx)).toEqual([...Array(row.chunkCount).keys()]);
    expect(chunks.reduce((total, chunk) => total + chunk.data.length, 0)).toBe(SIZE + row.chunkCount * SEALED_BYTES_OVERHEAD);
    expect(await storedCounts()).toEqual({ memos: before.memos + 1, chunks: before.chunks + row.chunkCount });

    // No plaintext in any chunk row (the cast's memos included), nor in a copy of the database.
    expect(await chunkRowsHolding(PLAIN_SLICE)).toBe(0);
    const sealedSlice = Buffer.from(chunks[0]!.data).subarray(500, 532);
    expect(await chunkRowsHolding(sealedSlice)).toBe(1); // the query does find bytes that are there
    const dump = await dumpDatabase(requireDatabaseUrl());
    expect(dump.text).not.toContain(PLAIN_SLICE.toString("hex"));
    expect(dump.text).toContain(sealedSlice.toString("hex")); // the dump does hold the chunks, sealed
  });

  it("keeps Chromium's fragmented MP4 too, and takes the kind from the bytes, not the declared type", async () => {
    const response = await upload(cookies.client, new Uint8Array(MP4_FIXTURE), { "content-type": "audio/webm" });
    expect(response.status).toBe(201);
    const { memo } = (await response.json()) as { memo: TUploadedMemo };
    expect(memo.mimeType).toBe("audio/mp4");
    expect(memo.durationMs).toBeGreaterThanOrEqual(3200);
    expect(memo.durationMs).toBeLessThanOrEqual(3600);
    const played = await play(cookies.client, memo.id);
    expect(played.headers.get("content-type")).toBe("audio/mp4");
    expect((await bodyOf(played)).equals(MP4_FIXTURE)).toBe(true);

    const webm = await upload(cookies.client, new Uint8Array(MEMO_FIXTURE), { "content-type": "audio/mp4" });
    expect(((await webm.json()) as { memo: TUploadedMemo }).memo.mimeType).toBe("audio/webm");
  });
});

describe("GET /api/voice-memos/[memoId]", () => {
  it("answers a range with 206 and its bytes, the whole with 200, a range past the end with 416; never cached", async () => {
    const { id } = await uploadFixture(cookies.client);

    const partial = await play(cookies.client, id, "bytes=1000-20999");
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 1000-20999/${SIZE}`);
    expect(partial.headers.get("accept-ranges")).toBe("bytes");
    expect(partial.headers.get("cache-control")).toBe("private, no-store");
    expect(partial.headers.get("content-type")).toBe("audio/webm");
    expect(partial.headers.get("content-length")).toBe("20000");
    expect((await bodyOf(partial)).equals(MEMO_FIXTURE.subarray(1000, 21000))).toBe(true);

    const whole = await play(cookies.client, id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("cache-control")).toBe("private, no-store");
    expect((await bodyOf(whole)).equals(MEMO_FIXTURE)).toBe(true);

    const past = await play(cookies.client, id, "bytes=999999-");
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${SIZE}`);
    expect((await bodyOf(past)).length).toBe(0);

    // The last 500 bytes, and from a point to the end.
    const suffix = await play(cookies.client, id, "bytes=-500");
    expect(suffix.headers.get("content-range")).toBe(`bytes ${SIZE - 500}-${SIZE - 1}/${SIZE}`);
    expect((await bodyOf(suffix)).equals(MEMO_FIXTURE.subarray(SIZE - 500))).toBe(true);
    await expectRange(cookies.client, id, 40000, SIZE - 1);
  });

  it("reads only the chunks a range needs, across chunk borders, from a memo of dozens of chunks", async () => {
    const id = await keepFixture(cast.client.id);
    for (const [start, end] of RANGES) await expectRange(cookies.client, id, start, end);
    await expectWhole(cookies.client, id);
  });

  it("does not play a chunk moved to another position in the database", async () => {
    const id = await keepFixture(cast.client.id);
    await db.$executeRaw`
      UPDATE voice_memo_chunks AS c SET data = o.data FROM voice_memo_chunks AS o
      WHERE c.memo_id = ${id}::uuid AND o.memo_id = c.memo_id AND ((c.idx = 3 AND o.idx = 4) OR (c.idx = 4 AND o.idx = 3))`;
    await expectRange(cookies.client, id, 0, 2999);
    // The handler throws rather than answer with the moved chunk's audio (`next start` turns that into a 500).
    await expect(play(cookies.client, id, "bytes=3000-3999")).rejects.toThrow(SealedTextError);
    await expect(play(cookies.client, id, "bytes=3999-4000")).rejects.toThrow(SealedTextError);
    // Unreadable for good: it would be counted as such by every later key rotation in this database.
    await db.voiceMemo.delete({ where: { id }, select: { id: true } });
  });
});

describe("refused uploads", () => {
  /** `send` is refused with `status` and `message`, and neither a memo row nor a chunk row is added. */
  async function expectRefused(send: () => Promise<Response>, status: number, message?: string) {
    const before = await storedCounts();
    const response = await send();
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error: { message: string } };
    if (message) expect(answer.error.message).toBe(message);
    expect(await storedCounts()).toEqual(before);
  }

  it("refuses a picture, text or nothing sent as audio/webm with 422 and a plain sentence", async () => {
    await expectRefused(() => upload(cookies.client, new Uint8Array(PNG)), 422, NOT_AUDIO);
    await expectRefused(() => upload(cookies.client, "Dear diary, today was long."), 422, NOT_AUDIO);
    await expectRefused(() => upload(cookies.client, new Uint8Array(0)), 422, EMPTY);
  });

  it("refuses a body that says it is 50 MB with 413, before reading it", async () => {
    const part = 64 * 1024;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1;
          // Enough to make 50 MB if anyone read it through.
          if (pulls * part > 50 * 1024 * 1024) controller.close();
          else controller.enqueue(new Uint8Array(part));
        },
      },
      { highWaterMark: 0 },
    );
    await expectRefused(() => upload(cookies.client, body, { "content-length": String(50 * 1024 * 1024) }), 413, TOO_BIG);
    // Wrapping the request (Next's NextRequest) may pull one part ahead; the handler reads none of it.
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("stops reading a body without a length once it passes the limit: 413, and the stream is cancelled", async () => {
    const part = 1024 * 1024;
    let sent = 0;
    let isCancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 3 * MAX_MEMO_BYTES) return controller.error(new Error("read far past the limit"));
        sent += part;
        controller.enqueue(new Uint8Array(part).fill(7));
      },
      cancel() {
        isCancelled = true;
      },
    });
    await expectRefused(() => upload(cookies.client, body), 413, TOO_BIG);
    expect(isCancelled).toBe(true);
    expect(sent).toBeGreaterThan(MAX_MEMO_BYTES);
    expect(sent).toBeLessThanOrEqual(MAX_MEMO_BYTES + 4 * part);
  });

  it("refuses a recording longer than the limit, measured from the audio, naming the limit", async () => {
    const refused = await checkAudio(MEMO_FIXTURE, 1);
    expect(refused).toEqual({ isAudio: false, message: "That recording is 0:03 long; a voice memo can be up to 0:01. Nothing was saved." });
    expect(await checkAudio(MEMO_FIXTURE, 10)).toMatchObject({ isAudio: true });
    // Through the route, at the real limit (VOICE_MEMO_MAX_SECONDS, 5:00 here): a picked file of 5:20.
    await expectRefused(
      () => upload(cookies.client, new Uint8Array(wav(320)), { "content-type": "audio/wav" }),
      422,
      "That recording is 5:20 long; a voice memo can be up to 5:00. Nothing was saved.",
    );
  });

  it("keeps a picked WAV file, its length read by music-metadata, and refuses a WAV that claims audio and holds none", async () => {
    const memo = await uploadFixture(cookies.client, wav(4));
    expect(memo).toMatchObject({ mimeType: "audio/wav", durationMs: 4000 });
    await expectRefused(() => upload(cookies.client, new Uint8Array(wav(4).subarray(0, 44)), { "content-type": "audio/wav" }), 422);
  });

  it("refuses a note over its limit (400), and a client who already has a full set of drafts (422)", async () => {
    const note = encodeURIComponent("x".repeat(MEMO_NOTE_MAX + 1));
    await expectRefused(() => upload(cookies.client, new Uint8Array(MEMO_FIXTURE), { [NOTE_HEADER]: note }), 400);

    const client = await seedClient(db);
    const cookie = await signIn(client);
    for (let count = 0; count < MAX_DRAFT_MEMOS; count += 1) await keepFixture(client.id, CHUNK_BYTES);
    await expectRefused(() => upload(cookie, new Uint8Array(MEMO_FIXTURE)), 422, TOO_MANY_DRAFTS);
  });

  it("refuses a request not from Alliance's own pages (403), a therapist (404) and a signed-out visitor (401)", async () => {
    const audio = () => new Uint8Array(MEMO_FIXTURE);
    await expectRefused(() => upload(cookies.client, audio(), { [UPLOAD_HEADER]: null }), 403);
    await expectRefused(() => upload(cookies.client, audio(), { "sec-fetch-site": "cross-site" }), 403);
    await expectRefused(() => upload(cookies.client, audio(), { origin: "https://elsewhere.example", host: "localhost" }), 403);
    await expectRefused(() => upload(cookies.therapist, audio()), 404);
    await expectRefused(() => upload(cookies.otherTherapist, audio()), 404);
    await expectRefused(() => upload(null, audio()), 401);
  });
});

describe("who hears a memo, asked on every request", () => {
  const RANGE = "bytes=100-4099";
  async function statusFor(cookie: string | null, memoId: string) {
    const response = await play(cookie, memoId, RANGE);
    const body = await bodyOf(response);
    if (response.status === 206) expect(body.equals(MEMO_FIXTURE.subarray(100, 4100))).toBe(true);
    else expect(body.indexOf(MEMO_FIXTURE.subarray(100, 132))).toBe(-1);
    return response.status;
  }

  it("a journal entry's memo: the therapist hears it only while the entry is shared with them", async () => {
    const client = await callerFor(db, cast.client);
    const { id: memoId } = await uploadFixture(cookies.client);
    const entry = await client.journal.create({ body: "", voiceMemoId: memoId });
    expect(entry.voiceMemos.map((memo) => memo.id)).toEqual([memoId]);

    expect(await statusFor(cookies.client, memoId)).toBe(206);
    expect(await statusFor(cookies.therapist, memoId)).toBe(404);

    await client.journal.setSharing({ entryId: entry.id, engagementId: cast.engagement.id });
    expect(await statusFor(cookies.therapist, memoId)).toBe(206);
    expect(await statusFor(cookies.otherTherapist, memoId)).toBe(404);
    expect(await statusFor(cookies.otherClient, memoId)).toBe(404);
    expect(await statusFor(null, memoId)).toBe(401);

    await client.journal.setSharing({ entryId: entry.id, engagementId: null });
    expect(await statusFor(cookies.therapist, memoId)).toBe(404);
    expect(await statusFor(cookies.client, memoId)).toBe(206);
  });

  it("a shared journal entry's memo goes quiet for the therapist once their work with the client ends", async () => {
    const pair = await seedWorkingPair(db, { therapist: "Thea Ending", client: "Cal Ending" });
    const [clientCookie, therapistCookie] = [await signIn(pair.client), await signIn(pair.therapist)];
    const { id: memoId } = await uploadFixture(clientCookie);
    await (await callerFor(db, pair.client)).journal.create({ body: "", voiceMemoId: memoId, shareWithEngagementId: pair.engagement.id });
    expect(await statusFor(therapistCookie, memoId)).toBe(206);

    await (await callerFor(db, pair.therapist)).engagement.end({ engagementId: pair.engagement.id });
    expect(await statusFor(therapistCookie, memoId)).toBe(404);
    expect(await statusFor(clientCookie, memoId)).toBe(206);
  });

  it("puts the therapist's listening in the client's access log, once per play; the client's own listening is not an access", async () => {
    const memoId = cast.voiceMemos.onAgenda.id;
    const reads = () => db.auditEvent.count({ where: { action: "read", recordType: "voice_memo", recordId: memoId } });
    const statusOf = async (cookie: string, range: string) => {
      const response = await play(cookie, memoId, range);
      await response.arrayBuffer();
      return response.status;
    };
    const before = await reads();
    expect(await statusOf(cookies.client, "bytes=0-")).toBe(206);
    expect(await reads()).toBe(before);
    expect(await statusOf(cookies.therapist, "bytes=0-")).toBe(206);
    // The player's later ranges (seeking, buffering) are the same play.
    expect(await statusOf(cookies.therapist, "bytes=4000-")).toBe(206);
    expect(await reads()).toBe(before + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "read", recordType: "voice_memo", recordId: memoId }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ actorId: cast.therapist.id, clientId: cast.client.id });
    // A refused request records nothing.
    expect(await statusOf(cookies.otherTherapist, "bytes=0-")).toBe(404);
    expect(await reads()).toBe(before + 1);
  });

  it("a draft: only its client", async () => {
    const memoId = cast.voiceMemos.draft.id;
    expect(await statusFor(cookies.client, memoId)).toBe(206);
    for (const actor of ["therapist", "otherTherapist", "otherClient"] as const) expect(await statusFor(cookies[actor], memoId)).toBe(404);
    expect(await statusFor(cookies.client, "not-a-memo-id")).toBe(404);
  });

  it("an agenda item's memo: the client and the session's therapist", async () => {
    const memoId = cast.voiceMemos.onAgenda.id;
    expect(await statusFor(cookies.client, memoId)).toBe(206);
    expect(await statusFor(cookies.therapist, memoId)).toBe(206);
    expect(await statusFor(cookies.otherTherapist, memoId)).toBe(404);
    expect(await statusFor(cookies.otherClient, memoId)).toBe(404);
  });

  it("a homework day's memo: the therapist hears it once the client has recorded the day", async () => {
    const client = await callerFor(db, cast.client);
    const { occurrences } = await seedAssignment(db, cast.engagement);
    const today = occurrences[1]!;
    const { id: memoId } = await uploadFixture(cookies.client);
    expect(await statusFor(cookies.therapist, memoId)).toBe(404);

    await client.homework.complete({ occurrenceId: today.id, status: "done", voiceMemoId: memoId });
    expect(await db.voiceMemo.findUniqueOrThrow({ where: { id: memoId }, select: { occurrenceId: true } })).toEqual({ occurrenceId: today.id });
    expect(await statusFor(cookies.therapist, memoId)).toBe(206);
    expect(await statusFor(cookies.otherTherapist, memoId)).toBe(404);
    expect(await statusFor(cookies.otherClient, memoId)).toBe(404);
  });

  it("places a memo once, and only its own client's: anything else is a field error and changes nothing", async () => {
    const client = await callerFor(db, cast.client);
    const otherClient = await callerFor(db, cast.otherClient);
    const { id: placed } = await uploadFixture(cookies.client);
    await client.journal.create({ body: "", voiceMemoId: placed });
    const { occurrences } = await seedAssignment(db, cast.engagement);
    const before = await snapshotDatabase(db);

    const attempts = [
      () => client.journal.create({ body: "Again", voiceMemoId: placed }),
      () => client.homework.complete({ occurrenceId: occurrences[1]!.id, status: "done", voiceMemoId: placed }),
      () => client.session.addAgendaItem({ sessionId: cast.session.id, text: "And this", kind: "topic", idempotencyKey: randomUUID(), voiceMemoId: placed }),
      () => otherClient.journal.create({ body: "", voiceMemoId: cast.voiceMemos.draft.id }),
      () => client.journal.create({ body: "", voiceMemoId: randomUUID() }),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt());
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.cause as { fieldErrors?: unknown }).fieldErrors).toEqual({ voiceMemoId: [MEMO_GONE] });
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("key rotation with a memo whose bytes are gone", () => {
  it("counts it as unreadable, leaves it as it is, and reseals the rest", async () => {
    const originalKey = getEnv().DATA_ENCRYPTION_KEY!;
    const newKey = generateDataKey();
    const [lost, kept] = [await keepFixture(cast.client.id), await keepFixture(cast.client.id)];
    await db.voiceMemoChunk.deleteMany({ where: { memoId: lost } });
    try {
      setEnvForChildren({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_OLD_KEYS: originalKey });
      const report = await resealAll(db);
      expect(report.voiceMemoAudio.unreadable).toBe(1);
      const newKeyId = parseDataKey(newKey, "new").id;
      const rows = await db.voiceMemo.findMany({ where: { id: { in: [lost, kept] } }, select: { id: true, keyId: true } });
      expect(rows.find((row) => row.id === kept)?.keyId).toBe(newKeyId);
      expect(rows.find((row) => row.id === lost)?.keyId).not.toBe(newKeyId);
    } finally {
      await db.voiceMemo.delete({ where: { id: lost } });
      setEnvForChildren({ DATA_ENCRYPTION_KEY: originalKey, DATA_ENCRYPTION_OLD_KEYS: newKey });
      await resealAll(db);
      setEnvForChildren({ DATA_ENCRYPTION_OLD_KEYS: "" });
    }
    // Two rotations of every row the worker's database holds, whatever files ran in it before.
  }, 120_000);
});

describe("in an object store (s3rver standing in)", () => {
  const BLOB_ENV = ["BLOB_STORE_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const;
  const saved = Object.fromEntries(BLOB_ENV.map((name) => [name, process.env[name]]));
  let standIn: TS3StandIn;

  function useObjectStore() {
    setEnvForChildren({
      BLOB_STORE_URL: standIn.url,
      AWS_ACCESS_KEY_ID: standIn.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: standIn.credentials.secretAccessKey,
    });
  }
  function usePostgres() {
    for (const name of BLOB_ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    setEnvForChildren({}); // forgets the parsed environment
  }
  const objectKey = (memoId: string) => `voice-memos/${memoId}`;

  beforeAll(async () => {
    standIn = await startS3StandIn();
  });
  afterAll(async () => {
    usePostgres();
    await standIn?.stop();
  });

  it("keeps only sealed bytes there, plays them back, and removes them when the client deletes their account", async () => {
    useObjectStore();
    try {
      const { client } = await seedWorkingPair(db, { therapist: "Theo Objects", client: "Clara Objects" });
      const cookie = await signIn(client);
      const chunksBefore = (await storedCounts()).chunks;

      const { id } = await uploadFixture(cookie);
      const small = await keepFixture(client.id);
      const row = await db.voiceMemo.findUniqueOrThrow({ where: { id }, select: { store: true, chunkCount: true } });
      expect(row.store).toBe("object_store");
      expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM voice_memo_chunks WHERE memo_id IN (${id}::uuid, ${small}::uuid)`).toEqual([]);
      expect((await storedCounts()).chunks).toBe(chunksBefore);

      expect(await standIn.listKeys()).toEqual([objectKey(id), objectKey(small)].sort());
      const object = await standIn.readObject(objectKey(id));
      expect(object.length).toBe(SIZE + row.chunkCount * SEALED_BYTES_OVERHEAD);
      expect(object.indexOf(PLAIN_SLICE)).toBe(-1);
      expect((await standIn.readObject(objectKey(small))).indexOf(PLAIN_SLICE)).toBe(-1);

      await expectRange(cookie, id, 1000, 20999);
      await expectWhole(cookie, id);
      // Ranged GETs of just the chunks a range needs.
      for (const [start, end] of RANGES) await expectRange(cookie, small, start, end);

      const objectsBefore = await standIn.countObjects("voice-memos/");
      expect(objectsBefore).toBe(2);
      await (await callerFor(db, client)).account.deleteAccount({ password: TEST_PASSWORD });
      expect(await db.voiceMemo.count({ where: { id: { in: [id, small] } } })).toBe(0);
      // The row's deletion queued the object's removal; the object waits for the job.
      expect(await standIn.countObjects("voice-memos/")).toBe(2);
      await runJobsOnce({ connectionString: requireDatabaseUrl(), isSilent: true });
      expect(await standIn.countObjects("voice-memos/")).toBe(0);
    } finally {
      usePostgres();
    }
  });

  it("reseals every memo under a new key, in Postgres and in the object store, and they still play once the old key is gone", async () => {
    const originalKey = getEnv().DATA_ENCRYPTION_KEY!;
    const newKey = generateDataKey();
    const memos: string[] = [];
    try {
      memos.push((await uploadFixture(cookies.client)).id, await keepFixture(cast.client.id));
      useObjectStore();
      memos.push((await uploadFixture(cookies.client)).id, await keepFixture(cast.client.id));
      const stores = await db.voiceMemo.findMany({ where: { id: { in: memos } }, select: { id: true, store: true } });
      expect(stores.filter((memo) => memo.store === "object_store").map((memo) => memo.id).sort()).toEqual(memos.slice(2).sort());
      const [inPostgres, , inObjectStore] = memos;
      const sealedBefore = {
        postgres: await db.$queryRaw<{ data: Uint8Array }[]>`SELECT data FROM voice_memo_chunks WHERE memo_id = ${inPostgres}::uuid AND idx = 0`,
        object: await standIn.readObject(objectKey(inObjectStore!)),
      };

      setEnvForChildren({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_OLD_KEYS: originalKey });
      const pending = (await countUnsealed(db)).voiceMemoAudio;
      expect(pending).toBeGreaterThanOrEqual(memos.length);
      await expectRange(cookies.client, inObjectStore!, 1000, 20999); // an old key still opens

      const report = await resealAll(db);
      expect(report.voiceMemoAudio).toEqual({ resealed: pending, unreadable: 0 });
      expect((await countUnsealed(db)).voiceMemoAudio).toBe(0);
      const newKeyId = parseDataKey(newKey, "new").id;
      expect(await db.voiceMemo.count({ where: { id: { in: memos }, keyId: newKeyId } })).toBe(memos.length);
      const [postgresAfter] = await db.$queryRaw<{ data: Uint8Array }[]>`SELECT data FROM voice_memo_chunks WHERE memo_id = ${inPostgres}::uuid AND idx = 0`;
      expect(Buffer.from(postgresAfter!.data).equals(Buffer.from(sealedBefore.postgres[0]!.data))).toBe(false);
      const objectAfter = await standIn.readObject(objectKey(inObjectStore!));
      expect(objectAfter.length).toBe(sealedBefore.object.length);
      expect(objectAfter.equals(sealedBefore.object)).toBe(false);
      expect(await standIn.countObjects("voice-memos/")).toBe(2);

      // The old key retired: every memo plays, whole and in ranges across chunks.
      setEnvForChildren({ DATA_ENCRYPTION_OLD_KEYS: "" });
      for (const memoId of memos) {
        await expectWhole(cookies.client, memoId);
        await expectRange(cookies.client, memoId, 999, 4321);
      }
    } finally {
      // The worker's database outlives this file: everything back under its key, and no memo left in a store that goes away.
      useObjectStore();
      setEnvForChildren({ DATA_ENCRYPTION_KEY: originalKey, DATA_ENCRYPTION_OLD_KEYS: newKey });
      await resealAll(db);
      setEnvForChildren({ DATA_ENCRYPTION_OLD_KEYS: "" });
      await db.voiceMemo.deleteMany({ where: { id: { in: memos } } });
      await runJobsOnce({ connectionString: requireDatabaseUrl(), isSilent: true });
      expect(await standIn.countObjects("voice-memos/")).toBe(0);
      usePostgres();
    }
    // As above: two rotations of the whole worker's database.
  }, 120_000);
});
