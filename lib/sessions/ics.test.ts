import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { buildIcs, type TIcsEvent } from "./ics";

const base: TIcsEvent = {
  uid: "session-123@alliance",
  startsAt: new Date("2026-07-01T17:00:00Z"),
  durationMinutes: 50,
  timeZone: "Europe/London",
  summary: "Therapy session with Dr. Ana Okafor",
  status: "CONFIRMED",
  sequence: 0,
  stampedAt: new Date("2026-05-20T09:15:30Z"),
};

function event(overrides: Partial<TIcsEvent> = {}): TIcsEvent {
  return { ...base, ...overrides };
}

// ical.js resolves a TZID from the VTIMEZONE in the same file, which is what we want to
// test: nothing is registered in ICAL.TimezoneService, so a missing or wrong
// definition cannot be covered up by ical.js's own zone data.
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const time = (name: string) => {
    const value = vevent.getFirstPropertyValue(name);
    if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
    return value;
  };
  return { calendar, vevent, start: time("dtstart"), end: time("dtend") };
}

function utcMs(time: InstanceType<typeof ICAL.Time>): number {
  return time.toUnixTime() * 1000;
}

// The physical lines of the file, split on CRLF; the file ends with CRLF, so the last piece is empty.
function physicalLines(ics: string): string[] {
  const pieces = ics.split("\r\n");
  expect(pieces.pop()).toBe("");
  return pieces;
}

// Content lines after unfolding (RFC 5545 §3.1).
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n /g, "").split("\r\n").slice(0, -1);
}

function octets(text: string): number {
  return new TextEncoder().encode(text).length;
}

