// HTTP Range requests (RFC 9110 §14) for audio: Safari will not play an
// <audio> source that does not answer a range with 206.
//
// One range only: players ask for one. A request for several, or a header we
// cannot read, is answered with the whole body (which the RFC allows); a
// range that starts past the end is 416.

export type TByteRange = { start: number; end: number };
export type TRangeAnswer = { kind: "whole" } | { kind: "partial"; range: TByteRange } | { kind: "unsatisfiable" };

export function parseRange(header: string | null, size: number): TRangeAnswer {
  if (!header) return { kind: "whole" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return { kind: "whole" };
  if (size === 0) return { kind: "unsatisfiable" };
  if (match[1] === "") {
    // "bytes=-500": the last 500 bytes.
    const suffix = Number(match[2]);
    if (suffix === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return { kind: "unsatisfiable" };
  if (end < start) return { kind: "whole" };
  return { kind: "partial", range: { start, end } };
}
