// Is this upload audio, what kind, and how long is it? Answered from the
// bytes alone (issue 24): the browser's declared type and any length it
// claims are never used.
//
// - The container comes from the file's signature (`file-type`).
// - The length is measured from the audio itself: MediaRecorder's WebM has
//   no duration in its header (Chromium writes "unknown"), so its blocks are
//   read with `ts-ebml`; its fragmented MP4 (Safari, recent Chromium) says 0,
//   so the samples of every fragment are summed with `mp4box`; everything else
//   (Ogg/Opus, MP3, WAV, FLAC, AAC) goes through `music-metadata`.
// - Anything with a video track is refused: only sound is kept.
import { fileTypeFromBuffer } from "file-type";
import { parseBuffer } from "music-metadata";
import { createFile, MP4BoxBuffer } from "mp4box";
import { Decoder, Reader } from "ts-ebml";
import { formatMemoLength, MEMO_LENGTH_SLACK_SECONDS } from "../../lib/voice/limits";

export type TAudioCheck = { isAudio: true; mimeType: string; durationMs: number } | { isAudio: false; message: string };

export const NOT_AUDIO = "That file isn't a sound recording Alliance can keep, so nothing was saved. Record here, or choose a voice recording (for example .m4a, .mp3, .ogg or .webm).";
export const HAS_VIDEO = "That file has video in it. Only sound can be kept here, so nothing was saved.";
export const NO_LENGTH = "Alliance couldn't tell how long that recording is, so nothing was saved. Please try recording again.";
export const EMPTY = "That recording is empty, so nothing was saved.";

type TMeasure = { hasVideo: boolean; seconds: number | undefined };

const CONTAINERS: Record<string, { mimeType: string; measure: (bytes: Buffer) => Promise<TMeasure> | TMeasure }> = {
  webm: { mimeType: "audio/webm", measure: measureMatroska },
  mkv: { mimeType: "audio/webm", measure: measureMatroska },
  mp4: { mimeType: "audio/mp4", measure: measureIsoMedia },
  m4a: { mimeType: "audio/mp4", measure: measureIsoMedia },
  ogg: { mimeType: "audio/ogg", measure: measureOther },
  opus: { mimeType: "audio/ogg", measure: measureOther },
  oga: { mimeType: "audio/ogg", measure: measureOther },
  mp3: { mimeType: "audio/mpeg", measure: measureOther },
  wav: { mimeType: "audio/wav", measure: measureOther },
  flac: { mimeType: "audio/flac", measure: measureOther },
  aac: { mimeType: "audio/aac", measure: measureOther },
};

export async function checkAudio(bytes: Buffer, maxSeconds: number): Promise<TAudioCheck> {
  if (bytes.length === 0) return { isAudio: false, message: EMPTY };
  const type = await fileTypeFromBuffer(bytes);
  const container = type ? CONTAINERS[type.ext] : undefined;
  if (!container) return { isAudio: false, message: NOT_AUDIO };
  let measured: TMeasure;
  try {
    measured = await container.measure(bytes);
  } catch {
    // A file that claims a container and then breaks its rules.
    return { isAudio: false, message: NOT_AUDIO };
  }
  if (measured.hasVideo) return { isAudio: false, message: HAS_VIDEO };
  const seconds = measured.seconds;
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return { isAudio: false, message: NO_LENGTH };
  if (seconds > maxSeconds + MEMO_LENGTH_SLACK_SECONDS) {
    return {
      isAudio: false,
      message: `That recording is ${formatMemoLength(seconds)} long; a voice memo can be up to ${formatMemoLength(maxSeconds)}. Nothing was saved.`,
    };
  }
  return { isAudio: true, mimeType: container.mimeType, durationMs: Math.round(seconds * 1000) };
}

function measureMatroska(bytes: Buffer): TMeasure {
  const reader = new Reader();
  reader.logging = false;
  reader.drop_default_duration = false;
  const kinds: number[] = [];
  for (const element of new Decoder().decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)) {
    if (element.name === "TrackType" && element.type === "u") kinds.push(element.value);
    reader.read(element);
  }
  reader.stop();
  // Matroska track type 1 is video, 2 audio.
  if (!kinds.includes(2)) throw new Error("no audio track");
  return { hasVideo: kinds.includes(1), seconds: (reader.duration * reader.timestampScale) / 1e9 };
}

function measureIsoMedia(bytes: Buffer): TMeasure {
  const file = createFile();
  file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 0), true);
  file.flush();
  const info = file.getInfo();
  if (!info.hasMoov || info.audioTracks.length === 0) throw new Error("no audio track");
  // A fragmented file's header says 0: the samples in its fragments are the length.
  const seconds = Math.max(
    info.duration / (info.timescale || 1),
    ...info.audioTracks.map((track) => track.samples_duration / (track.timescale || 1)),
  );
  return { hasVideo: info.videoTracks.length > 0, seconds };
}

async function measureOther(bytes: Buffer): Promise<TMeasure> {
  const metadata = await parseBuffer(bytes, undefined, { duration: true, skipCovers: true });
  if (!metadata.format.hasAudio && metadata.format.hasAudio !== undefined) throw new Error("no audio track");
  return { hasVideo: metadata.format.hasVideo === true, seconds: metadata.format.duration };
}
