"use client";

// The voice memo recorder (issue 24): record from the microphone, or pick an
// audio file, listen back, add an optional note, save. The rules it follows
// (states, messages, the limit, the clock) are in lib/voice/recording.ts; this
// file only drives the browser: getUserMedia, MediaRecorder, a Web Audio
// analyser for the level meter, and the upload (POST /api/voice-memos).
//
// Invariants:
// - The microphone is on only while recording: every track is stopped and the
//   AudioContext closed when recording stops, fails, or the recorder leaves
//   the page; a microphone that says yes after the person cancelled is
//   switched off at once.
// - A recording survives a failed save (a dropped connection, a signed-out
//   session): it stays on the page to be saved again until the person
//   discards it or it is saved. Every blob: URL is revoked once its take is
//   let go.
// - Nothing acts before hydration: every button starts disabled, as in the
//   repo's forms (components/ui/use-is-hydrated.ts).
// - The note input has no name and Enter in it never submits a form around
//   the recorder, so it can sit inside a journal or homework form.
//
// The page must allow what the recorder uses: the microphone in
// Permissions-Policy (next.config.ts) and blob: audio in the CSP's media-src
// (proxy.ts), or the preview and the microphone are refused.

import { useEffect, useId, useImperativeHandle, useReducer, useRef, useState, type ChangeEvent, type Ref } from "react";
import { MEMO_NOTE_MAX, type TUploadedMemo } from "@/lib/voice/limits";
import {
  describeMicrophoneError,
  elapsedMs,
  initialRecorderState,
  levelFromRms,
  limitMessage,
  limitReachedMessage,
  pauseClock,
  pickedFileProblem,
  pickedLengthProblem,
  pickRecordingMimeType,
  readUploadAnswer,
  RECORDING_FAILED_MESSAGE,
  RECORDING_UNSUPPORTED,
  recorderReducer,
  resumeClock,
  rmsOf,
  startClock,
  takeOf,
  timerText,
  UPLOAD_UNREACHABLE_MESSAGE,
  type TRecordingClock,
  type TStopReason,
  type TTake,
  type TUploadProblem,
} from "@/lib/voice/recording";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";

export const VOICE_MEMO_UPLOAD_PATH = "/api/voice-memos";
/** How often the timer and the limit are checked while recording. */
const TICK_MS = 250;
/** MediaRecorder hands over a chunk this often, so a recorder that fails part-way still leaves what it caught. */
const CHUNK_MS = 1000;

/** What a parent can ask of the recorder, e.g. when its own form is submitted. */
export type TVoiceRecorderHandle = {
  /** True while something is being recorded, or recorded and not yet saved. */
  hasUnsavedMemo: () => boolean;
  /**
   * Stops a recording in progress and saves it (or saves the one waiting):
   * the memo, or null when there was nothing to save or saving failed, in
   * which case the recorder says why and keeps the recording.
   */
  stopAndSave: () => Promise<TUploadedMemo | null>;
};

export type TVoiceRecorderProps = {
  maxSeconds: number;
  onSaved: (memo: TUploadedMemo) => void;
  /** After the person discards a recording or a picked file. */
  onDiscard?: () => void;
  noteLabel?: string;
  showNote?: boolean;
  saveLabel?: string;
  /** Prefixes the recorder's element ids, for pages with more than one. */
  idPrefix?: string;
  /** Focus the Record button on mount (it replaced the button the person just pressed). */
  autoFocus?: boolean;
  /** Start recording as soon as it appears (the person already pressed a Record button that brought it in). */
  autoStart?: boolean;
  ref?: Ref<TVoiceRecorderHandle>;
};

/** One recording's hold on the microphone: everything to let go of when it ends. */
type TSession = {
  stream: MediaStream;
  recorder: MediaRecorder;
  audio: AudioContext | null;
  frame: number | null;
  timer: ReturnType<typeof setInterval> | null;
  clock: TRecordingClock;
  /** The take once the recorder has stopped, however it stopped; null if nothing was caught or the recorder was let go. */
  taken: Promise<TTake | null>;
};

function release(session: TSession) {
  if (session.timer !== null) clearInterval(session.timer);
  if (session.frame !== null) cancelAnimationFrame(session.frame);
  session.timer = null;
  session.frame = null;
  for (const track of session.stream.getTracks()) track.stop();
  session.audio?.close().catch(() => {});
}

const MicrophoneIcon = () => (
  <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
  </svg>
);

