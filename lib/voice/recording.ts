// Voice memos (issue 24): the recorder's rules without the browser, so they
// can be tested in Node. components/voice/VoiceRecorder.tsx drives the
// microphone, the MediaRecorder and the upload; everything it decides lives
// here: which format to ask for, what to say when the microphone won't start,
// when to warn about the limit, how the recording clock counts, and which
// state follows which.
//
// Invariants:
// - A recording, once made, is only let go of by the person (Discard) or by
//   a successful save: a failed upload goes back to "stopped" with the same
//   take, so saving again sends the same bytes.
// - An action that makes no sense in the current state (Save twice, a late
//   tick after Stop) leaves the state as it was.
// - The server is the authority on length, size and format (lib/voice/limits.ts);
//   the checks here only spare the person a pointless upload.

import {
  formatMemoLength,
  MAX_MEMO_BYTES,
  MEMO_LENGTH_SLACK_SECONDS,
  RECORDING_MIME_TYPES,
  WARN_BEFORE_LIMIT_SECONDS,
  type TUploadedMemo,
} from "./limits";

/** The best format this browser can record, or null to let it choose its own. */
export function pickRecordingMimeType(isTypeSupported: (type: string) => boolean): string | null {
  for (const type of RECORDING_MIME_TYPES) {
    try {
      if (isTypeSupported(type)) return type;
    } catch {
      // Some older browsers throw on a type they don't understand: not supported.
    }
  }
  return null;
}

/** The name a browser gives the failure; the component throws this one when it cannot record at all. */
export const RECORDING_UNSUPPORTED = "NotSupportedError";

function errorName(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "name" in error && typeof error.name === "string") return error.name;
  return null;
}

/** What to tell the person when the microphone doesn't start, in their words rather than the browser's. */
export function describeMicrophoneError(error: unknown): string {
  switch (errorName(error)) {
    case "NotAllowedError":
    case "PermissionDeniedError": // older Chrome
    case "SecurityError":
      return "Your browser didn't let Alliance use the microphone. To record, allow the microphone for this site in your browser's site settings (often behind the padlock or settings icon next to the address), then press Record again. Or choose an audio file below, or write instead.";
    case "NotFoundError":
    case "DevicesNotFoundError": // older Chrome
    case "OverconstrainedError":
      return "We couldn't find a microphone on this device. If one is plugged in, check it's connected and press Record again, or choose an audio file below.";
    case "NotReadableError":
    case "TrackStartError": // older Chrome
      return "Your microphone seems to be in use by another app, perhaps a call. Close that app or end the call, then press Record again.";
    case RECORDING_UNSUPPORTED:
    case "TypeError": // navigator.mediaDevices is missing (an old browser, or a page not served securely)
      return "This browser can't record here. You can choose an audio file recorded on your phone or computer instead, or write instead.";
    case "AbortError":
      return "The microphone stopped before recording could begin. Please press Record again.";
    default:
      return "The microphone didn't start. Please press Record again, or choose an audio file below.";
  }
}

/** What to say when the recorder itself fails part-way and nothing was captured. */
export const RECORDING_FAILED_MESSAGE = "Recording stopped unexpectedly and nothing was captured. Please press Record again.";

/**
 * The warning shown (and read out) as the limit nears: null until
 * WARN_BEFORE_LIMIT_SECONDS before it, then "30 seconds left", "20 seconds
 * left", "10 seconds left". It moves in steps of ten, not every second, so a
 * screen reader announces it three times rather than thirty; the running
 * timer beside it shows the exact time.
 */
export function limitMessage(elapsedSeconds: number, maxSeconds: number): string | null {
  const remaining = maxSeconds - elapsedSeconds;
  if (remaining > WARN_BEFORE_LIMIT_SECONDS || remaining <= 0) return null;
  // A limit shorter than the warning starts from the whole limit, not more.
  const shown = Math.min(WARN_BEFORE_LIMIT_SECONDS, Math.ceil(maxSeconds), Math.ceil(remaining / 10) * 10);
  return `${shown} ${shown === 1 ? "second" : "seconds"} left — recording stops at ${formatMemoLength(maxSeconds)}.`;
}

export function limitReachedMessage(maxSeconds: number): string {
  return `Recording stopped at the ${formatMemoLength(maxSeconds)} limit. Listen back, then save it or discard it.`;
}

/** "1:05 / 5:00" for the running timer: whole seconds gone, never rounded up ahead of time. */
export function timerText(elapsedMs: number, maxSeconds: number): string {
  return `${formatMemoLength(Math.floor(elapsedMs / 1000))} / ${formatMemoLength(maxSeconds)}`;
}

