import { formatDateTime } from "@/lib/format";

/** A moment in the reader's time zone, machine-readable too. */
export function DateTime({ at, timeZone }: { at: Date; timeZone: string }) {
  return <time dateTime={at.toISOString()}>{formatDateTime(at, timeZone)}</time>;
}
