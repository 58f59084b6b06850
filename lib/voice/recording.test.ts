import { describe, expect, it } from "vitest";
import { MAX_MEMO_BYTES, RECORDING_MIME_TYPES, type TUploadedMemo } from "./limits";
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
  recorderReducer,
  resumeClock,
  rmsOf,
  startClock,
  takeOf,
  timerText,
  type TRecorderAction,
  type TRecorderState,
  type TTake,
} from "./recording";

describe("pickRecordingMimeType", () => {
  it("takes the first supported type, best first", () => {
    expect(pickRecordingMimeType(() => true)).toBe("audio/webm;codecs=opus");
    expect(pickRecordingMimeType((type) => type.startsWith("audio/mp4"))).toBe("audio/mp4;codecs=mp4a.40.2");
    expect(pickRecordingMimeType((type) => type === "audio/mp4")).toBe("audio/mp4");
    expect(pickRecordingMimeType((type) => type === "audio/ogg;codecs=opus")).toBe("audio/ogg;codecs=opus");
  });

  it("asks about the types in order and stops at the first yes", () => {
    const asked: string[] = [];
    pickRecordingMimeType((type) => {
      asked.push(type);
      return type === RECORDING_MIME_TYPES[1];
    });
    expect(asked).toEqual(RECORDING_MIME_TYPES.slice(0, 2));
  });

  it("is null when nothing is supported, and treats a throwing check as no", () => {
    expect(pickRecordingMimeType(() => false)).toBeNull();
    expect(
      pickRecordingMimeType((type) => {
        if (type.includes("webm")) throw new Error("unknown type");
        return type === "audio/mp4";
      }),
    ).toBe("audio/mp4");
  });
});