/**
 * The level meter's reading, 0–100, from the input's RMS amplitude (0–1):
 * decibels from -60 (silence, for a meter) to 0 (full scale), because a
 * linear scale leaves speech as a barely moving sliver.
 */
export function levelFromRms(rms: number): number {
  if (!(rms > 0)) return 0;
  const decibels = 20 * Math.log10(Math.min(1, rms));
  return Math.round(Math.max(0, Math.min(100, ((decibels + 60) / 60) * 100)));
}

/** The RMS amplitude of one frame of samples in -1..1. */
export function rmsOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}

// --- The recording clock ----------------------------------------------------
// Time is passed in (performance.now() in the browser), so it can be tested.

export type TRecordingClock = { accumulatedMs: number; runningSince: number | null };

export const startClock = (at: number): TRecordingClock => ({ accumulatedMs: 0, runningSince: at });

export function elapsedMs(clock: TRecordingClock, at: number): number {
  return clock.accumulatedMs + (clock.runningSince === null ? 0 : Math.max(0, at - clock.runningSince));
}

export function pauseClock(clock: TRecordingClock, at: number): TRecordingClock {
  return clock.runningSince === null ? clock : { accumulatedMs: elapsedMs(clock, at), runningSince: null };
}

export function resumeClock(clock: TRecordingClock, at: number): TRecordingClock {
  return clock.runningSince === null ? { ...clock, runningSince: at } : clock;
}

// --- Picked files -----------------------------------------------------------

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Why a picked file can't be a memo, or null if it may be. Types are only
 * turned away when they plainly aren't sound: browsers label some audio as
 * video (a .webm or .mp4 voice note) or leave the type empty, and the server
 * reads the bytes anyway.
 */
export function pickedFileProblem(file: { size: number; type: string }): string | null {
  if (file.size === 0) return "This file is empty. Please choose another recording.";
  if (file.size > MAX_MEMO_BYTES) {
    return `This file is too big (${megabytes(file.size)}). A memo can be up to ${megabytes(MAX_MEMO_BYTES)}: please choose a shorter recording.`;
  }
  const type = file.type.toLowerCase();
  if (type !== "" && !type.startsWith("audio/") && !type.startsWith("video/") && type !== "application/ogg") {
    return "This doesn't look like a sound recording. Please choose an audio file, such as .m4a, .mp3, .ogg or .webm.";
  }
  return null;
}

/** Whether a picked file is plainly longer than a memo may be; unknown lengths (NaN, Infinity) pass. */
export function pickedLengthProblem(seconds: number, maxSeconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds <= maxSeconds + MEMO_LENGTH_SLACK_SECONDS) return null;
  return `This recording is ${formatMemoLength(seconds)} long, and a memo can be up to ${formatMemoLength(maxSeconds)}. Please choose a shorter one.`;
}

// --- The upload's answer ----------------------------------------------------

export type TUploadProblem = { field: "audio" | "note"; message: string };

export const UPLOAD_UNREACHABLE_MESSAGE =
  "We couldn't reach Alliance, so the memo isn't saved yet. Your recording is still here: check your connection, then try saving again.";

/**
 * The upload's answer (TUploadAnswer) as the recorder needs it. `body` is
 * the parsed JSON, or null when the answer wasn't JSON (a proxy's error page, a dropped
 * connection half-way). Anything unexpected becomes a message that keeps the
 * person's recording and invites them to try again.
 */
export function readUploadAnswer(status: number, body: unknown): { memo: TUploadedMemo } | { error: TUploadProblem } {
  const answer: Record<string, unknown> = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const memo = answer.memo as Partial<TUploadedMemo> | undefined;
  if (status >= 200 && status < 300 && memo && typeof memo.id === "string") return { memo: memo as TUploadedMemo };
  const error = answer.error as { field?: unknown; message?: unknown } | undefined;
  if (error && typeof error.message === "string" && error.message !== "") {
    return { error: { field: error.field === "note" ? "note" : "audio", message: error.message } };
  }
  if (status === 401) {
    return {
      error: {
        field: "audio",
        message: "You've been signed out, so the memo isn't saved yet. Sign in again in another tab, then come back here and try saving again: your recording is still here.",
      },
    };
  }
  if (status === 413) return { error: { field: "audio", message: `This recording is too big to save. A memo can be up to ${megabytes(MAX_MEMO_BYTES)}.` } };
  return { error: { field: "audio", message: "Saving didn't work this time. Your recording is still here: please try saving again in a moment." } };
}

