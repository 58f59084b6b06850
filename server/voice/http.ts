// The two HTTP ends of voice memos (issue 24): the upload, and playback with
// Range. The route files in app/api/voice-memos/ only hand over to these.
//
// Upload: the body is read as it streams and refused the moment it passes
// MAX_MEMO_BYTES (a Content-Length over it is refused before reading at all),
// so a 50 MB body is never held. Only a signed-in client, only from our own
// pages (a custom header another site cannot send without a preflight).
//
// Playback: who may hear the memo is asked again on every request
// (access.ts), so making a journal entry private stops a player mid-way.
// Answers are never cached anywhere: `private, no-store`.
import "server-only";
import { routeUser } from "../auth/session";
import { crossSiteDownloadRefusal, isFromElsewhere } from "../auth/same-origin";
import { DATABASE_UNAVAILABLE_MESSAGE, noteDatabaseError } from "../db/outage";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/record";
import { requestMeta } from "../auth/request-meta";
import { findPlayableMemo, readMemoBytes, saveUpload, type TPlayableMemo } from "./memos";
import { MAX_MEMO_BYTES, MEMO_NOTE_MAX, type TUploadAnswer } from "../../lib/voice/limits";
import { parseRange } from "../../lib/http/range";

export const UPLOAD_HEADER = "x-alliance-upload";
export const NOTE_HEADER = "x-memo-note";
export const TOO_BIG = `That recording is too big to keep (the limit is ${MAX_MEMO_BYTES / (1024 * 1024)} MB). Nothing was saved.`;
/** Bytes read from the store per step while streaming a whole memo. */
const STREAM_STEP_BYTES = 512 * 1024;

function json(status: number, answer: TUploadAnswer | { error: { message: string } }): Response {
  return new Response(JSON.stringify(answer), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function isFromOurPages(request: Request): boolean {
  return request.headers.get(UPLOAD_HEADER) === "1" && !isFromElsewhere(request, { allowsTyped: false });
}

/** The body, or null once it passes `maxBytes` (the rest is never read). */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(parts, total);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
}

function readNote(request: Request): string | null {
  const raw = request.headers.get(NOTE_HEADER) ?? "";
  try {
    const note = decodeURIComponent(raw);
    return note.length > MEMO_NOTE_MAX ? null : note;
  } catch {
    return null;
  }
}

export async function handleUpload(request: Request): Promise<Response> {
  if (!isFromOurPages(request)) return json(403, { error: { message: "Voice memos can only be saved from Alliance itself." } });
  const user = await routeUser();
  if (!user) return json(401, { error: { message: "Please sign in again to save this recording." } });
  if (user.role !== "client") return json(404, { error: { message: "Not found." } });
  const note = readNote(request);
  if (note === null) return json(400, { error: { field: "note", message: `Keep the note to ${MEMO_NOTE_MAX} characters.` } });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_MEMO_BYTES) return json(413, { error: { field: "audio", message: TOO_BIG } });
  const bytes = await readCappedBody(request.body, MAX_MEMO_BYTES);
  if (!bytes) return json(413, { error: { field: "audio", message: TOO_BIG } });
  const result = await saveUpload(getDb(), user, bytes, note);
  if (!result.saved) return json(422, { error: { field: "audio", message: result.message } });
  return json(201, { memo: result.memo });
}

const PLAYBACK_HEADERS = { "cache-control": "private, no-store", "accept-ranges": "bytes", "x-content-type-options": "nosniff" };

export async function handlePlayback(request: Request, memoId: string): Promise<Response> {
  const refusal = crossSiteDownloadRefusal(request);
  if (refusal) return refusal;
  const user = await routeUser();
  if (!user) return new Response("Please sign in.", { status: 401, headers: { "cache-control": "no-store" } });
  const db = getDb();
  let memo: TPlayableMemo | null;
  try {
    memo = await findPlayableMemo(db, user, memoId);
  } catch (error) {
    // An outage is "try again", not "this memo doesn't exist".
    if (!noteDatabaseError(error)) throw error;
    return new Response(DATABASE_UNAVAILABLE_MESSAGE, { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } });
  }
  if (!memo) return new Response("Not found.", { status: 404, headers: { "cache-control": "no-store" } });
  const answer = parseRange(request.headers.get("range"), memo.byteSize);
  if (answer.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...PLAYBACK_HEADERS, "content-range": `bytes */${memo.byteSize}` } });
  }
  // A therapist pressing play is an access to the client's record, in their access log: once per play
  // (the player's first request starts at byte 0; seeking asks for later ranges), never the client's own.
  if (user.role === "therapist" && (answer.kind === "whole" || answer.range.start === 0)) {
    await recordAudit(db, user, requestMeta(request.headers), { action: "read", recordType: "voice_memo", recordId: memo.id, clientId: memo.clientId });
  }
  const headers = { ...PLAYBACK_HEADERS, "content-type": memo.mimeType };
  if (answer.kind === "partial") {
    const { start, end } = answer.range;
    const bytes = await readMemoBytes(db, memo, start, end);
    return new Response(new Uint8Array(bytes), {
      status: 206,
      headers: { ...headers, "content-range": `bytes ${start}-${end}/${memo.byteSize}`, "content-length": String(bytes.length) },
    });
  }
  return new Response(streamWhole(memo), { status: 200, headers: { ...headers, "content-length": String(memo.byteSize) } });
}

function streamWhole(memo: TPlayableMemo): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    async pull(controller) {
      if (next >= memo.byteSize) return controller.close();
      const end = Math.min(memo.byteSize, next + STREAM_STEP_BYTES) - 1;
      controller.enqueue(new Uint8Array(await readMemoBytes(getDb(), memo, next, end)));
      next = end + 1;
    },
  });
}
