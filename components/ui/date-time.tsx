import { formatDateTime } from "@/lib/format";

/** A moment in the reader's time zone, machine-readable too. */
export function DateTime({ at, timeZone, className }: { at: Date; timeZone: string; className?: string }) {
  return (
    <time dateTime={at.toISOString()} className={className}>
      {formatDateTime(at, timeZone)}
    </time>
  );
}
