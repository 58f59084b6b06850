// The words of reminders: warm and plain, no guilt, no streaks, no clinical
// text. Times are in the reader's own zone.
import { addDays } from "../../lib/time/days";
import { localDay, wallClock } from "../../lib/time/zones";
import { dateTimeFormat } from "../../lib/format";

/** "today", "tomorrow" or "on Tue 3 Mar", relative to `now` on the reader's calendar. */
export function relativeDay(instant: Date, now: Date, timeZone: string): string {
  const day = localDay(instant, timeZone);
  const today = localDay(now, timeZone);
  if (day === today) return "today";
  if (day === addDays(today, 1)) return "tomorrow";
  const parts = dateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `on ${part("weekday")} ${part("day")} ${part("month")}`;
}

/** "Your session with Dr. Ames is tomorrow at 10:00". */
export function sessionReminderTitle(input: { therapistName: string; startsAt: Date; timeZone: string; now: Date }): string {
  const time = wallClock(input.startsAt, input.timeZone).time;
  return `Your session with ${input.therapistName} is ${relativeDay(input.startsAt, input.now, input.timeZone)} at ${time}`;
}

/** "10:00 (Asia/Tokyo time)" — the zone spelled out, since a phone may be elsewhere. */
export function zonedTime(instant: Date, timeZone: string): string {
  return `${wallClock(instant, timeZone).time} (${timeZone.replace(/_/g, " ")} time)`;
}
