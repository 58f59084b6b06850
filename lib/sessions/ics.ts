// Calendar files (.ics, RFC 5545) for therapy sessions. Pure and client-safe: no
// Node-only APIs, no React, no server imports, no date library. What a zone's
// offsets are comes from lib/time/zones.ts; this file only writes them down.
//
// A session is stored as a UTC instant, but the person downloading it should see it in
// their own zone, so the event is written as DTSTART;TZID=<zone> with a VTIMEZONE that
// defines that zone. RFC 5545 requires a VTIMEZONE for every TZID used, and some
// calendars (Apple Calendar, Outlook) trust it over their own zone data, so it must be
// right for the event's date. It is derived from Intl's offsets around the event's
// local year, so it matches what formatDateTime shows on the site.
import { requireTimeZone, zoneOffsetSeconds, zoneTransitions, type TZoneTransition } from "../time/zones";

export type TIcsEvent = {
  uid: string; // stable per session, e.g. `${sessionId}@alliance`
  startsAt: Date; // UTC instant
  durationMinutes: number; // 10..480
  timeZone: string; // IANA zone of the person downloading
  summary: string; // e.g. "Therapy session with Dr. Ana Okafor"
  description?: string; // plain text; NO clinical content is ever passed here
  location?: string; // room or video link
  url?: string; // link back to the session page
  status: "CONFIRMED" | "CANCELLED";
  sequence: number; // bump on reschedule/cancel so calendars update the event
  stampedAt: Date; // DTSTAMP
};

export const MIN_DURATION_MINUTES = 10;
export const MAX_DURATION_MINUTES = 480;

const PRODID = "-//Alliance//Sessions//EN";
const CRLF = "\r\n";
// RFC 5545 §3.1: content lines SHOULD NOT exceed 75 octets, excluding the line break.
const MAX_LINE_OCTETS = 75;
// SEQUENCE is an INTEGER, which RFC 5545 §3.3.8 limits to a signed 32-bit value.
const MAX_SEQUENCE = 2_147_483_647;
const SECOND_MS = 1000;
const DAY_MS = 86_400_000;
// Keeps every year we write four digits wide (RFC 5545 dates are YYYY) with room for
// the year before and after that the time zone scan looks at.
const MIN_INSTANT = Date.UTC(1900, 0, 1);
const MAX_INSTANT = Date.UTC(9999, 0, 1);
const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

type TObservance = { kind: "STANDARD" | "DAYLIGHT"; start: string; from: number; to: number; rrule?: string };
// A yearly "nth (or last) weekday of a month at a local time" rule, the shape of
// every DST rule in use today.
type TYearlyRule = { month: number; weekday: number; week: number; secondOfDay: number; from: number; to: number };

