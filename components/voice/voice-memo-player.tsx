// One voice memo, for its owner or the person it was shared with: "Voice
// memo · 1:05 · 6 Dec", the note if there is one, and the browser's own
// player. Nothing plays or downloads by itself (preload="none"): the audio is
// fetched from GET /api/voice-memos/<id>, which checks access and streams it
// with Range, only when the person presses play.
//
// Kept tiny and free of hooks so it can render on the server and add next to
// nothing to a page's script (README, "Performance").

import { dateTimeFormat, formatDateTime } from "@/lib/format";
import { formatMemoLength } from "@/lib/voice/limits";

export type TVoiceMemoForPlayer = { id: string; durationMs: number; createdAt: Date | string; note?: string | null };

export function voiceMemoPath(id: string): string {
  return `/api/voice-memos/${encodeURIComponent(id)}`;
}

/** "6 Dec" in the reader's zone. */
function shortDay(at: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone }).format(at);
}

/**
 * `timeZone` is the reader's; without it dates are shown in UTC rather than
 * in whatever zone the server or the browser happens to be in, so the
 * server's HTML and the browser's render agree.
 */
export function VoiceMemoPlayer({ memo, timeZone = "UTC" }: { memo: TVoiceMemoForPlayer; timeZone?: string }) {
  const createdAt = new Date(memo.createdAt);
  const length = formatMemoLength(memo.durationMs / 1000);
  const day = shortDay(createdAt, timeZone);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="flex flex-col gap-1">
        <span className="text-sm text-ink-muted">
          Voice memo · {length} ·{" "}
          <time dateTime={createdAt.toISOString()} title={formatDateTime(createdAt, timeZone)}>
            {day}
          </time>
        </span>
        {memo.note ? <span className="whitespace-pre-line">{memo.note}</span> : null}
      </figcaption>
      <audio controls preload="none" src={voiceMemoPath(memo.id)} aria-label={`Voice memo, ${length}, ${day}`} className="w-full" />
    </figure>
  );
}
