"use client";

// The head of a field's or a column's card in the builder: what it is, how
// many things need fixing, and the buttons that move and remove it.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { TDraftField } from "./builder-model";

/** How a field or column is named to someone who can't see the card it is in. */
export function fieldName(field: Pick<TDraftField, "label">, noun = "field"): string {
  return field.label.trim() ? `“${field.label.trim()}”` : `the ${noun} without a label`;
}

export function problemsText(count: number): string {
  return count === 1 ? "1 thing to fix" : `${count} things to fix`;
}

export function ItemHeader({
  level = 3,
  headingId,
  title,
  summary,
  problems,
  name,
  position,
  count,
  canRemove = true,
  onMove,
  onRemove,
  children,
}: {
  /** A field's card is under the list's h2; a column's under its group's "Columns in each row" (h4). */
  level?: 3 | 5;
  headingId: string;
  title: ReactNode;
  summary: ReactNode;
  problems: number;
  /** As fieldName gives it, for the buttons' names. */
  name: string;
  position: number;
  count: number;
  canRemove?: boolean;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
  /** More buttons, before the move buttons (e.g. "Edit"). */
  children?: ReactNode;
}) {
  const Heading = level === 3 ? "h3" : "h5";
  return (
    <div className="flex flex-wrap items-start justify-between gap-2">
      <div className="flex min-w-0 flex-col">
        <Heading id={headingId} className="font-medium break-words">
          {title}
        </Heading>
        <p className="text-sm text-ink-muted">{summary}</p>
        {problems ? <p className="text-sm font-medium text-danger">{problemsText(problems)}</p> : null}
      </div>
      <div className="flex flex-wrap gap-1">
        {children}
        <MoveButton direction="up" isAtEdge={position === 1} name={name} onClick={() => onMove(-1)} />
        <MoveButton direction="down" isAtEdge={position === count} name={name} onClick={() => onMove(1)} />
        <Button variant="quiet" data-action="remove" aria-label={`Remove ${name}`} disabled={!canRemove} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </div>
  );
}

/**
 * Stays focusable at either end (aria-disabled, not disabled), so focus is
 * never lost from under the keyboard; pressing it there only says so.
 */
function MoveButton({ direction, isAtEdge, name, onClick }: { direction: "up" | "down"; isAtEdge: boolean; name: string; onClick: () => void }) {
  const words = direction === "up" ? "Move up" : "Move down";
  return (
    <Button
      variant="secondary"
      data-action={direction}
      // The visible words first, then which one (WCAG 2.5.3, label in name).
      aria-label={`${words}: ${name}`}
      aria-disabled={isAtEdge || undefined}
      className={isAtEdge ? "opacity-50" : ""}
      onClick={onClick}
    >
      {words}
    </Button>
  );
}