describe("buildIcs: times", () => {
  const cases = [
    { zone: "Europe/London", startsAt: "2026-07-01T17:00:00Z", local: "20260701T180000", end: "20260701T185000" },
    { zone: "Europe/London", startsAt: "2026-01-15T17:00:00Z", local: "20260115T170000", end: "20260115T175000" },
    { zone: "America/New_York", startsAt: "2026-03-02T17:00:00Z", local: "20260302T120000", end: "20260302T125000" },
    { zone: "America/New_York", startsAt: "2026-08-10T13:30:00Z", local: "20260810T093000", end: "20260810T102000" },
    { zone: "Asia/Kolkata", startsAt: "2026-03-02T17:00:00Z", local: "20260302T223000", end: "20260302T232000" },
    { zone: "Australia/Adelaide", startsAt: "2026-01-10T03:00:00Z", local: "20260110T133000", end: "20260110T142000" },
    { zone: "Australia/Adelaide", startsAt: "2026-07-10T03:00:00Z", local: "20260710T123000", end: "20260710T132000" },
    { zone: "UTC", startsAt: "2026-03-02T17:00:00Z", local: "20260302T170000", end: "20260302T175000" },
  ];

  it.each(cases)("$zone at $startsAt: local DTSTART/DTEND that ical.js reads back as the same instant", (c) => {
    const startsAt = new Date(c.startsAt);
    const ics = buildIcs(event({ timeZone: c.zone, startsAt }));
    const lines = contentLines(ics);
    expect(lines).toContain(`DTSTART;TZID=${c.zone}:${c.local}`);
    expect(lines).toContain(`DTEND;TZID=${c.zone}:${c.end}`);
    expect(lines).toContain(`TZID:${c.zone}`);

    const { start, end } = parse(ics);
    expect(start.zone.tzid).toBe(c.zone);
    expect(utcMs(start)).toBe(startsAt.getTime());
    expect(utcMs(end)).toBe(startsAt.getTime() + 50 * 60_000);
  });

  it("writes DST zones as STANDARD and DAYLIGHT with yearly rules", () => {
    const vtimezone = (zone: string, startsAt: string) =>
      contentLines(buildIcs(event({ timeZone: zone, startsAt: new Date(startsAt) })))
        .filter((line) => /^(BEGIN|END|DTSTART|RRULE|TZOFFSET)/.test(line) && !line.includes("VCALENDAR"))
        .filter((line) => !/^(BEGIN|END):VEVENT|^DTSTART;/.test(line));

    expect(vtimezone("Europe/London", "2026-07-01T17:00:00Z")).toEqual([
      "BEGIN:VTIMEZONE",
      "BEGIN:DAYLIGHT",
      "DTSTART:20250330T010000",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
      "TZOFFSETFROM:+0000",
      "TZOFFSETTO:+0100",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "DTSTART:20251026T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0000",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
    expect(vtimezone("America/New_York", "2026-03-02T17:00:00Z")).toEqual(
      expect.arrayContaining(["RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"]),
    );
    expect(vtimezone("Asia/Kolkata", "2026-03-02T17:00:00Z")).toEqual([
      "BEGIN:VTIMEZONE",
      "BEGIN:STANDARD",
      "DTSTART:20250101T000000",
      "TZOFFSETFROM:+0530",
      "TZOFFSETTO:+0530",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
  });

  it("gets the hours around DST changes right", () => {
    const instants = [
      // New York springs forward at 2026-03-08 07:00Z (02:00 EST → 03:00 EDT).
      ["America/New_York", "2026-03-08T06:30:00Z"],
      ["America/New_York", "2026-03-08T07:00:00Z"],
      // London falls back at 2026-10-25 01:00Z; 01:00–02:00 local happens twice.
      ["Europe/London", "2026-10-25T00:00:00Z"],
      ["Europe/London", "2026-10-25T00:30:00Z"],
      ["Europe/London", "2026-10-25T01:30:00Z"],
      ["Europe/London", "2026-10-25T02:00:00Z"],
      // Adelaide falls back on 2026-04-05 at 03:00 local daylight time (16:30Z the day before).
      ["Australia/Adelaide", "2026-04-04T16:00:00Z"],
      ["Australia/Adelaide", "2026-04-04T16:45:00Z"],
      ["Australia/Adelaide", "2026-04-04T17:30:00Z"],
      // First and last hours of a year.
      ["Pacific/Kiritimati", "2025-12-31T10:00:00Z"],
      ["America/Los_Angeles", "2027-01-01T07:30:00Z"],
    ] as const;
    for (const [zone, iso] of instants) {
      const startsAt = new Date(iso);
      const { start, end } = parse(buildIcs(event({ timeZone: zone, startsAt, durationMinutes: 90 })));
      expect(utcMs(start), `${zone} ${iso}`).toBe(startsAt.getTime());
      expect(utcMs(end), `${zone} ${iso}`).toBe(startsAt.getTime() + 90 * 60_000);
    }
  });

  it("writes a repeated local hour in UTC form, the only unambiguous one", () => {
    // 01:30 BST and 01:30 GMT on 25 Oct 2026 share a wall-clock time.
    const first = contentLines(buildIcs(event({ startsAt: new Date("2026-10-25T00:30:00Z") })));
    const second = contentLines(buildIcs(event({ startsAt: new Date("2026-10-25T01:30:00Z") })));
    expect(first).toContain("DTSTART:20261025T003000Z");
    expect(first).toContain("DTEND:20261025T012000Z");
    expect(second).toContain("DTSTART:20261025T013000Z");
    // Ends at 02:20 GMT, which happens once.
    expect(second).toContain("DTEND;TZID=Europe/London:20261025T022000");
    // Outside that hour the local form is used.
    const after = contentLines(buildIcs(event({ startsAt: new Date("2026-10-25T02:00:00Z") })));
    expect(after).toContain("DTSTART;TZID=Europe/London:20261025T020000");
  });

  it("lists the transitions one by one when a zone's year fits no yearly rule", () => {
    // Caracas moved from -04:30 to -04:00 once, on 1 May 2016 at 02:30 local.
    for (const iso of ["2016-04-30T12:00:00Z", "2016-05-01T06:30:00Z", "2016-05-01T07:00:00Z", "2016-06-01T12:00:00Z"]) {
      const startsAt = new Date(iso);
      const ics = buildIcs(event({ timeZone: "America/Caracas", startsAt }));
      expect(ics).not.toContain("RRULE");
      expect(contentLines(ics)).toEqual(expect.arrayContaining(["DTSTART:20160501T023000", "TZOFFSETFROM:-0430"]));
      expect(utcMs(parse(ics).start), iso).toBe(startsAt.getTime());
    }
  });

  it("is right in every zone the runtime knows", () => {
    const instants = ["2026-01-01T00:00:00Z", "2026-04-01T12:00:00Z", "2026-07-15T12:00:00Z", "2026-10-31T23:30:00Z"];
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      for (const iso of instants) {
        const startsAt = new Date(iso);
        const { start, end } = parse(buildIcs(event({ timeZone: zone, startsAt })));
        expect(utcMs(start), `${zone} ${iso}`).toBe(startsAt.getTime());
        expect(utcMs(end), `${zone} ${iso}`).toBe(startsAt.getTime() + 50 * 60_000);
      }
    }
  });

  it("puts DTSTAMP in UTC and drops milliseconds", () => {
    const lines = contentLines(
      buildIcs(event({ stampedAt: new Date("2026-05-20T09:15:30.999Z"), startsAt: new Date("2026-07-01T17:00:00.500Z") })),
    );
    expect(lines).toContain("DTSTAMP:20260520T091530Z");
    expect(lines).toContain("DTSTART;TZID=Europe/London:20260701T180000");
  });

  it("fixes the case of a zone name", () => {
    expect(contentLines(buildIcs(event({ timeZone: "europe/london" })))).toContain("TZID:Europe/London");
  });
});

describe("buildIcs: server time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("produces the same file whatever zone the process runs in", () => {
    const events = [
      event(),
      event({ timeZone: "Asia/Kolkata" }),
      event({ timeZone: "Australia/Adelaide", startsAt: new Date("2026-04-04T16:45:00Z") }),
    ];
    // Node applies a changed TZ to Date and Intl at once.
    process.env.TZ = "UTC";
    const inUtc = events.map(buildIcs);
    process.env.TZ = "Pacific/Kiritimati";
    expect(new Date("2026-01-01T00:00:00Z").getTimezoneOffset()).toBe(-14 * 60);
    expect(events.map(buildIcs)).toEqual(inUtc);
    process.env.TZ = "America/St_Johns";
    expect(events.map(buildIcs)).toEqual(inUtc);
  });
});

