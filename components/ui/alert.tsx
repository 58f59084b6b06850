import type { ReactNode } from "react";

const TONES = {
  error: "border-danger/40 bg-danger-soft text-danger",
  success: "border-brand/30 bg-brand-soft text-brand-strong",
  info: "border-line bg-notice-soft text-ink",
} as const;

/** Errors interrupt (role=alert); confirmations and notes are polite (role=status). */
export function Alert({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 ${TONES[tone]}`}>
      {children}
    </div>
  );
}