export type TCalendarSession = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  status: string;
  location: string | null;
  videoUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * One session as its reader's calendar event, the same wherever it is served
 * (the download, the reminder's attachment): same uid, and a sequence that
 * grows with every change, so calendars keep the newest.
 */
export function sessionIcs(
  session: TCalendarSession,
  reader: { timeZone: string; otherName: string },
  links: { sessionUrl: string; stampedAt: Date },
): string {
  return buildIcs({
    uid: `${session.id}@alliance`,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    timeZone: reader.timeZone,
    summary: `Therapy session with ${reader.otherName}`,
    location: session.videoUrl || session.location || undefined,
    url: links.sessionUrl,
    status: session.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence: Math.max(0, Math.floor((session.updatedAt.getTime() - session.createdAt.getTime()) / 1000)),
    stampedAt: links.stampedAt,
  });
}

/** The session as an iCalendar file (text with CRLF line ends), ready to serve as text/calendar. */
export function buildIcs(event: TIcsEvent): string {
  // A checked IANA name also keeps TZID a valid parameter value, which may not
  // contain `"`, `;`, `:` or `,` unquoted (RFC 5545 §3.1).
  const tzid = requireTimeZone(event.timeZone);
  const offsetAt = (instant: number): number => zoneOffsetSeconds(instant, tzid);
  const start = requireInstant("startsAt", event.startsAt);
  const stamp = requireInstant("stampedAt", event.stampedAt);
  requireWholeNumber("durationMinutes", event.durationMinutes, MIN_DURATION_MINUTES, MAX_DURATION_MINUTES);
  requireWholeNumber("sequence", event.sequence, 0, MAX_SEQUENCE);
  if (event.status !== "CONFIRMED" && event.status !== "CANCELLED") {
    throw new RangeError(`status must be CONFIRMED or CANCELLED, not ${JSON.stringify(event.status)}`);
  }
  const uid = requireText("uid", event.uid);
  const summary = requireText("summary", event.summary);
  const description = optionalText("description", event.description);
  const location = optionalText("location", event.location);
  const url = event.url === undefined || event.url === "" ? null : requireHttpUrl(event.url);
  const end = start + event.durationMinutes * 60_000;

  // Scan the whole local year of the start, plus a margin that also covers the end
  // (at most 8 hours later, so at most early on 1 January of the next year).
  const year = new Date(start + offsetAt(start) * SECOND_MS).getUTCFullYear();
  const scanFrom = Date.UTC(year, 0, 1) - 2 * DAY_MS;
  const scanTo = Date.UTC(year + 1, 0, 1) + 2 * DAY_MS;
  const initialOffset = offsetAt(scanFrom);
  const transitions = zoneTransitions(tzid, scanFrom, scanTo);
  const observances =
    yearlyObservances(transitions, year, scanFrom, scanTo) ?? listedObservances(transitions, year, initialOffset);

  const dateTime = (name: string, instant: number): string => {
    // In the hour a clock falls back, a local time happens twice and RFC 5545 reads it
    // as the first; UTC form is the only way to name either one without doubt.
    if (isAmbiguous(instant + offsetAt(instant) * SECOND_MS, transitions)) return `${name}:${utcStamp(instant)}`;
    return `${name};TZID=${tzid}:${localStamp(instant + offsetAt(instant) * SECOND_MS)}`;
  };

  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VTIMEZONE",
    `TZID:${tzid}`,
    ...observances.flatMap(observanceLines),
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    dateTime("DTSTART", start),
    dateTime("DTEND", end),
    `SUMMARY:${escapeText(summary)}`,
    ...(description === null ? [] : [`DESCRIPTION:${escapeText(description)}`]),
    ...(location === null ? [] : [`LOCATION:${escapeText(location)}`]),
    // A URI value is not TEXT: it is written as is, and URL#href has no characters that need escaping.
    ...(url === null ? [] : [`URL:${url}`]),
    `STATUS:${event.status}`,
    `SEQUENCE:${event.sequence}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("");
}

// A DST zone as STANDARD and DAYLIGHT with yearly RRULEs, the form calendars themselves
// publish and so the one they handle best. Only used when the rules reproduce exactly
// the transitions found around the event, otherwise null.
function yearlyObservances(transitions: TZoneTransition[], year: number, from: number, to: number): TObservance[] | null {
  if (transitions.length !== 2) return null;
  const [first, second] = transitions;
  if (first.to !== second.from || second.to !== first.from) return null;
  const rules = transitions.map(yearlyRule);
  // Each rule starts in the year before, so the event's whole year is covered by onsets
  // of these rules alone; those onsets must all fall before the scanned span, the later
  // one being the second rule (which sets the offset the year starts with).
  const starts = rules.map((rule) => onset(rule, year - 1));
  if (starts.some((start) => start >= from) || starts[0] >= starts[1]) return null;
  const onsets = [year, year + 1].flatMap((y) => rules.map((rule, index) => ({ at: onset(rule, y), index })));
  const inside = onsets.filter((o) => o.at >= from && o.at <= to).sort((a, b) => a.at - b.at);
  if (inside.length !== 2 || inside.some((o, i) => o.index !== i || o.at !== transitions[i].at)) return null;
  return rules.map((rule, index) => ({
    kind: rule.to > rule.from ? "DAYLIGHT" : "STANDARD",
    start: localStamp(starts[index] + rule.from * SECOND_MS),
    from: rule.from,
    to: rule.to,
    rrule: `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.week}${WEEKDAYS[rule.weekday]}`,
  }));
}

// Fallback that is right for any zone: the offset at the start of the scan, then each
// transition as its own one-off observance.
function listedObservances(transitions: TZoneTransition[], year: number, initialOffset: number): TObservance[] {
  const standard = Math.min(initialOffset, ...transitions.map((t) => t.to));
  const kind = (offset: number): TObservance["kind"] => (offset === standard ? "STANDARD" : "DAYLIGHT");
  return [
    // Starts well before the scanned span so no time the event can use precedes it.
    { kind: kind(initialOffset), start: localStamp(Date.UTC(year - 1, 0, 1)), from: initialOffset, to: initialOffset },
    ...transitions.map((t) => ({
      kind: kind(t.to),
      // An observance's DTSTART is in local time as it was before the change (RFC 5545 §3.6.5).
      start: localStamp(t.at + t.from * SECOND_MS),
      from: t.from,
      to: t.to,
    })),
  ];
}

function yearlyRule(transition: TZoneTransition): TYearlyRule {
  const local = new Date(transition.at + transition.from * SECOND_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const lastDay = daysInMonth(year, month);
  return {
    month,
    weekday: local.getUTCDay(),
    // "Last Sunday" rather than "4th Sunday" when both fit, as most DST rules are written.
    week: day > lastDay - 7 ? -1 : Math.ceil(day / 7),
    secondOfDay: (local.getTime() - Date.UTC(year, month - 1, day)) / SECOND_MS,
    from: transition.from,
    to: transition.to,
  };
}

// The UTC instant a rule fires in `year`.
function onset(rule: TYearlyRule, year: number): number {
  let day: number;
  if (rule.week > 0) {
    const firstWeekday = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay();
    day = 1 + ((rule.weekday - firstWeekday + 7) % 7) + 7 * (rule.week - 1);
  } else {
    const lastDay = daysInMonth(year, rule.month);
    const lastWeekday = new Date(Date.UTC(year, rule.month - 1, lastDay)).getUTCDay();
    day = lastDay - ((lastWeekday - rule.weekday + 7) % 7);
  }
  return Date.UTC(year, rule.month - 1, day) + (rule.secondOfDay - rule.from) * SECOND_MS;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Whether a local time (as UTC-based ms) falls in an hour that a clock repeats.
function isAmbiguous(local: number, transitions: TZoneTransition[]): boolean {
  return transitions.some(
    (t) => t.to < t.from && local >= t.at + t.to * SECOND_MS && local < t.at + t.from * SECOND_MS,
  );
}

function observanceLines(o: TObservance): string[] {
  return [
    `BEGIN:${o.kind}`,
    `DTSTART:${o.start}`,
    ...(o.rrule ? [`RRULE:${o.rrule}`] : []),
    `TZOFFSETFROM:${utcOffset(o.from)}`,
    `TZOFFSETTO:${utcOffset(o.to)}`,
    `END:${o.kind}`,
  ];
}

// RFC 5545 §3.3.14: ±HHMM[SS]; zero is "+0000" because "-0000" is not allowed.
function utcOffset(seconds: number): string {
  const sign = seconds < 0 ? "-" : "+";
  const abs = Math.abs(seconds);
  const ss = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}${ss ? pad(ss) : ""}`;
}

