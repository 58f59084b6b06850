// Time zones: the one place that turns instants into wall clocks and back.
// Pure and client-safe: Intl only, no date library, and nothing here reads the
// process time zone (a Date is only ever read with its UTC getters).
//
// Invariants:
// - An instant is a Date (or UTC milliseconds). A local day is "YYYY-MM-DD" (./days.ts)
//   and a wall time "HH:MM" (24-hour) on the clock of an IANA zone; they are
//   strings because which day an instant falls on depends on where you stand.
// - Offsets are whole seconds east of UTC. Zones in use today have whole
//   minutes (Asia/Kathmandu +05:45, Australia/Lord_Howe +10:30/+11:00); the
//   seconds are historic local mean times (Africa/Monrovia −00:44:30 until 1972).
// - A wall clock is the instant plus its offset, so wall clock and offset
//   can never disagree.
// - Wall clock → instant makes the choice Temporal calls "compatible": a time
//   a clock change skips is read with the offset from before the change, so
//   it lands later by the size of the gap (01:30 on London's spring-forward
//   day is 02:30 BST); a time that happens twice is the first of the two, as
//   RFC 5545 reads it.
// - One Intl.DateTimeFormat per zone, made once: making one costs far more
//   than formatting with it, and a page may ask for many people's days. The
//   cache is keyed by the lower-cased name (Intl matches names
//   case-insensitively), so it holds at most one entry per real zone however
//   a name is spelled.
import { fromEpochDay, toEpochDay, type TLocalDate } from "./days";

export type TWallTime = string; // "HH:MM", 00:00–23:59
export type TWallClock = { day: TLocalDate; time: TWallTime; minuteOfDay: number };
/** An offset change: from `at` (UTC ms) on, the zone is `to` seconds east of UTC instead of `from`. */
export type TZoneTransition = { at: number; from: number; to: number };

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
// What an IANA name can contain. It also keeps out offsets such as "+05:30",
// which Postgres would read the POSIX way, with the sign reversed.
const ZONE_NAME = /^[A-Za-z0-9][A-Za-z0-9_+\-/]{0,63}$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
// The end of an en-US date formatted with timeZoneName "longOffset": "6/15/2026, GMT+01:00".
const OFFSET_NAME = /GMT(?:([+\-\u2212])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
// Offsets are sampled this often and each change is then bisected to the exact second.
// Assumes a zone never changes offset twice within six hours: two changes that close,
// cancelling out between samples, would go unseen.
const SCAN_STEP_MS = 6 * HOUR_MS;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(zone: string): Intl.DateTimeFormat {
  const key = typeof zone === "string" ? zone.toLowerCase() : "";
  const cached = offsetFormatters.get(key);
  if (cached) return cached;
  if (!ZONE_NAME.test(key)) throw new RangeError(`Not a time zone name: ${JSON.stringify(zone)}`);
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
  } catch {
    throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
  }
  offsetFormatters.set(key, formatter);
  return formatter;
}

// ---------------------------------------------------------------- zone names

