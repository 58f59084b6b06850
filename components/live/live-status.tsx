import type { TLiveStatus } from "./use-live-topic";

const MESSAGES: Record<TLiveStatus, string> = {
  live: "Live: changes appear here as they happen",
  offline: "Connection lost. Reconnecting… Changes made meanwhile will appear when it's back.",
  connecting: "Connecting…",
};

// Offline is said in words and sits on a tinted background, so it does not
// depend on colour alone; the text meets AA on both backgrounds.
const TONES: Record<TLiveStatus, string> = {
  live: "text-ink-muted",
  offline: "rounded-md border border-line bg-notice-soft px-3 py-1.5 font-medium text-ink",
  connecting: "text-ink-muted",
};

/**
 * Polite: screen readers hear a change of state without being interrupted.
 * A line of its own (`w-full`), so "Connecting…" turning into the longer
 * "Live: …" does not wrap below its neighbours and push the page down (a
 * layout shift of 0.13 on the session page, issue 27).
 */
export function LiveStatus({ status }: { status: TLiveStatus }) {
  return (
    <p role="status" aria-live="polite" className={`w-full text-sm ${TONES[status]}`}>
      {MESSAGES[status]}
    </p>
  );
}
