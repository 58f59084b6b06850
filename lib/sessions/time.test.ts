import { describe, expect, it } from "vitest";
import { utcToZonedParts, zonedTimeToUtc, zoneOffsetMinutes } from "./time";

describe("zonedTimeToUtc", () => {
  it("reads a wall-clock time in the scheduler's zone, whatever the server's zone", () => {
    expect(zonedTimeToUtc("2026-07-01", "09:00", "Europe/London").toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedTimeToUtc("2026-12-01", "09:00", "Europe/London").toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(zonedTimeToUtc("2026-12-01", "09:00", "Asia/Kolkata").toISOString()).toBe("2026-12-01T03:30:00.000Z");
    expect(zonedTimeToUtc("2026-12-01", "18:00", "America/New_York").toISOString()).toBe("2026-12-01T23:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // London: 01:00 -> 02:00 on 29 March 2026; 02:00 -> 01:00 on 25 October 2026.
    expect(zonedTimeToUtc("2026-03-29", "03:00", "Europe/London").toISOString()).toBe("2026-03-29T02:00:00.000Z");
    expect(zonedTimeToUtc("2026-10-25", "12:00", "Europe/London").toISOString()).toBe("2026-10-25T12:00:00.000Z");
    expect(zonedTimeToUtc("2026-03-29", "01:30", "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("round-trips with utcToZonedParts and rejects malformed input", () => {
    const instant = zonedTimeToUtc("2026-11-30", "07:45", "Australia/Adelaide");
    expect(utcToZonedParts(instant, "Australia/Adelaide")).toEqual({ day: "2026-11-30", time: "07:45" });
    expect(zoneOffsetMinutes("Australia/Adelaide", instant)).toBe(630);
    expect(() => zonedTimeToUtc("30/11/2026", "07:45", "UTC")).toThrow(RangeError);
    expect(() => zonedTimeToUtc("2026-11-30", "7pm", "UTC")).toThrow(RangeError);
  });
});
