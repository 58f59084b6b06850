// Quiet hours and reminder times on a person's own wall clock. Pure and
// client-safe: the worker decides with these, and a settings page can
// explain with the same rules.
//
// Invariants:
// - Times are "HH:MM" wall-clock times in the person's IANA zone. Quiet hours
//   run from `quietFrom` (inclusive) to `quietUntil` (exclusive) and may wrap
//   midnight ("21:00"–"08:00"). Equal or missing ends mean no quiet hours.
// - DST: an instant is judged by the wall clock it shows; a wall time that a
//   clock change skips resolves to the later side (lib/time/zones.ts).
import { addDays } from "../time/days";
import { wallClock, wallClockToInstant } from "../time/zones";

export type TQuietHours = { quietFrom: string | null; quietUntil: string | null };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

function hasQuietHours(quiet: TQuietHours): quiet is { quietFrom: string; quietUntil: string } {
  return (
    quiet.quietFrom !== null &&
    quiet.quietUntil !== null &&
    HH_MM.test(quiet.quietFrom) &&
    HH_MM.test(quiet.quietUntil) &&
    quiet.quietFrom !== quiet.quietUntil
  );
}

/** Whether a wall-clock "HH:MM" lies in the quiet span (strings compare as times do). */
export function isQuietTime(time: string, quiet: TQuietHours): boolean {
  if (!hasQuietHours(quiet)) return false;
  const { quietFrom: from, quietUntil: until } = quiet;
  return from < until ? time >= from && time < until : time >= from || time < until;
}

export function isQuietAt(instant: Date, quiet: TQuietHours, timeZone: string): boolean {
  return isQuietTime(wallClock(instant, timeZone).time, quiet);
}

/**
 * `instant` itself when it is outside quiet hours, otherwise the moment the
 * quiet hours containing it end (on the person's wall clock, so across a DST
 * change too). Never earlier than `instant`.
 */
export function nextAllowedInstant(instant: Date, quiet: TQuietHours, timeZone: string): Date {
  if (!hasQuietHours(quiet)) return instant;
  const local = wallClock(instant, timeZone);
  if (!isQuietTime(local.time, quiet)) return instant;
  // After `from` on a wrapping span, the quiet hours end tomorrow morning.
  const endsTomorrow = quiet.quietFrom > quiet.quietUntil && local.time >= quiet.quietFrom;
  const end = wallClockToInstant(endsTomorrow ? addDays(local.day, 1) : local.day, quiet.quietUntil, timeZone);
  return end.getTime() > instant.getTime() ? end : instant;
}

/**
 * A once-a-day reminder at wall time `at` on the person's current local day:
 * due once that time has passed, and only while it isn't quiet; a reminder
 * held back by quiet hours past the end of its day is not sent (tomorrow
 * brings its own). Returns the local day it belongs to, or null if not due.
 */
export function dailyReminderDue(
  now: Date,
  at: string,
  quiet: TQuietHours,
  timeZone: string,
): { localDate: string } | null {
  const local = wallClock(now, timeZone);
  if (!HH_MM.test(at)) return null;
  if (now.getTime() < wallClockToInstant(local.day, at, timeZone).getTime()) return null;
  if (isQuietTime(local.time, quiet)) return null;
  return { localDate: local.day };
}

/**
 * The session reminder: due from 24 hours before the start, held back by
 * quiet hours, and never once the session has started.
 */
export function sessionReminderDue(now: Date, startsAt: Date, quiet: TQuietHours, timeZone: string): boolean {
  const from = startsAt.getTime() - 24 * 3_600_000;
  if (now.getTime() < from || now.getTime() >= startsAt.getTime()) return false;
  return !isQuietAt(now, quiet, timeZone);
}