// --- The recorder's states --------------------------------------------------

/** A recording or a picked file, ready to play back and save. */
export type TTake = {
  blob: Blob;
  /** A blob: URL for the preview; whoever drops the take revokes it. */
  url: string;
  source: "recording" | "file";
  /** Known for recordings; a picked file's length is the server's to measure. */
  durationMs: number | null;
};

export type TStopReason = "person" | "limit";

export type TRecorderState =
  | { phase: "idle"; error: string | null }
  | { phase: "asking" }
  | { phase: "recording"; isPaused: boolean; elapsedMs: number; stopping: TStopReason | null }
  | { phase: "stopped"; take: TTake; hasReachedLimit: boolean; problem: TUploadProblem | null }
  | { phase: "uploading"; take: TTake; hasReachedLimit: boolean }
  | { phase: "saved"; memo: TUploadedMemo };

export type TRecorderAction =
  | { type: "ask" }
  | { type: "cancel-ask" }
  /** The microphone did not start, or the recorder failed before catching anything. */
  | { type: "refused"; message: string }
  | { type: "started" }
  | { type: "tick"; elapsedMs: number }
  | { type: "pause"; elapsedMs: number }
  | { type: "resume" }
  | { type: "stop"; reason: TStopReason; elapsedMs: number }
  | { type: "recorded"; take: TTake }
  | { type: "picked"; take: TTake }
  | { type: "file-refused"; message: string }
  | { type: "upload" }
  | { type: "upload-failed"; problem: TUploadProblem }
  | { type: "saved"; memo: TUploadedMemo }
  | { type: "discard" };

export const initialRecorderState: TRecorderState = { phase: "idle", error: null };

/** The take the state holds, if any: the component revokes its URL when it goes. */
export function takeOf(state: TRecorderState): TTake | null {
  return state.phase === "stopped" || state.phase === "uploading" ? state.take : null;
}

export function recorderReducer(state: TRecorderState, action: TRecorderAction): TRecorderState {
  switch (action.type) {
    case "ask":
      return state.phase === "idle" || state.phase === "saved" ? { phase: "asking" } : state;
    case "cancel-ask":
      return state.phase === "asking" ? initialRecorderState : state;
    case "refused":
      return state.phase === "asking" || state.phase === "recording" ? { phase: "idle", error: action.message } : state;
    case "started":
      return state.phase === "asking" ? { phase: "recording", isPaused: false, elapsedMs: 0, stopping: null } : state;
    case "tick":
      return state.phase === "recording" && !state.isPaused && state.stopping === null ? { ...state, elapsedMs: action.elapsedMs } : state;
    case "pause":
      return state.phase === "recording" && !state.isPaused && state.stopping === null
        ? { ...state, isPaused: true, elapsedMs: action.elapsedMs }
        : state;
    case "resume":
      return state.phase === "recording" && state.isPaused && state.stopping === null ? { ...state, isPaused: false } : state;
    case "stop":
      return state.phase === "recording" && state.stopping === null ? { ...state, stopping: action.reason, elapsedMs: action.elapsedMs } : state;
    case "recorded":
      // The recorder can also stop by itself (the microphone unplugged): keep what it caught.
      if (state.phase !== "recording") return state;
      return {
        phase: "stopped",
        take: { ...action.take, durationMs: action.take.durationMs ?? state.elapsedMs },
        hasReachedLimit: state.stopping === "limit",
        problem: null,
      };
    case "picked":
      return state.phase === "idle" || state.phase === "saved" ? { phase: "stopped", take: action.take, hasReachedLimit: false, problem: null } : state;
    case "file-refused":
      // Also once a picked file is previewed and turns out too long to be a memo.
      return state.phase === "idle" || state.phase === "saved" || (state.phase === "stopped" && state.take.source === "file")
        ? { phase: "idle", error: action.message }
        : state;
    case "upload":
      return state.phase === "stopped" ? { phase: "uploading", take: state.take, hasReachedLimit: state.hasReachedLimit } : state;
    case "upload-failed":
      return state.phase === "uploading" ? { phase: "stopped", take: state.take, hasReachedLimit: state.hasReachedLimit, problem: action.problem } : state;
    case "saved":
      return state.phase === "uploading" ? { phase: "saved", memo: action.memo } : state;
    case "discard":
      return state.phase === "stopped" ? initialRecorderState : state;
  }
}
