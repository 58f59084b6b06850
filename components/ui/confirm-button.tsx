"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/**
 * A button that asks before doing something that can't be undone. Uses the
 * native <dialog>: focus is trapped, Escape cancels, and no script or style
 * is injected (the CSP forbids inline <style>).
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = "secondary",
}: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  variant?: "secondary" | "quiet" | "danger";
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    setIsPending(true);
    setError(undefined);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (caught) {
      setError((caught as Error).message || "That didn't work. Please try again.");
    } finally {
      setIsPending(false);
    }
  }

  return (
    <>
      <Button variant={variant} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-xl border border-line bg-surface p-6 text-ink shadow-lg backdrop:bg-ink/40"
      >
        <h2 id={titleId} className="mb-2 text-lg font-semibold">
          {title}
        </h2>
        <div id={descriptionId} className="mb-4 text-ink-muted">
          {description}
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} disabled={isPending}>
            {isPending ? "One moment…" : confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
