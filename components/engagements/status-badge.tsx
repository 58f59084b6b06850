const LABELS = { active: "Active", invited: "Invited", ended: "Ended" } as const;
const TONES = {
  active: "bg-brand-soft text-brand-strong",
  invited: "bg-notice-soft text-ink",
  ended: "bg-canvas text-ink-muted",
} as const;

export function EngagementStatusBadge({ status }: { status: keyof typeof LABELS }) {
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${TONES[status]}`}>{LABELS[status]}</span>;
}
