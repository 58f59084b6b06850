// Homework schedules and their occurrences. Pure and client-safe: no React, no server imports.
//
// A homework day is a calendar day in the client's time zone, so it is kept as a
// "YYYY-MM-DD" string rather than a Date: a Date is an instant, and which day an
// instant falls on depends on where you stand (the client's today is
// localDay(now, zone) in lib/time/zones.ts). All arithmetic below runs on
// calendar days, which have no DST and so never depend on the process time zone.
import { fromEpochDay, toEpochDay, type TLocalDate } from "../time/days";

export type TScheduleInput =
  | { schedule: "once"; startsOn: TLocalDate; dueOn: TLocalDate }
  | { schedule: "daily"; startsOn: TLocalDate; days: number }
  | { schedule: "weekly"; startsOn: TLocalDate; weeks: number; timesPerWeek: number };
export type TOccurrenceDates = { opensOn: TLocalDate; dueOn: TLocalDate };
export type TCompletion = "done" | "partly_done" | "skipped";
export type TOccurrenceState = "upcoming" | "due" | "overdue" | "done" | "partly_done" | "skipped";

export const MAX_OCCURRENCES = 84;
export const MAX_DAYS = 60;
export const MAX_WEEKS = 12;
export const MAX_TIMES_PER_WEEK = 7;

const DAY_MS = 86_400_000;

/** The occurrences a schedule produces, in order. */
export function occurrencesFor(input: TScheduleInput): TOccurrenceDates[] {
  const start = toEpochDay(input.startsOn);
  let occurrences: TOccurrenceDates[];
  switch (input.schedule) {
    case "once": {
      const due = toEpochDay(input.dueOn);
      if (due < start) throw new RangeError(`dueOn ${input.dueOn} is before startsOn ${input.startsOn}`);
      occurrences = [{ opensOn: input.startsOn, dueOn: input.dueOn }];
      break;
    }
    case "daily": {
      requireWholeNumber("days", input.days, 1, MAX_DAYS);
      occurrences = Array.from({ length: input.days }, (_, k) => {
        const day = fromEpochDay(start + k);
        return { opensOn: day, dueOn: day };
      });
      break;
    }
    case "weekly": {
      requireWholeNumber("weeks", input.weeks, 1, MAX_WEEKS);
      requireWholeNumber("timesPerWeek", input.timesPerWeek, 1, MAX_TIMES_PER_WEEK);
      const sizes = windowSizes(input.timesPerWeek);
      occurrences = [];
      for (let week = 0; week < input.weeks; week++) {
        let opens = start + 7 * week;
        for (const size of sizes) {
          occurrences.push({ opensOn: fromEpochDay(opens), dueOn: fromEpochDay(opens + size - 1) });
          opens += size;
        }
      }
      break;
    }
    default:
      throw new RangeError(`Unknown schedule ${JSON.stringify((input as { schedule: unknown }).schedule)}`);
  }
  // Unreachable with today's limits (12 × 7 = 84); kept so raising a limit can't silently exceed it.
  if (occurrences.length > MAX_OCCURRENCES) {
    throw new RangeError(`A schedule can have at most ${MAX_OCCURRENCES} occurrences, not ${occurrences.length}`);
  }
  return occurrences;
}

// Splits a 7-day week into `times` consecutive windows; the earlier windows take
// the leftover days, so the client gets the longest windows first.
function windowSizes(times: number): number[] {
  const base = Math.floor(7 / times);
  const extra = 7 % times;
  return Array.from({ length: times }, (_, i) => base + (i < extra ? 1 : 0));
}

/** The last local day of the schedule (dueOn of the last occurrence). */
export function scheduleEndsOn(input: TScheduleInput): TLocalDate {
  const occurrences = occurrencesFor(input);
  return occurrences[occurrences.length - 1].dueOn;
}

/** Store a local date in a Postgres `date` column via Prisma: UTC midnight of that day. */
export function localDateToDb(day: TLocalDate): Date {
  return new Date(toEpochDay(day) * DAY_MS);
}

/** Read a Prisma `@db.Date` value back as a local date string. */
export function dbToLocalDate(value: Date): TLocalDate {
  const time = value.getTime();
  if (Number.isNaN(time)) throw new RangeError("Invalid date");
  // Prisma returns a date column as UTC midnight; flooring also tolerates a stray time of day.
  return fromEpochDay(Math.floor(time / DAY_MS));
}

/** What a client sees for one occurrence today. completion null = nothing recorded. */
export function occurrenceState(
  o: { opensOn: TLocalDate; dueOn: TLocalDate; completion: null | TCompletion },
  today: TLocalDate,
): TOccurrenceState {
  if (o.completion) return o.completion;
  // "YYYY-MM-DD" strings sort as their dates do.
  if (today < o.opensOn) return "upcoming";
  if (today > o.dueOn) return "overdue";
  return "due";
}

/**
 * "Done this period" figures: among occurrences whose dueOn lies in [from, to]
 * (inclusive), how many were done (done or partly_done) vs assigned. To count only
 * occurrences already due, pass `to` no later than the client's today.
 */
export function adherence(
  occurrences: { dueOn: TLocalDate; completion: null | TCompletion }[],
  range: { from: TLocalDate; to: TLocalDate },
): { done: number; assigned: number } {
  // Dates are compared as strings below, which is only sound for well-formed ones.
  toEpochDay(range.from);
  toEpochDay(range.to);
  let done = 0;
  let assigned = 0;
  for (const o of occurrences) {
    if (o.dueOn < range.from || o.dueOn > range.to) continue;
    assigned++;
    if (o.completion === "done" || o.completion === "partly_done") done++;
  }
  return { done, assigned };
}

const shortDay = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  // The Date stands for a calendar day at UTC midnight, so it must be read in UTC.
  timeZone: "UTC",
});

/** Human wording for a schedule, for the UI: "Once, due Fri 28 Nov", "Every day for 7 days", "3 times a week for 2 weeks". */
export function describeSchedule(input: TScheduleInput): string {
  occurrencesFor(input);
  switch (input.schedule) {
    case "once":
      return `Once, due ${formatShortDay(input.dueOn)}`;
    case "daily":
      return `Every day for ${count(input.days, "day")}`;
    case "weekly":
      return `${timesAWeek(input.timesPerWeek)} for ${count(input.weeks, "week")}`;
  }
}

// Built from parts so the wording stays "Fri 28 Nov" even where ICU versions punctuate en-GB differently.
function formatShortDay(day: TLocalDate): string {
  const parts = shortDay.formatToParts(localDateToDb(day));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")}`;
}

function timesAWeek(times: number): string {
  if (times === 1) return "Once a week";
  if (times === 2) return "Twice a week";
  return `${times} times a week`;
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

function requireWholeNumber(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
  }
}
