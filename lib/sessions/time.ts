// Converting a wall-clock time in an IANA zone to a UTC instant, with Intl
// only. Sessions are scheduled in the scheduler's zone and stored in UTC.
import { dateTimeFormat } from "../format";

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at `instant`, in minutes (e.g. +60 for London in summer). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
  if (!match || !match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * The UTC instant of `day` at `time` on the wall clock of `timeZone`. A time
 * that doesn't exist (skipped by a clock change) resolves to the later side.
 */
export function zonedTimeToUtc(day: string, time: string, timeZone: string): Date {
  const dayMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dayMatch || !timeMatch) throw new RangeError("Use a date like 2026-12-01 and a time like 14:30.");
  const wall = Date.UTC(+dayMatch[1], +dayMatch[2] - 1, +dayMatch[3], +timeMatch[1], +timeMatch[2]);
  // Two passes settle the offset on either side of a clock change.
  let guess = wall - zoneOffsetMinutes(timeZone, new Date(wall)) * 60_000;
  guess = wall - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  return new Date(guess);
}

/** The wall-clock date and time of `instant` in `timeZone`, for prefilling forms. */
export function utcToZonedParts(instant: Date, timeZone: string): { day: string; time: string } {
  const parts = dateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "00";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}
