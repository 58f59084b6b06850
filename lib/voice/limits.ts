// Voice memos (issue 24): the limits both the recorder in the browser and the
// server apply. The server is the authority: it measures the length from the
// audio itself (server/voice/audio-check.ts) and never trusts the browser's.

/** The longest memo, unless VOICE_MEMO_MAX_SECONDS says otherwise. */
export const DEFAULT_MAX_MEMO_SECONDS = 300;
/** The recorder says how long is left this many seconds before the limit. */
export const WARN_BEFORE_LIMIT_SECONDS = 30;
/** The biggest upload, whatever its length: a picked file at a high bit rate. */
export const MAX_MEMO_BYTES = 20 * 1024 * 1024;
/** An optional typed note or title carried with a memo. */
export const MEMO_NOTE_MAX = 200;
/** The memo's length is measured to the second; a little slack for containers that round up. */
export const MEMO_LENGTH_SLACK_SECONDS = 2;

/**
 * What MediaRecorder is asked for, best first: Opus in WebM (Chromium,
 * Firefox), Opus in Ogg (older Firefox), AAC in MP4 (Safari).
 */
export const RECORDING_MIME_TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4;codecs=mp4a.40.2", "audio/mp4"] as const;

/** "1:05" for 65 seconds; "0:07" for 7. */
export function formatMemoLength(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** The upload's answer (POST /api/voice-memos). */
export type TUploadedMemo = { id: string; durationMs: number; mimeType: string; createdAt: string };
export type TUploadAnswer = { memo: TUploadedMemo } | { error: { field: "audio" | "note"; message: string } };
