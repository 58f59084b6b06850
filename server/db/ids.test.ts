import { afterEach, describe, expect, it } from "vitest";
import { newRowId } from "./ids";
import { advanceClockForTests, freezeClockForTests, resetClock } from "../clock";

afterEach(resetClock);

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("row ids", () => {
  it("are UUIDv7 carrying the app clock's millisecond", () => {
    const at = freezeClockForTests(new Date("2031-01-02T03:04:05.678Z"));
    const id = newRowId();
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at.getTime());
  });

  it("sort in the order they were made, even many in one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => newRowId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("keep sorting after earlier ones when the clock is moved back", () => {
    freezeClockForTests(new Date("2031-01-02T03:04:05.678Z"));
    const first = newRowId();
    advanceClockForTests(-60_000);
    const second = newRowId();
    expect(second > first).toBe(true);
  });
});
