// Dates are stored in UTC and shown in each person's own time zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat, made once per locale and options: making one costs
 * far more than formatting with it (it was a tenth of a page's server time),
 * and pages format every date they show.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDateTime(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

export function formatDate(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(date);
}

/** A short day, e.g. "Sun 6 Dec", for lines that must stay on one line of a phone. */
export function formatShortDate(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone }).format(date);
}

/** A short day and time for notification titles, e.g. "Tue 3 Mar, 10:00", in the reader's zone. */
export function formatShortDateTime(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(date);
}

/** "noor@example.org" → "n•••@example.org": enough for a person to recognise their own address, not to learn someone else's. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}