/** Whether `zone` is an IANA zone name the runtime knows (any case). */
export function isValidTimeZone(zone: string): boolean {
  try {
    offsetFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * `zone` checked (RangeError if unknown) and spelled as Intl spells it
 * ("europe/london" → "Europe/London"). Only the case changes: ICU may resolve
 * a current name to an old alias (Asia/Kolkata → Asia/Calcutta) that some
 * calendars no longer list, so the caller's name is kept otherwise.
 */
export function requireTimeZone(zone: string): string {
  const resolved = offsetFormatter(zone).resolvedOptions().timeZone;
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}

export function listTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

// ---------------------------------------------------------------- offsets

/** The zone's offset from UTC at `instant`, in seconds (3600 for London in summer). */
export function zoneOffsetSeconds(instant: Date | number, zone: string): number {
  // format() rather than formatToParts(): about three times faster, and the
  // .ics writer's transition scan calls this over a thousand times per file.
  const text = offsetFormatter(zone).format(instant);
  const match = OFFSET_NAME.exec(text);
  // Fails loudly rather than giving a wrong offset if a runtime formats unexpectedly.
  if (!match) throw new Error(`Unexpected offset in ${JSON.stringify(text)} for ${zone}`);
  if (match[1] === undefined) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return match[1] === "+" ? seconds : -seconds;
}

/** Every offset change in [from, to] (UTC ms), each at the exact second the new offset starts. */
export function zoneTransitions(zone: string, from: number, to: number): TZoneTransition[] {
  const offsetAt = (instant: number) => zoneOffsetSeconds(instant, zone);
  const transitions: TZoneTransition[] = [];
  let before = from;
  let beforeOffset = offsetAt(from);
  while (before < to) {
    const after = Math.min(before + SCAN_STEP_MS, to);
    const afterOffset = offsetAt(after);
    if (afterOffset !== beforeOffset) {
      let low = before; // has the old offset
      let high = after; // has the new one
      while (high - low > SECOND_MS) {
        const middle = low + Math.floor((high - low) / 2 / SECOND_MS) * SECOND_MS;
        if (offsetAt(middle) === beforeOffset) low = middle;
        else high = middle;
      }
      transitions.push({ at: high, from: beforeOffset, to: offsetAt(high) });
    }
    before = after;
    beforeOffset = afterOffset;
  }
  return transitions;
}

// ---------------------------------------------------------------- instant → wall clock

/** The wall clock `instant` shows in `zone` (minutes truncated, as a clock shows them). */
export function wallClock(instant: Date, zone: string): TWallClock {
  const local = toLocalMs(instant.getTime(), zone);
  const minuteOfDay = Math.floor(mod(local, DAY_MS) / MINUTE_MS);
  return {
    day: fromEpochDay(Math.floor(local / DAY_MS)),
    time: `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`,
    minuteOfDay,
  };
}

/** The calendar day `instant` falls on in `zone`. */
export function localDay(instant: Date, zone: string): TLocalDate {
  return fromEpochDay(Math.floor(toLocalMs(instant.getTime(), zone) / DAY_MS));
}

// ---------------------------------------------------------------- wall clock → instant

/** The instant `zone`'s clock shows `time` on `day` (see the header for skipped and repeated times). */
export function wallClockToInstant(day: TLocalDate, time: TWallTime, zone: string): Date {
  const match = typeof time === "string" ? WALL_TIME.exec(time) : null;
  if (!match) throw new RangeError(`Use a time like 14:30, not ${JSON.stringify(time)}.`);
  const local = toEpochDay(day) * DAY_MS + Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS;
  return new Date(fromLocalMs(local, zone));
}

/**
 * The same wall-clock time `days` calendar days later (earlier if negative)
 * in `zone`: 09:00 stays 09:00 across a clock change, so the span is not
 * always a multiple of 24 hours.
 */
export function addLocalDays(instant: Date, days: number, zone: string): Date {
  requireWholeNumber("days", days);
  return new Date(fromLocalMs(toLocalMs(instant.getTime(), zone) + days * DAY_MS, zone));
}

// ---------------------------------------------------------------- helpers

// A wall clock kept as milliseconds on a UTC timeline ("local ms"): read it with UTC getters.
function toLocalMs(instant: number, zone: string): number {
  if (Number.isNaN(instant)) throw new RangeError("Invalid date");
  return instant + zoneOffsetSeconds(instant, zone) * SECOND_MS;
}

// The instant whose wall clock is `local`. The offsets a day either side are
// the only candidates, assuming no zone changes offset twice within two days.
function fromLocalMs(local: number, zone: string): number {
  const before = zoneOffsetSeconds(local - DAY_MS, zone) * SECOND_MS;
  const after = zoneOffsetSeconds(local + DAY_MS, zone) * SECOND_MS;
  const fits = [local - before, local - after].filter((instant) => toLocalMs(instant, zone) === local);
  // Both fit in a repeated hour (the first wins); none fits in a skipped one.
  return fits.length > 0 ? Math.min(...fits) : local - before;
}

function requireWholeNumber(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be a whole number, not ${value}`);
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
