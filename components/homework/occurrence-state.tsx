import type { TOccurrenceState } from "@/lib/homework/schedule";

const LABELS: Record<TOccurrenceState, string> = {
  upcoming: "Coming up",
  due: "To do",
  overdue: "Still open",
  done: "Done",
  partly_done: "Partly done",
  skipped: "Didn't get to it",
};

const TONES: Record<TOccurrenceState, string> = {
  upcoming: "bg-canvas text-ink-muted",
  due: "bg-brand-soft text-brand-strong",
  overdue: "bg-notice-soft text-ink",
  done: "bg-brand text-white",
  partly_done: "bg-brand-soft text-brand-strong",
  skipped: "bg-canvas text-ink",
};

/** Plain, guilt-free words: an overdue item is simply "still open". */
export function OccurrenceStateBadge({ state }: { state: TOccurrenceState }) {
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${TONES[state]}`}>{LABELS[state]}</span>;
}