export function VoiceRecorder({
  maxSeconds,
  onSaved,
  onDiscard,
  noteLabel = "A few words or a title (optional)",
  showNote = true,
  saveLabel = "Save",
  idPrefix,
  autoFocus = false,
  autoStart = false,
  ref,
}: TVoiceRecorderProps) {
  const isHydrated = useIsHydrated();
  const generatedId = useId();
  const ids = { file: `${idPrefix ?? generatedId}-file`, note: `${idPrefix ?? generatedId}-note` };
  const [state, dispatch] = useReducer(recorderReducer, initialRecorderState);
  const [note, setNote] = useState("");
  const session = useRef<TSession | null>(null);
  /** Bumped to let go of a microphone request still waiting for an answer (Cancel, unmount). */
  const attempt = useRef(0);
  const upload = useRef<AbortController | null>(null);
  const isUnmounted = useRef(false);
  const meter = useRef<HTMLDivElement>(null);
  const meterBar = useRef<HTMLDivElement>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  /** Focus follows the person's own moves only, never on a page's first load. */
  const shouldMoveFocus = useRef(autoFocus);

  const take = takeOf(state);
  const takeUrl = take?.url;
  useEffect(() => {
    if (!takeUrl) return;
    return () => URL.revokeObjectURL(takeUrl);
  }, [takeUrl]);

  // The button pressed goes away with each step; focus goes to the next one
  // rather than falling back to the top of the page.
  const { phase } = state;
  useEffect(() => {
    if (!shouldMoveFocus.current) return;
    const next = { idle: recordButton, saved: recordButton, asking: cancelButton, recording: stopButton, stopped: saveButton, uploading: null }[phase];
    next?.current?.focus();
  }, [phase]);

  useEffect(() => {
    isUnmounted.current = false;
    return () => {
      isUnmounted.current = true;
      attempt.current += 1;
      upload.current?.abort();
      const current = session.current;
      session.current = null;
      if (current) {
        if (current.recorder.state !== "inactive") current.recorder.stop();
        release(current);
      }
    };
  }, []);

  const hasAutoStarted = useRef(false);
  useEffect(() => {
    if (!autoStart || hasAutoStarted.current) return;
    hasAutoStarted.current = true;
    void startRecording();
    // Once, on mount: startRecording reads only refs and dispatches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function startRecording() {
    shouldMoveFocus.current = true;
    const thisAttempt = ++attempt.current;
    dispatch({ type: "ask" });
    let stream: MediaStream | null = null;
    try {
      if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
        throw new DOMException("This browser cannot record audio.", RECORDING_UNSUPPORTED);
      }
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
      if (thisAttempt !== attempt.current) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      const mimeType = pickRecordingMimeType((type) => MediaRecorder.isTypeSupported(type));
      const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) chunks.push(event.data);
      };
      // An error is followed by "stop", which hands over what was caught.
      const stopped = new Promise<Blob>((resolve) => {
        recorder.onstop = () => resolve(new Blob(chunks, { type: recorder.mimeType || chunks[0]?.type || mimeType || "" }));
      });
      const current: TSession = {
        stream,
        recorder,
        audio: null,
        frame: null,
        timer: null,
        clock: startClock(performance.now()),
        taken: Promise.resolve(null),
      };
      current.taken = stopped.then((blob) => {
        if (session.current !== current) return null; // let go of: the recorder left the page
        session.current = null;
        const durationMs = elapsedMs(current.clock, performance.now());
        release(current);
        if (blob.size === 0) {
          dispatch({ type: "refused", message: RECORDING_FAILED_MESSAGE });
          return null;
        }
        const recorded: TTake = { blob, url: URL.createObjectURL(blob), source: "recording", durationMs };
        dispatch({ type: "recorded", take: recorded });
        return recorded;
      });
      session.current = current;
      recorder.start(CHUNK_MS);
      current.audio = startLevelMeter(current);
      current.timer = setInterval(() => tick(current), TICK_MS);
      dispatch({ type: "started" });
    } catch (error) {
      const current = session.current;
      if (current?.stream === stream) {
        session.current = null;
        if (current.recorder.state !== "inactive") current.recorder.stop();
        release(current);
      } else {
        for (const track of stream?.getTracks() ?? []) track.stop();
      }
      if (thisAttempt === attempt.current) dispatch({ type: "refused", message: describeMicrophoneError(error) });
    }
  }

  /** The meter is a nicety: without Web Audio the recording goes on without it. */
  function startLevelMeter(current: TSession): AudioContext | null {
    if (typeof AudioContext === "undefined") return null;
    try {
      const audio = new AudioContext();
      const analyser = audio.createAnalyser();
      analyser.fftSize = 1024;
      audio.createMediaStreamSource(current.stream).connect(analyser);
      audio.resume().catch(() => {});
      const samples = new Float32Array(analyser.fftSize);
      // Written straight to the element each frame: a React render sixty times
      // a second would cost more than the recording. The JSX gives only the
      // starting values, which React leaves alone while they don't change.
      const draw = () => {
        analyser.getFloatTimeDomainData(samples);
        const level = levelFromRms(rmsOf(samples));
        if (meterBar.current) meterBar.current.style.width = `${level}%`;
        meter.current?.setAttribute("aria-valuenow", String(level));
        current.frame = requestAnimationFrame(draw);
      };
      current.frame = requestAnimationFrame(draw);
      return audio;
    } catch {
      return null;
    }
  }

  function tick(current: TSession) {
    const elapsed = elapsedMs(current.clock, performance.now());
    if (elapsed >= maxSeconds * 1000) void stop("limit");
    else dispatch({ type: "tick", elapsedMs: elapsed });
  }

  function stop(reason: TStopReason): Promise<TTake | null> {
    const current = session.current;
    if (!current) return Promise.resolve(null);
    const at = performance.now();
    current.clock = pauseClock(current.clock, at);
    if (current.timer !== null) clearInterval(current.timer);
    current.timer = null;
    dispatch({ type: "stop", reason, elapsedMs: elapsedMs(current.clock, at) });
    if (current.recorder.state !== "inactive") current.recorder.stop();
    return current.taken;
  }

  function togglePause() {
    const current = session.current;
    if (!current || state.phase !== "recording") return;
    const at = performance.now();
    if (state.isPaused) {
      current.recorder.resume();
      current.clock = resumeClock(current.clock, at);
      dispatch({ type: "resume" });
    } else {
      current.recorder.pause();
      current.clock = pauseClock(current.clock, at);
      dispatch({ type: "pause", elapsedMs: elapsedMs(current.clock, at) });
    }
  }

  function cancelAsking() {
    attempt.current += 1;
    dispatch({ type: "cancel-ask" });
  }

  function pickFile(event: ChangeEvent<HTMLInputElement>) {
    shouldMoveFocus.current = true;
    const file = event.target.files?.[0];
    // Cleared, so picking the same file again after a discard still counts as a change.
    event.target.value = "";
    if (!file) return;
    const problem = pickedFileProblem(file);
    if (problem) dispatch({ type: "file-refused", message: problem });
    else dispatch({ type: "picked", take: { blob: file, url: URL.createObjectURL(file), source: "file", durationMs: null } });
  }

  async function save(toSave: TTake): Promise<TUploadedMemo | null> {
    if (upload.current) return null; // already on its way
    const controller = new AbortController();
    upload.current = controller;
    dispatch({ type: "upload" });
    const headers: Record<string, string> = { "content-type": toSave.blob.type || "application/octet-stream", "x-alliance-upload": "1" };
    const trimmed = showNote ? note.trim() : "";
    if (trimmed) headers["x-memo-note"] = encodeURIComponent(trimmed);
    let answer: { memo: TUploadedMemo } | { error: TUploadProblem };
    try {
      const response = await fetch(VOICE_MEMO_UPLOAD_PATH, { method: "POST", body: toSave.blob, headers, signal: controller.signal });
      answer = readUploadAnswer(response.status, await response.json().catch(() => null));
    } catch {
      answer = { error: { field: "audio", message: UPLOAD_UNREACHABLE_MESSAGE } };
    } finally {
      upload.current = null;
    }
    if (isUnmounted.current) return null;
    if ("error" in answer) {
      dispatch({ type: "upload-failed", problem: answer.error });
      return null;
    }
    dispatch({ type: "saved", memo: answer.memo });
    setNote("");
    onSaved(answer.memo);
    return answer.memo;
  }

  function discard() {
    shouldMoveFocus.current = true;
    dispatch({ type: "discard" });
    setNote("");
    onDiscard?.();
  }

  useImperativeHandle(
    ref,
    () => ({
      hasUnsavedMemo: () => state.phase === "recording" || state.phase === "stopped" || state.phase === "uploading",
      stopAndSave: async () => {
        if (state.phase === "recording") {
          const recorded = await stop("person");
          return recorded ? save(recorded) : null;
        }
        return state.phase === "stopped" ? save(state.take) : null;
      },
    }),
  );

  if (state.phase === "asking") {
    return (
      <div key="asking" className="flex flex-col gap-3">
        <p role="status">Waiting for your browser to let Alliance use the microphone. If it asks, choose Allow.</p>
        <button ref={cancelButton} type="button" className={buttonClassName("secondary", "self-start")} onClick={cancelAsking}>
          Cancel
        </button>
      </div>
    );
  }

  if (state.phase === "recording") {
    const warning = limitMessage(state.elapsedMs / 1000, maxSeconds);
    const isStopping = state.stopping !== null;
    return (
      <div key="recording" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <span aria-hidden="true" className={`h-3 w-3 rounded-full ${state.isPaused ? "bg-ink-muted" : "animate-pulse bg-danger"}`} />
          <span className="font-medium">{isStopping ? "Finishing…" : state.isPaused ? "Paused" : "Recording"}</span>
          <span role="timer" aria-label="Time recorded, and the longest a memo can be" className="text-2xl font-semibold tabular-nums">
            {timerText(state.elapsedMs, maxSeconds)}
          </span>
        </div>
        <div
          ref={meter}
          role="meter"
          aria-label="Microphone level"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={0}
          className={`h-3 w-full overflow-hidden rounded-full border border-line bg-canvas ${state.isPaused ? "opacity-50" : ""}`}
        >
          <div ref={meterBar} className="h-full rounded-full bg-brand" style={{ width: "0%" }} />
        </div>
        <p aria-live="polite" className="min-h-6 text-sm font-medium text-ink">
          {warning}
        </p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClassName("secondary")} onClick={togglePause} disabled={!isHydrated || isStopping}>
            {state.isPaused ? "Resume" : "Pause"}
          </button>
          <button ref={stopButton} type="button" className={buttonClassName("primary")} onClick={() => void stop("person")} disabled={!isHydrated || isStopping}>
            Stop
          </button>
        </div>
      </div>
    );
  }

  if (state.phase === "stopped" || state.phase === "uploading") {
    const isUploading = state.phase === "uploading";
    const problem = state.phase === "stopped" ? state.problem : null;
    const current = state.take;
    return (
      <div key="stopped" className="flex flex-col gap-3">
        {state.hasReachedLimit ? <Alert tone="info">{limitReachedMessage(maxSeconds)}</Alert> : null}
        {problem ? <Alert tone="error">{problem.message}</Alert> : null}
        <audio
          controls
          preload="metadata"
          src={current.url}
          aria-label={current.source === "file" ? "The file you chose" : "Your recording"}
          className="w-full"
          onLoadedMetadata={(event) => {
            if (current.source !== "file") return;
            const tooLong = pickedLengthProblem(event.currentTarget.duration, maxSeconds);
            if (tooLong) dispatch({ type: "file-refused", message: tooLong });
          }}
        />
        {showNote ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor={ids.note} className="font-medium">
              {noteLabel}
            </label>
            <input
              id={ids.note}
              type="text"
              value={note}
              maxLength={MEMO_NOTE_MAX}
              autoComplete="off"
              className={CONTROL}
              aria-invalid={problem?.field === "note" ? true : undefined}
              disabled={isUploading}
              onChange={(event) => setNote(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                // Never the form around the recorder: Enter saves the memo.
                event.preventDefault();
                if (isHydrated && !isUploading) void save(current);
              }}
            />
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button ref={saveButton} type="button" className={buttonClassName("primary")} onClick={() => void save(current)} disabled={!isHydrated || isUploading}>
            {isUploading ? "Saving…" : saveLabel}
          </button>
          <button type="button" className={buttonClassName("secondary")} onClick={discard} disabled={!isHydrated || isUploading}>
            Discard
          </button>
        </div>
      </div>
    );
  }

  // Each view has its own key: React must never turn the file input into the note input.
  return (
    <div key="idle" className="flex flex-col gap-3">
      {state.phase === "saved" ? <Alert tone="success">Your voice memo is saved.</Alert> : null}
      {state.phase === "idle" && state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <button
        ref={recordButton}
        type="button"
        className={buttonClassName("primary", "min-h-14 w-full text-lg sm:w-auto sm:self-start")}
        onClick={() => void startRecording()}
        disabled={!isHydrated}
      >
        <MicrophoneIcon />
        {state.phase === "saved" ? "Record another" : "Record"}
      </button>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.file} className="font-medium">
          Or choose an audio file
        </label>
        <input
          id={ids.file}
          type="file"
          accept="audio/*"
          disabled={!isHydrated}
          onChange={pickFile}
          className="min-h-11 w-full text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-line file:bg-surface file:px-4 file:py-2 file:font-medium file:text-ink hover:file:bg-canvas"
        />
      </div>
    </div>
  );
}