describe("buildIcs: structure", () => {
  const full = event({
    description: "Please arrive 5 minutes early.",
    location: "Room 4",
    url: "https://alliance.example/sessions/123",
  });

  it("has the calendar and event properties RFC 5545 requires, in well-formed content lines", () => {
    const lines = contentLines(buildIcs(full));
    expect(lines.slice(0, 5)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Alliance//Sessions//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]);
    expect(lines.at(-1)).toBe("END:VCALENDAR");

    // name *(";" param "=" value) ":" value, with no control characters anywhere.
    for (const line of lines) {
      expect(line).toMatch(/^[A-Z][A-Z0-9-]*(;[A-Z][A-Z0-9-]*=[^";:,\x00-\x1f]+)*:[^\x00-\x08\x0a-\x1f\x7f]*$/);
    }

    // Components nest properly.
    const stack: string[] = [];
    for (const line of lines) {
      if (line.startsWith("BEGIN:")) stack.push(line.slice(6));
      if (line.startsWith("END:")) expect(stack.pop()).toBe(line.slice(4));
    }
    expect(stack).toEqual([]);

    const eventLines = lines.slice(lines.indexOf("BEGIN:VEVENT"), lines.indexOf("END:VEVENT"));
    const once = (name: string) => expect(eventLines.filter((l) => l.split(/[;:]/)[0] === name), name).toHaveLength(1);
    for (const name of ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "STATUS", "SEQUENCE"]) {
      once(name);
    }
    expect(eventLines).toContain("UID:session-123@alliance");
    expect(eventLines).toContain("URL:https://alliance.example/sessions/123");
    expect(lines.filter((l) => l === "BEGIN:VTIMEZONE")).toHaveLength(1);
  });

  it("leaves out the optional properties it is not given", () => {
    const lines = contentLines(buildIcs(event({ description: "" })));
    for (const name of ["DESCRIPTION", "LOCATION", "URL"]) {
      expect(lines.some((l) => l.startsWith(`${name}:`))).toBe(false);
    }
  });

  it("ends every line, the last included, with CRLF and never uses a bare CR or LF", () => {
    const ics = buildIcs(full);
    expect(ics.endsWith("\r\n")).toBe(true);
    for (const line of physicalLines(ics)) {
      expect(line).not.toMatch(/[\r\n]/);
    }
  });

  it("marks a cancellation and its sequence number", () => {
    const ics = buildIcs(event({ status: "CANCELLED", sequence: 3 }));
    const lines = contentLines(ics);
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain("SEQUENCE:3");
    const { vevent } = parse(ics);
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(3);
    expect(new ICAL.Event(vevent).sequence).toBe(3);
  });
});

describe("buildIcs: text", () => {
  it("escapes backslash, semicolon, comma and newlines so they round-trip", () => {
    const description = "Bring: notes; a pen, water\\tea\nLine two\r\nLine three\rEnd";
    const location = "Room 4; Floor 2, Wing \\B";
    const summary = "Session, part 1; intro";
    const ics = buildIcs(event({ description, location, summary }));
    const lines = contentLines(ics);
    expect(lines).toContain("DESCRIPTION:Bring: notes\\; a pen\\, water\\\\tea\\nLine two\\nLine three\\nEnd");
    expect(lines).toContain("LOCATION:Room 4\\; Floor 2\\, Wing \\\\B");

    const { vevent } = parse(ics);
    expect(vevent.getFirstPropertyValue("description")).toBe("Bring: notes; a pen, water\\tea\nLine two\nLine three\nEnd");
    expect(vevent.getFirstPropertyValue("location")).toBe(location);
    expect(vevent.getFirstPropertyValue("summary")).toBe(summary);
  });

  it("does not escape a URL, which is a URI rather than TEXT", () => {
    const url = "https://alliance.example/sessions/123?tab=notes,files;x=1";
    const ics = buildIcs(event({ url }));
    expect(contentLines(ics)).toContain(`URL:${url}`);
    expect(parse(ics).vevent.getFirstPropertyValue("url")).toBe(url);
  });

  it("drops control characters TEXT does not allow and repairs lone surrogates", () => {
    const ics = buildIcs(event({ summary: "A\u0000B\u0007C\tD\u007fE \ud83d F" }));
    expect(contentLines(ics)).toContain("SUMMARY:ABC\tDE \ufffd F");
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    // "SUMMARY:" (8 octets) + 65 × "a" = 73 octets; the 4-octet emoji would pass 75.
    const summary = `${"a".repeat(65)}😀 Séance de thérapie avec Dr. Ana Okafor — 心理療法 🌿🌿🌿 ${"é".repeat(80)}`;
    const description = "ü".repeat(200);
    const ics = buildIcs(event({ summary, description }));

    const lines = physicalLines(ics);
    const summaryAt = lines.findIndex((line) => line.startsWith("SUMMARY:"));
    expect(octets(lines[summaryAt])).toBe(73);
    expect(lines[summaryAt + 1].startsWith(" 😀")).toBe(true);

    let folded = 0;
    for (const line of lines) {
      expect(octets(line), line).toBeLessThanOrEqual(75);
      if (line.startsWith(" ")) folded++;
    }
    expect(folded).toBeGreaterThan(4);

    // At the byte level: each physical line on its own is valid UTF-8.
    const bytes = new TextEncoder().encode(ics);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let lineStart = 0;
    for (let i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        expect(() => decoder.decode(bytes.subarray(lineStart, i))).not.toThrow();
        lineStart = i + 2;
      }
    }
    expect(lineStart).toBe(bytes.length);

    const { vevent } = parse(ics);
    expect(vevent.getFirstPropertyValue("summary")).toBe(summary);
    expect(vevent.getFirstPropertyValue("description")).toBe(description);
  });
});

describe("buildIcs: invalid input", () => {
  const invalid: [string, Partial<TIcsEvent>][] = [
    ["unknown zone", { timeZone: "Mars/Olympus_Mons" }],
    ["empty zone", { timeZone: "" }],
    ["offset instead of a zone", { timeZone: "+05:30" }],
    ["zone with a parameter delimiter", { timeZone: "Europe/London;X=1" }],
    ["duration too short", { durationMinutes: 9 }],
    ["duration too long", { durationMinutes: 481 }],
    ["fractional duration", { durationMinutes: 50.5 }],
    ["NaN duration", { durationMinutes: Number.NaN }],
    ["invalid start", { startsAt: new Date("not a date") }],
    ["invalid stamp", { stampedAt: new Date(Number.NaN) }],
    ["start far in the past", { startsAt: new Date("1800-01-01T00:00:00Z") }],
    ["start far in the future", { startsAt: new Date("+010000-01-01T00:00:00Z") }],
    ["negative sequence", { sequence: -1 }],
    ["fractional sequence", { sequence: 1.5 }],
    ["sequence beyond a 32-bit integer", { sequence: 2 ** 31 }],
    ["empty summary", { summary: "  " }],
    ["empty uid", { uid: "" }],
    ["unknown status", { status: "TENTATIVE" as TIcsEvent["status"] }],
    ["relative url", { url: "/sessions/123" }],
    ["script url", { url: "javascript:alert(1)" }],
  ];

  it.each(invalid)("rejects %s with a RangeError", (_, overrides) => {
    expect(() => buildIcs(event(overrides))).toThrow(RangeError);
  });
});
