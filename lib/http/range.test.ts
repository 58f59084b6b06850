import { describe, expect, it } from "vitest";
import { parseRange } from "./range";

describe("parseRange", () => {
  it("answers the whole body without a header, or with one it cannot read", () => {
    expect(parseRange(null, 100)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=0-1,5-9", 100)).toEqual({ kind: "whole" });
    expect(parseRange("items=0-1", 100)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=-", 100)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=9-2", 100)).toEqual({ kind: "whole" });
  });

  it("reads a closed, an open and a suffix range", () => {
    expect(parseRange("bytes=0-1", 100)).toEqual({ kind: "partial", range: { start: 0, end: 1 } });
    expect(parseRange("bytes=40-", 100)).toEqual({ kind: "partial", range: { start: 40, end: 99 } });
    expect(parseRange("bytes=-10", 100)).toEqual({ kind: "partial", range: { start: 90, end: 99 } });
    expect(parseRange("bytes=-500", 100)).toEqual({ kind: "partial", range: { start: 0, end: 99 } });
  });

  it("clamps an end past the body and refuses a start past it", () => {
    expect(parseRange("bytes=90-1000", 100)).toEqual({ kind: "partial", range: { start: 90, end: 99 } });
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
  });
});
