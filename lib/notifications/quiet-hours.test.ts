import { describe, expect, it } from "vitest";
import { dailyReminderDue, isQuietAt, isQuietTime, nextAllowedInstant, sessionReminderDue } from "./quiet-hours";

const NIGHT = { quietFrom: "21:00", quietUntil: "08:00" };
const AFTERNOON = { quietFrom: "13:00", quietUntil: "15:00" };
const NONE = { quietFrom: null, quietUntil: null };

describe("isQuietTime", () => {
  it("wraps midnight: from inclusive, until exclusive", () => {
    expect(isQuietTime("20:59", NIGHT)).toBe(false);
    expect(isQuietTime("21:00", NIGHT)).toBe(true);
    expect(isQuietTime("00:00", NIGHT)).toBe(true);
    expect(isQuietTime("07:59", NIGHT)).toBe(true);
    expect(isQuietTime("08:00", NIGHT)).toBe(false);
  });
  it("handles a span within one day, and no quiet hours", () => {
    expect(isQuietTime("12:59", AFTERNOON)).toBe(false);
    expect(isQuietTime("13:00", AFTERNOON)).toBe(true);
    expect(isQuietTime("15:00", AFTERNOON)).toBe(false);
    expect(isQuietTime("03:00", NONE)).toBe(false);
    expect(isQuietTime("03:00", { quietFrom: "09:00", quietUntil: "09:00" })).toBe(false);
  });
});

describe("nextAllowedInstant", () => {
  it("returns the instant itself outside quiet hours", () => {
    const at = new Date("2030-03-05T12:00:00Z");
    expect(nextAllowedInstant(at, NIGHT, "Europe/London")).toEqual(at);
  });
  it("moves a late-evening instant to the next morning, in the person's zone", () => {
    // 23:30 in Tokyo (UTC+9) → 08:00 the next day in Tokyo = 23:00Z.
    const at = new Date("2030-03-05T14:30:00Z");
    expect(isQuietAt(at, NIGHT, "Asia/Tokyo")).toBe(true);
    expect(nextAllowedInstant(at, NIGHT, "Asia/Tokyo").toISOString()).toBe("2030-03-05T23:00:00.000Z");
  });
  it("moves an early-morning instant to the same morning", () => {
    // 06:00 New York (EST, UTC−5) → 08:00 = 13:00Z.
    const at = new Date("2030-01-10T11:00:00Z");
    expect(nextAllowedInstant(at, NIGHT, "America/New_York").toISOString()).toBe("2030-01-10T13:00:00.000Z");
  });
  it("ends quiet hours on the wall clock across a DST change", () => {
    // London springs forward on 2030-03-31 at 01:00Z: 23:00 GMT on the 30th → 08:00 BST on the 31st = 07:00Z.
    const at = new Date("2030-03-30T23:00:00Z");
    expect(nextAllowedInstant(at, NIGHT, "Europe/London").toISOString()).toBe("2030-03-31T07:00:00.000Z");
    // …and falls back on 2030-10-27: 22:00 BST on the 26th → 08:00 GMT on the 27th = 08:00Z (a 11-hour night).
    const autumn = new Date("2030-10-26T21:00:00Z");
    expect(nextAllowedInstant(autumn, NIGHT, "Europe/London").toISOString()).toBe("2030-10-27T08:00:00.000Z");
  });
  it("resolves a quiet end that a clock change skips to the later side", () => {
    const skipped = { quietFrom: "00:00", quietUntil: "01:30" };
    // 00:30 GMT on 2030-03-31; 01:30 doesn't exist that day (01:00 GMT → 02:00 BST): 02:30 BST = 01:30Z.
    const at = new Date("2030-03-31T00:30:00Z");
    expect(nextAllowedInstant(at, skipped, "Europe/London").toISOString()).toBe("2030-03-31T01:30:00.000Z");
  });
});

describe("dailyReminderDue", () => {
  it("is due from the chosen local time on, for that local day", () => {
    // 18:00 in Tokyo = 09:00Z.
    expect(dailyReminderDue(new Date("2030-03-05T08:59:00Z"), "18:00", NIGHT, "Asia/Tokyo")).toBeNull();
    expect(dailyReminderDue(new Date("2030-03-05T09:00:00Z"), "18:00", NIGHT, "Asia/Tokyo")).toEqual({ localDate: "2030-03-05" });
  });
  it("waits for quiet hours to end, and is not sent once the day is over", () => {
    // 07:00 reminder with quiet hours until 08:00 (London, GMT): due at 08:00.
    expect(dailyReminderDue(new Date("2030-03-05T07:30:00Z"), "07:00", NIGHT, "Europe/London")).toBeNull();
    expect(dailyReminderDue(new Date("2030-03-05T08:00:00Z"), "07:00", NIGHT, "Europe/London")).toEqual({ localDate: "2030-03-05" });
    // 18:00 reminder, worker back only at 22:00 (quiet): nothing tonight.
    expect(dailyReminderDue(new Date("2030-03-05T22:00:00Z"), "18:00", NIGHT, "Europe/London")).toBeNull();
  });
});

describe("sessionReminderDue", () => {
  const startsAt = new Date("2030-03-06T01:00:00Z"); // 10:00 in Tokyo
  it("is due from 24 hours before, never after the start", () => {
    expect(sessionReminderDue(new Date("2030-03-05T00:59:00Z"), startsAt, NIGHT, "Asia/Tokyo")).toBe(false);
    expect(sessionReminderDue(new Date("2030-03-05T01:00:00Z"), startsAt, NIGHT, "Asia/Tokyo")).toBe(true);
    expect(sessionReminderDue(startsAt, startsAt, NONE, "Asia/Tokyo")).toBe(false);
  });
  it("holds a reminder that falls in quiet hours until they end", () => {
    const late = new Date("2030-03-06T14:00:00Z"); // 23:00 in Tokyo
    expect(sessionReminderDue(new Date("2030-03-05T14:00:00Z"), late, NIGHT, "Asia/Tokyo")).toBe(false);
    expect(sessionReminderDue(new Date("2030-03-05T23:00:00Z"), late, NIGHT, "Asia/Tokyo")).toBe(true);
  });
});