describe("describeMicrophoneError", () => {
  it("explains a refused permission, how to allow it, and the other ways to leave a memo", () => {
    for (const name of ["NotAllowedError", "SecurityError"]) {
      const message = describeMicrophoneError(new DOMException("Permission denied", name));
      expect(message).toMatch(/didn't let Alliance use the microphone/);
      expect(message).toMatch(/site settings/);
      expect(message).toMatch(/choose an audio file/);
      expect(message).toMatch(/write instead/);
    }
  });

  it("says when there is no microphone, or it is busy elsewhere", () => {
    expect(describeMicrophoneError(new DOMException("", "NotFoundError"))).toMatch(/couldn't find a microphone/);
    expect(describeMicrophoneError({ name: "OverconstrainedError", constraint: "deviceId" })).toMatch(/couldn't find a microphone/);
    expect(describeMicrophoneError(new DOMException("Could not start audio source", "NotReadableError"))).toMatch(/in use by another app/);
  });

  it("says when the browser cannot record here at all, and offers a file", () => {
    expect(describeMicrophoneError(new DOMException("no MediaRecorder", "NotSupportedError"))).toMatch(/can't record here.*choose an audio file/);
    // navigator.mediaDevices is undefined on a page not served securely.
    expect(describeMicrophoneError(new TypeError("Cannot read properties of undefined (reading 'getUserMedia')"))).toMatch(/can't record here/);
  });

  it("never shows the browser's own wording, whatever it is given", () => {
    for (const error of [new Error("Starting videoinput failed"), "boom", null, undefined, 42, { name: 7 }]) {
      const message = describeMicrophoneError(error);
      expect(message).toMatch(/microphone didn't start/);
      expect(message).not.toMatch(/videoinput|boom/);
    }
  });
});

describe("limitMessage", () => {
  it("is quiet until 30 seconds before the limit", () => {
    expect(limitMessage(0, 300)).toBeNull();
    expect(limitMessage(269.9, 300)).toBeNull();
  });

  it("counts down in steps of ten so it is announced three times, not thirty", () => {
    expect(limitMessage(270, 300)).toBe("30 seconds left — recording stops at 5:00.");
    expect(limitMessage(279.5, 300)).toBe("30 seconds left — recording stops at 5:00.");
    expect(limitMessage(280, 300)).toBe("20 seconds left — recording stops at 5:00.");
    expect(limitMessage(290, 300)).toBe("10 seconds left — recording stops at 5:00.");
    expect(limitMessage(299.9, 300)).toBe("10 seconds left — recording stops at 5:00.");
    const said = new Set(Array.from({ length: 300 }, (_, second) => limitMessage(second, 300)).filter(Boolean));
    expect(said.size).toBe(3);
  });

  it("is gone once the limit is reached, when the recorder says it stopped instead", () => {
    expect(limitMessage(300, 300)).toBeNull();
    expect(limitMessage(301, 300)).toBeNull();
    expect(limitReachedMessage(300)).toBe("Recording stopped at the 5:00 limit. Listen back, then save it or discard it.");
  });

  it("never says more time is left than the limit allows on a short limit", () => {
    expect(limitMessage(0, 25)).toBe("25 seconds left — recording stops at 0:25.");
    expect(limitMessage(6, 25)).toBe("20 seconds left — recording stops at 0:25.");
    expect(limitMessage(10, 90)).toBeNull();
    expect(limitMessage(65, 90)).toBe("30 seconds left — recording stops at 1:30.");
  });
});

describe("timerText", () => {
  it("shows whole seconds gone against the limit, never rounding up ahead of time", () => {
    expect(timerText(0, 300)).toBe("0:00 / 5:00");
    expect(timerText(999, 300)).toBe("0:00 / 5:00");
    expect(timerText(65_400, 300)).toBe("1:05 / 5:00");
    expect(timerText(300_000, 300)).toBe("5:00 / 5:00");
  });
});

describe("the level meter", () => {
  it("maps silence to 0, full scale to 100, and speech to the middle", () => {
    expect(levelFromRms(0)).toBe(0);
    expect(levelFromRms(Number.NaN)).toBe(0);
    expect(levelFromRms(0.0001)).toBe(0); // -80 dB
    expect(levelFromRms(1)).toBe(100);
    expect(levelFromRms(2)).toBe(100);
    expect(levelFromRms(0.1)).toBeCloseTo(67, 0); // -20 dB
    expect(levelFromRms(0.001)).toBe(0); // -60 dB
  });

  it("takes the RMS of a frame", () => {
    expect(rmsOf([])).toBe(0);
    expect(rmsOf(new Float32Array([0.5, -0.5, 0.5, -0.5]))).toBeCloseTo(0.5);
    expect(rmsOf([1, 0, 0, 0])).toBeCloseTo(0.5);
  });
});

describe("the recording clock", () => {
  it("counts only the time it is running", () => {
    let clock = startClock(1_000);
    expect(elapsedMs(clock, 4_000)).toBe(3_000);
    clock = pauseClock(clock, 4_000);
    expect(elapsedMs(clock, 60_000)).toBe(3_000);
    clock = resumeClock(clock, 60_000);
    expect(elapsedMs(clock, 62_500)).toBe(5_500);
  });

  it("ignores a second pause or resume, and a clock read before it started", () => {
    let clock = pauseClock(startClock(0), 2_000);
    expect(pauseClock(clock, 9_000)).toBe(clock);
    clock = resumeClock(clock, 10_000);
    expect(resumeClock(clock, 20_000)).toBe(clock);
    expect(elapsedMs(startClock(5_000), 4_000)).toBe(0);
  });
});

describe("pickedFileProblem and pickedLengthProblem", () => {
  it("lets audio through, and video-labelled or unlabelled files the server will check", () => {
    expect(pickedFileProblem({ size: 1_000, type: "audio/mpeg" })).toBeNull();
    expect(pickedFileProblem({ size: 1_000, type: "audio/x-m4a" })).toBeNull();
    expect(pickedFileProblem({ size: 1_000, type: "video/webm" })).toBeNull();
    expect(pickedFileProblem({ size: 1_000, type: "" })).toBeNull();
    expect(pickedFileProblem({ size: MAX_MEMO_BYTES, type: "audio/ogg" })).toBeNull();
  });

  it("turns away empty, too big and plainly non-audio files, saying why", () => {
    expect(pickedFileProblem({ size: 0, type: "audio/mpeg" })).toMatch(/empty/);
    expect(pickedFileProblem({ size: MAX_MEMO_BYTES + 1, type: "audio/wav" })).toBe(
      "This file is too big (20 MB). A memo can be up to 20 MB: please choose a shorter recording.",
    );
    expect(pickedFileProblem({ size: 31_457_280, type: "audio/wav" })).toMatch(/too big \(30 MB\)/);
    expect(pickedFileProblem({ size: 1_000, type: "image/png" })).toMatch(/doesn't look like a sound recording/);
    expect(pickedFileProblem({ size: 1_000, type: "application/pdf" })).toMatch(/doesn't look like a sound recording/);
  });

  it("refuses a file plainly over the limit, allowing the server's slack and unknown lengths", () => {
    expect(pickedLengthProblem(301, 300)).toBeNull();
    expect(pickedLengthProblem(302, 300)).toBeNull();
    expect(pickedLengthProblem(Number.POSITIVE_INFINITY, 300)).toBeNull(); // Chromium's own WebM recordings
    expect(pickedLengthProblem(Number.NaN, 300)).toBeNull();
    expect(pickedLengthProblem(432, 300)).toBe("This recording is 7:12 long, and a memo can be up to 5:00. Please choose a shorter one.");
  });
});

describe("readUploadAnswer", () => {
  const memo: TUploadedMemo = { id: "m1", durationMs: 65_000, mimeType: "audio/webm", createdAt: "2026-12-06T10:00:00.000Z" };

  it("reads a saved memo", () => {
    expect(readUploadAnswer(201, { memo })).toEqual({ memo });
  });

  it("passes the server's message through, and which field it is about", () => {
    expect(readUploadAnswer(400, { error: { field: "note", message: "Keep the note under 200 characters." } })).toEqual({
      error: { field: "note", message: "Keep the note under 200 characters." },
    });
    expect(readUploadAnswer(422, { error: { field: "audio", message: "This memo is longer than 5:00." } })).toEqual({
      error: { field: "audio", message: "This memo is longer than 5:00." },
    });
    expect(readUploadAnswer(400, { error: { field: "something", message: "Odd." } })).toEqual({ error: { field: "audio", message: "Odd." } });
  });

  it("says something useful, keeping the recording, when the answer is not what was promised", () => {
    expect(readUploadAnswer(401, null)).toMatchObject({ error: { message: expect.stringMatching(/signed out.*still here/) } });
    expect(readUploadAnswer(413, "<html>")).toMatchObject({ error: { message: expect.stringMatching(/too big.*20 MB/) } });
    expect(readUploadAnswer(502, null)).toMatchObject({ error: { field: "audio", message: expect.stringMatching(/still here/) } });
    // A success status without a memo is not a save.
    expect(readUploadAnswer(201, {})).toMatchObject({ error: { field: "audio" } });
    expect(readUploadAnswer(201, { memo: { id: 5 } })).toMatchObject({ error: { field: "audio" } });
    expect(readUploadAnswer(400, { error: { message: "" } })).toMatchObject({ error: { message: expect.stringMatching(/still here/) } });
  });
});

describe("recorderReducer", () => {
  const recording: TTake = { blob: new Blob(["abc"], { type: "audio/webm" }), url: "blob:rec", source: "recording", durationMs: null };
  const file: TTake = { blob: new Blob(["xyz"], { type: "audio/mpeg" }), url: "blob:file", source: "file", durationMs: null };
  const memo: TUploadedMemo = { id: "m1", durationMs: 4_000, mimeType: "audio/webm", createdAt: "2026-12-06T10:00:00.000Z" };
  const run = (actions: TRecorderAction[], from: TRecorderState = initialRecorderState) => actions.reduce(recorderReducer, from);
  const recordingFor = (ms: number): TRecorderState =>
    run([{ type: "ask" }, { type: "started" }, { type: "tick", elapsedMs: ms }]);

  it("goes idle → asking → recording → stopped → uploading → saved", () => {
    let state = run([{ type: "ask" }]);
    expect(state).toEqual({ phase: "asking" });
    state = run([{ type: "started" }, { type: "tick", elapsedMs: 2_000 }], state);
    expect(state).toEqual({ phase: "recording", isPaused: false, elapsedMs: 2_000, stopping: null });
    state = run([{ type: "stop", reason: "person", elapsedMs: 4_100 }, { type: "recorded", take: recording }], state);
    expect(state).toEqual({ phase: "stopped", take: { ...recording, durationMs: 4_100 }, hasReachedLimit: false, problem: null });
    state = run([{ type: "upload" }], state);
    expect(state.phase).toBe("uploading");
    expect(run([{ type: "saved", memo }], state)).toEqual({ phase: "saved", memo });
  });

  it("keeps the recording when saving fails, so it can be sent again", () => {
    const stopped = run([{ type: "stop", reason: "person", elapsedMs: 4_000 }, { type: "recorded", take: recording }], recordingFor(3_000));
    const problem = { field: "audio" as const, message: "We couldn't reach Alliance…" };
    const failed = run([{ type: "upload" }, { type: "upload-failed", problem }], stopped);
    expect(failed).toEqual({ ...stopped, problem });
    expect(takeOf(failed)).toBe(takeOf(stopped));
    const retried = run([{ type: "upload" }], failed);
    expect(retried).toMatchObject({ phase: "uploading", take: takeOf(stopped) });
  });

  it("ignores a second Save while the first is on its way, and a Discard mid-upload", () => {
    const uploading = run([{ type: "picked", take: file }, { type: "upload" }]);
    expect(recorderReducer(uploading, { type: "upload" })).toBe(uploading);
    expect(recorderReducer(uploading, { type: "discard" })).toBe(uploading);
    expect(recorderReducer(uploading, { type: "picked", take: recording })).toBe(uploading);
  });

  it("pauses and resumes, and does not count time while paused", () => {
    const paused = run([{ type: "pause", elapsedMs: 5_000 }], recordingFor(4_900));
    expect(paused).toMatchObject({ isPaused: true, elapsedMs: 5_000 });
    expect(recorderReducer(paused, { type: "tick", elapsedMs: 9_000 })).toBe(paused);
    expect(recorderReducer(paused, { type: "pause", elapsedMs: 9_000 })).toBe(paused);
    expect(run([{ type: "resume" }, { type: "tick", elapsedMs: 6_000 }], paused)).toMatchObject({ isPaused: false, elapsedMs: 6_000 });
  });

  it("remembers that the limit stopped the recording, and ignores ticks and a second stop while it finishes", () => {
    const stopping = run([{ type: "stop", reason: "limit", elapsedMs: 300_000 }], recordingFor(299_800));
    expect(stopping).toMatchObject({ phase: "recording", stopping: "limit", elapsedMs: 300_000 });
    expect(recorderReducer(stopping, { type: "tick", elapsedMs: 300_250 })).toBe(stopping);
    expect(recorderReducer(stopping, { type: "stop", reason: "person", elapsedMs: 300_300 })).toBe(stopping);
    expect(recorderReducer(stopping, { type: "pause", elapsedMs: 300_300 })).toBe(stopping);
    expect(run([{ type: "recorded", take: recording }], stopping)).toMatchObject({
      phase: "stopped",
      hasReachedLimit: true,
      take: { durationMs: 300_000 },
    });
  });

  it("keeps what was caught when the recorder stops by itself (a microphone unplugged)", () => {
    expect(run([{ type: "recorded", take: recording }], recordingFor(7_000))).toMatchObject({
      phase: "stopped",
      hasReachedLimit: false,
      take: { url: "blob:rec", durationMs: 7_000 },
    });
  });

  it("goes back to idle with the reason when the microphone doesn't start, and can be asked again", () => {
    const refused = run([{ type: "ask" }, { type: "refused", message: "Your browser didn't let…" }]);
    expect(refused).toEqual({ phase: "idle", error: "Your browser didn't let…" });
    expect(recorderReducer(refused, { type: "ask" })).toEqual({ phase: "asking" });
    expect(run([{ type: "ask" }, { type: "cancel-ask" }])).toEqual(initialRecorderState);
    // A microphone that says yes after the person cancelled starts nothing.
    expect(run([{ type: "ask" }, { type: "cancel-ask" }, { type: "started" }])).toEqual(initialRecorderState);
  });

  it("takes a picked file straight to playback, and back to idle if it turns out to be too long", () => {
    const picked = run([{ type: "picked", take: file }]);
    expect(picked).toEqual({ phase: "stopped", take: file, hasReachedLimit: false, problem: null });
    expect(recorderReducer(picked, { type: "file-refused", message: "Too long." })).toEqual({ phase: "idle", error: "Too long." });
    const recorded = run([{ type: "stop", reason: "person", elapsedMs: 1_000 }, { type: "recorded", take: recording }], recordingFor(900));
    expect(recorderReducer(recorded, { type: "file-refused", message: "Too long." })).toBe(recorded);
  });

  it("lets go of the take on Discard and after saving, and can start again from saved", () => {
    const stopped = run([{ type: "picked", take: file }]);
    expect(takeOf(run([{ type: "discard" }], stopped))).toBeNull();
    const saved = run([{ type: "upload" }, { type: "saved", memo }], stopped);
    expect(takeOf(saved)).toBeNull();
    expect(recorderReducer(saved, { type: "ask" })).toEqual({ phase: "asking" });
    expect(recorderReducer(saved, { type: "picked", take: recording }).phase).toBe("stopped");
  });

  it("ignores a late recorder event after the person has moved on", () => {
    const idle = run([{ type: "picked", take: file }, { type: "discard" }]);
    expect(recorderReducer(idle, { type: "recorded", take: recording })).toBe(idle);
    expect(recorderReducer(idle, { type: "tick", elapsedMs: 1 })).toBe(idle);
    expect(recorderReducer(idle, { type: "saved", memo })).toBe(idle);
  });
});
