import type { ReactNode } from "react";

/**
 * Shown only when JavaScript is off. Forms cannot submit without it (see
 * form.tsx), so say so before someone types anything.
 */
export function NoScriptNotice({ children }: { children: ReactNode }) {
  return (
    <noscript>
      <p className="rounded-lg border border-line bg-notice-soft px-4 py-3 font-medium text-ink">{children}</p>
    </noscript>
  );
}