// A wall-clock time kept as a UTC-based ms value, as YYYYMMDDTHHMMSS.
function localStamp(local: number): string {
  const d = new Date(local);
  return (
    `${String(d.getUTCFullYear()).padStart(4, "0")}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

function utcStamp(instant: number): string {
  return `${localStamp(instant)}Z`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

// RFC 5545 §3.3.11: backslash, semicolon and comma are escaped and line breaks become
// `\n`. Other control characters (TAB apart) are not allowed in TEXT, so they are
// dropped, and lone surrogates, which have no UTF-8 form, become U+FFFD.
function escapeText(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x5c) out += "\\\\";
    else if (code === 0x3b) out += "\\;";
    else if (code === 0x2c) out += "\\,";
    else if (code === 0x0a) out += "\\n";
    else if (code === 0x0d) {
      out += "\\n";
      if (value.charCodeAt(i + 1) === 0x0a) i++;
    } else if ((code < 0x20 && code !== 0x09) || code === 0x7f) continue;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i] + value[i + 1];
        i++;
      } else out += "\uFFFD";
    } else if (code >= 0xdc00 && code <= 0xdfff) out += "\uFFFD";
    else out += value[i];
  }
  return out;
}

// RFC 5545 §3.1: long lines are split with CRLF and one space, counting UTF-8 octets
// and never inside a character; the continuation's leading space counts toward its 75.
function fold(line: string): string {
  let out = "";
  let octets = 0;
  for (const char of line) {
    const codePoint = char.codePointAt(0) ?? 0;
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (octets + size > MAX_LINE_OCTETS) {
      out += `${CRLF} `;
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out + CRLF;
}

function requireInstant(name: string, value: Date): number {
  const time = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError(`${name} must be a valid Date`);
  if (time < MIN_INSTANT || time >= MAX_INSTANT) {
    throw new RangeError(`${name} must lie between the years 1900 and 9998, not ${value.toISOString()}`);
  }
  // iCalendar times have whole seconds.
  return Math.floor(time / SECOND_MS) * SECOND_MS;
}

function requireText(name: string, value: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new RangeError(`${name} must be a non-empty string`);
  return value;
}

function optionalText(name: string, value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  if (typeof value !== "string") throw new RangeError(`${name} must be a string`);
  return value;
}

function requireHttpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`url must be an absolute URL, not ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new RangeError(`url must be http(s), not ${JSON.stringify(url.protocol)}`);
  }
  return url.href;
}

function requireWholeNumber(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
  }
}
