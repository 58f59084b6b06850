import type { ReactNode } from "react";

export function Card({ title, action, children }: { title?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6">
      {title || action ? (
        <div className="mb-3 flex items-center justify-between gap-3">
          {title ? <h2 className="text-lg font-semibold">{title}</h2> : null}
          {action}
        </div>
      ) : null}
      {children}
    </section>
  );
}

/** What will appear here, said plainly, for sections that are still empty. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-lg bg-canvas px-4 py-3 text-ink-muted">{children}</p>;
}
