// Calendar days, "YYYY-MM-DD": a day on someone's calendar, not an instant.
// Which day it is for someone is a question for lib/time/zones.ts; counting
// days needs no zone, because the calendar has no DST. Kept apart from the
// zone code so a page that only counts days (the homework panel) doesn't ship
// it. Pure and client-safe; all arithmetic runs on UTC calendar days, which
// never depend on the process time zone.

export type TLocalDate = string; // "YYYY-MM-DD"

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Adds whole days to a local date (month and year ends, leap years). */
export function addDays(day: TLocalDate, days: number): TLocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, not ${days}`);
  return fromEpochDay(toEpochDay(day) + days);
}

/** Days since 1970-01-01 on the calendar, validating the date on the way in. */
export function toEpochDay(day: TLocalDate): number {
  const match = typeof day === "string" ? LOCAL_DATE.exec(day) : null;
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(day)}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, doesn't map years 0–99 onto 1900–1999.
  utc.setUTCFullYear(year, month - 1, date);
  if (year < 1 || utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) {
    throw new RangeError(`Not a calendar date: ${day}`);
  }
  return utc.getTime() / DAY_MS;
}

/** The local date `epochDay` days after 1970-01-01. */
export function fromEpochDay(epochDay: number): TLocalDate {
  const utc = new Date(epochDay * DAY_MS);
  const year = utc.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) throw new RangeError(`Date out of range: day ${epochDay}`);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
}
