import { STATUS_LABELS } from "@/lib/constants/goal";

const TONES = {
  active: "bg-brand-soft text-brand-strong",
  achieved: "bg-brand text-white",
  paused: "bg-notice-soft text-ink",
  archived: "bg-canvas text-ink-muted",
} as const;

export function GoalStatusBadge({ status }: { status: keyof typeof TONES }) {
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}
