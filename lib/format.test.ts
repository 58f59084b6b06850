import { describe, expect, it } from "vitest";
import { formatDateTime, formatShortDateTime } from "./format";

describe("formatDateTime", () => {
  it("shows one UTC instant in each person's own zone", () => {
    const instant = new Date("2026-03-02T17:00:00Z");
    expect(formatDateTime(instant, "Europe/London")).toContain("17:00");
    expect(formatDateTime(instant, "America/New_York")).toContain("12:00");
    expect(formatDateTime(instant, "Asia/Kolkata")).toContain("22:30");
  });
});

describe("formatShortDateTime", () => {
  it("says the day and 24-hour time in the reader's zone, without the zone's name", () => {
    const instant = new Date("2026-03-03T10:00:00Z");
    expect(formatShortDateTime(instant, "Europe/London")).toBe("Tue 3 Mar, 10:00");
    expect(formatShortDateTime(instant, "Pacific/Auckland")).toBe("Tue 3 Mar, 23:00");
    expect(formatShortDateTime(instant, "America/Los_Angeles")).toBe("Tue 3 Mar, 02:00");
  });
});
