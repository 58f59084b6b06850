import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  isValidTimeZone,
  listTimeZones,
  localDay,
  requireTimeZone,
  wallClock,
  wallClockToInstant,
  zoneOffsetSeconds,
  zoneTransitions,
} from "./zones";

const iso = (date: Date) => date.toISOString();

describe("wallClockToInstant", () => {
  it("reads a wall-clock time in the zone, whatever the server's zone", () => {
    expect(iso(wallClockToInstant("2026-07-01", "09:00", "Europe/London"))).toBe("2026-07-01T08:00:00.000Z");
    expect(iso(wallClockToInstant("2026-12-01", "09:00", "Europe/London"))).toBe("2026-12-01T09:00:00.000Z");
    expect(iso(wallClockToInstant("2026-12-01", "09:00", "Asia/Kolkata"))).toBe("2026-12-01T03:30:00.000Z");
    expect(iso(wallClockToInstant("2026-12-01", "18:00", "America/New_York"))).toBe("2026-12-01T23:00:00.000Z");
    expect(iso(wallClockToInstant("2026-06-01", "00:00", "Asia/Kathmandu"))).toBe("2026-05-31T18:15:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // London: 01:00 -> 02:00 on 29 March 2026; 02:00 -> 01:00 on 25 October 2026.
    expect(iso(wallClockToInstant("2026-03-29", "03:00", "Europe/London"))).toBe("2026-03-29T02:00:00.000Z");
    expect(iso(wallClockToInstant("2026-10-25", "12:00", "Europe/London"))).toBe("2026-10-25T12:00:00.000Z");
    expect(iso(wallClockToInstant("2026-10-25", "02:00", "Europe/London"))).toBe("2026-10-25T02:00:00.000Z");
  });

  it("moves a skipped time later by the size of the gap", () => {
    // 01:30 doesn't exist in London on 29 March 2026: 02:30 BST.
    expect(iso(wallClockToInstant("2026-03-29", "01:30", "Europe/London"))).toBe("2026-03-29T01:30:00.000Z");
    // New York skips 02:00–03:00 on 8 March 2026: 03:30 EDT.
    expect(iso(wallClockToInstant("2026-03-08", "02:30", "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
    // Lord Howe's clock skips half an hour (02:00 +10:30 -> 02:30 +11:00) on 4 October 2026: 02:45.
    const lordHowe = wallClockToInstant("2026-10-04", "02:15", "Australia/Lord_Howe");
    expect(iso(lordHowe)).toBe("2026-10-03T15:45:00.000Z");
    expect(wallClock(lordHowe, "Australia/Lord_Howe").time).toBe("02:45");
  });

  it("takes the first of a time that happens twice", () => {
    expect(iso(wallClockToInstant("2026-10-25", "01:30", "Europe/London"))).toBe("2026-10-25T00:30:00.000Z"); // BST, not GMT
    expect(iso(wallClockToInstant("2026-11-01", "01:30", "America/New_York"))).toBe("2026-11-01T05:30:00.000Z"); // EDT, not EST
    // Lord Howe repeats 01:30–02:00 (02:00 +11:00 -> 01:30 +10:30) on 5 April 2026.
    expect(iso(wallClockToInstant("2026-04-05", "01:45", "Australia/Lord_Howe"))).toBe("2026-04-04T14:45:00.000Z");
  });

  it("round-trips with wallClock and rejects malformed input", () => {
    const instant = wallClockToInstant("2026-11-30", "07:45", "Australia/Adelaide");
    expect(wallClock(instant, "Australia/Adelaide")).toEqual({ day: "2026-11-30", time: "07:45", minuteOfDay: 465 });
    expect(zoneOffsetSeconds(instant, "Australia/Adelaide")).toBe(630 * 60);
    expect(() => wallClockToInstant("30/11/2026", "07:45", "UTC")).toThrow(RangeError);
    expect(() => wallClockToInstant("2026-02-30", "07:45", "UTC")).toThrow(RangeError);
    expect(() => wallClockToInstant("2026-11-30", "7pm", "UTC")).toThrow(RangeError);
    expect(() => wallClockToInstant("2026-11-30", "24:00", "UTC")).toThrow(RangeError);
  });
});

describe("wallClock and localDay", () => {
  it("give the person's own calendar day, not the server's", () => {
    const lateEvening = new Date("2026-11-23T23:30:00Z");
    expect(localDay(lateEvening, "Asia/Tokyo")).toBe("2026-11-24");
    expect(localDay(lateEvening, "Europe/London")).toBe("2026-11-23");
    expect(localDay(lateEvening, "UTC")).toBe("2026-11-23");
    expect(localDay(new Date("2026-11-23T18:29:00Z"), "Asia/Kolkata")).toBe("2026-11-23");
    expect(localDay(new Date("2026-11-23T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-24");
    expect(localDay(new Date("2026-11-23T03:00:00Z"), "America/Los_Angeles")).toBe("2026-11-22");
  });

  it("turn the day over at local midnight, also at +05:45", () => {
    expect(wallClock(new Date("2026-05-31T18:14:59Z"), "Asia/Kathmandu")).toEqual({ day: "2026-05-31", time: "23:59", minuteOfDay: 1439 });
    expect(wallClock(new Date("2026-05-31T18:15:00Z"), "Asia/Kathmandu")).toEqual({ day: "2026-06-01", time: "00:00", minuteOfDay: 0 });
    expect(wallClock(new Date("2026-07-01T12:00:00Z"), "Australia/Lord_Howe").time).toBe("22:30");
    expect(wallClock(new Date("2026-12-01T12:00:00Z"), "Australia/Lord_Howe").time).toBe("23:00");
  });

  it("don't change with the process time zone", () => {
    const instant = new Date("2026-11-23T23:30:00Z");
    const original = process.env.TZ;
    try {
      for (const zone of ["Pacific/Kiritimati", "America/Anchorage", "Asia/Tokyo", "UTC"]) {
        process.env.TZ = zone;
        expect(localDay(instant, "Europe/London")).toBe("2026-11-23");
        expect(localDay(instant, "Asia/Tokyo")).toBe("2026-11-24");
        expect(iso(wallClockToInstant("2026-11-23", "09:00", "Europe/London"))).toBe("2026-11-23T09:00:00.000Z");
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it("walk through consecutive days over the London autumn clock change", () => {
    const seen: string[] = [];
    for (let hour = 0; hour <= 72; hour++) {
      const day = localDay(new Date(Date.UTC(2026, 9, 24, hour)), "Europe/London");
      if (seen.at(-1) !== day) seen.push(day);
    }
    expect(seen).toEqual(["2026-10-24", "2026-10-25", "2026-10-26", "2026-10-27"]);
    // 25 October 2026 has 25 hours in London: 00:00 BST is 23:00Z the day before, midnight GMT is 00:00Z.
    expect(localDay(new Date("2026-10-24T22:59:00Z"), "Europe/London")).toBe("2026-10-24");
    expect(localDay(new Date("2026-10-24T23:00:00Z"), "Europe/London")).toBe("2026-10-25");
    expect(localDay(new Date("2026-10-25T23:59:00Z"), "Europe/London")).toBe("2026-10-25");
    expect(localDay(new Date("2026-10-26T00:00:00Z"), "Europe/London")).toBe("2026-10-26");
  });

  it("show both passes through a repeated hour", () => {
    expect(wallClock(new Date("2026-10-25T00:30:00Z"), "Europe/London").time).toBe("01:30");
    expect(wallClock(new Date("2026-10-25T01:30:00Z"), "Europe/London").time).toBe("01:30");
  });

  it("agree with Intl's own wall clock in every zone the runtime knows", () => {
    const instants = ["1970-06-01T12:00:00Z", "2026-01-01T00:00:00Z", "2026-03-29T01:30:00Z", "2026-07-15T12:34:56Z", "2026-10-31T23:30:00Z"];
    for (const zone of listTimeZones()) {
      const intl = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      });
      for (const text of instants) {
        const parts = intl.formatToParts(new Date(text));
        const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
        const expected = { day: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
        const { day, time } = wallClock(new Date(text), zone);
        expect({ day, time }, `${zone} ${text}`).toEqual(expected);
      }
    }
  });

  it("refuse an invalid date", () => {
    expect(() => localDay(new Date("nonsense"), "UTC")).toThrow(RangeError);
  });
});

describe("offsets and transitions", () => {
  it("reads offsets to the second", () => {
    expect(zoneOffsetSeconds(new Date("2026-07-01T00:00:00Z"), "Europe/London")).toBe(3600);
    expect(zoneOffsetSeconds(new Date("2026-01-01T00:00:00Z"), "America/New_York")).toBe(-5 * 3600);
    expect(zoneOffsetSeconds(new Date("2026-01-01T00:00:00Z"), "Asia/Kathmandu")).toBe(5 * 3600 + 45 * 60);
    expect(zoneOffsetSeconds(new Date("2026-07-01T00:00:00Z"), "Australia/Lord_Howe")).toBe(10 * 3600 + 30 * 60);
    expect(zoneOffsetSeconds(new Date("2026-07-01T00:00:00Z"), "UTC")).toBe(0);
    // Liberia kept its local mean time until 1972.
    expect(zoneOffsetSeconds(new Date("1970-06-01T12:00:00Z"), "Africa/Monrovia")).toBe(-(44 * 60 + 30));
  });

  it("finds each change to the second", () => {
    const year2026 = [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)] as const;
    const at = (text: string) => Date.parse(text);
    expect(zoneTransitions("Europe/London", ...year2026)).toEqual([
      { at: at("2026-03-29T01:00:00Z"), from: 0, to: 3600 },
      { at: at("2026-10-25T01:00:00Z"), from: 3600, to: 0 },
    ]);
    expect(zoneTransitions("Australia/Lord_Howe", ...year2026)).toEqual([
      { at: at("2026-04-04T15:00:00Z"), from: 39600, to: 37800 },
      { at: at("2026-10-03T15:30:00Z"), from: 37800, to: 39600 },
    ]);
    expect(zoneTransitions("Asia/Kathmandu", ...year2026)).toEqual([]);
  });
});

describe("addLocalDays", () => {
  it("keeps the wall-clock time across a clock change", () => {
    // 09:00 GMT on 28 March 2026 -> 09:00 BST the next day: 23 hours later.
    expect(iso(addLocalDays(new Date("2026-03-28T09:00:00Z"), 1, "Europe/London"))).toBe("2026-03-29T08:00:00.000Z");
    expect(iso(addLocalDays(new Date("2026-03-29T08:00:00Z"), -1, "Europe/London"))).toBe("2026-03-28T09:00:00.000Z");
    // A weekly 15:00 session in New York over the autumn change.
    expect(iso(addLocalDays(new Date("2026-10-29T19:00:00Z"), 7, "America/New_York"))).toBe("2026-11-05T20:00:00.000Z");
    // Lord Howe moves half an hour: noon stays noon.
    expect(iso(addLocalDays(new Date("2026-10-03T01:30:00Z"), 1, "Australia/Lord_Howe"))).toBe("2026-10-04T01:00:00.000Z");
  });

  it("lands a skipped time later, keeps seconds, and refuses fractional days", () => {
    expect(iso(addLocalDays(new Date("2026-03-28T01:30:00Z"), 1, "Europe/London"))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(addLocalDays(new Date("2026-05-31T18:14:59.250Z"), 30, "Asia/Kathmandu"))).toBe("2026-06-30T18:14:59.250Z");
    expect(() => addLocalDays(new Date("2026-03-28T09:00:00Z"), 0.5, "Europe/London")).toThrow(RangeError);
  });
});

describe("zone names", () => {
  it("accepts every zone the runtime lists, in any case", () => {
    for (const zone of listTimeZones()) expect(isValidTimeZone(zone), zone).toBe(true);
    expect(isValidTimeZone("europe/london")).toBe(true);
    expect(requireTimeZone("europe/london")).toBe("Europe/London");
    // An alias keeps the caller's name: Asia/Kolkata is not swapped for Asia/Calcutta.
    expect(requireTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
  });

  it("refuses unknown zones, offsets and anything that isn't a name", () => {
    for (const zone of ["", "Mars/Olympus_Mons", "Europe/Atlantis", "+05:30", "Europe/London;X-INJECT", " UTC", "a".repeat(65)]) {
      expect(isValidTimeZone(zone), zone).toBe(false);
      expect(() => requireTimeZone(zone), zone).toThrow(RangeError);
      expect(() => localDay(new Date("2026-01-01T00:00:00Z"), zone), zone).toThrow(RangeError);
      expect(() => wallClockToInstant("2026-01-01", "09:00", zone), zone).toThrow(RangeError);
    }
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
  });
});
