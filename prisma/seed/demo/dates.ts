// The demo's one way to turn "when" into an instant. Every moment is relative
// to the instant the demo is seeded, so the practice always looks current, and
// a wall-clock time is read on the clock of the person it belongs to
// (lib/time/zones.ts): "three days ago at 18:30" for a client in New York is
// 18:30 in New York.
import { addDays, type TLocalDate } from "@/lib/time/days";
import { addLocalDays, localDay, wallClockToInstant, type TWallTime } from "@/lib/time/zones";

/**
 * A moment in a story:
 * - `{ daysAgo, at }` / `{ inDays, at }`: that wall-clock time, so many
 *   calendar days before or after the person's today;
 * - `{ daysAgo }` alone: so many days ago at the time of day it is now;
 * - `{ hoursAgo }`: elapsed time before now, whatever the clock says.
 */
export type TWhen = { daysAgo: number; at?: TWallTime } | { inDays: number; at: TWallTime } | { hoursAgo: number };

export type TSpan = { days?: number; hours?: number; minutes?: number };

const MINUTE_MS = 60_000;

export function instantOf(when: TWhen, timeZone: string, now: Date): Date {
  if ("hoursAgo" in when) return later(now, { hours: -when.hoursAgo });
  const days = "inDays" in when ? when.inDays : -when.daysAgo;
  if (when.at === undefined) return addLocalDays(now, days, timeZone);
  return wallClockToInstant(addDays(localDay(now, timeZone), days), when.at, timeZone);
}

/** `at` on the wall clock of `timeZone` on a given local day. */
export function onDay(day: TLocalDate, at: TWallTime, timeZone: string): Date {
  return wallClockToInstant(day, at, timeZone);
}

/** `span` of elapsed time after `instant` (before it, for negative values). */
export function later(instant: Date, { days = 0, hours = 0, minutes = 0 }: TSpan): Date {
  return new Date(instant.getTime() + ((days * 24 + hours) * 60 + minutes) * MINUTE_MS);
}

/**
 * A derived moment (three hours after a session, the evening of a due day)
 * can land after the instant the demo is seeded; such a moment is pulled back
 * to `margin` before now, since the story has it done already.
 */
export function notAfterNow(instant: Date, now: Date, margin: TSpan): Date {
  const latest = later(now, { days: -(margin.days ?? 0), hours: -(margin.hours ?? 0), minutes: -(margin.minutes ?? 0) });
  return instant.getTime() > latest.getTime() ? latest : instant;
}

export function wallTime(hour: number, minute = 0): TWallTime {
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
