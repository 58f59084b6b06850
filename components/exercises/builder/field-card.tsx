"use client";

// One field of the form in the builder's list: its label, type and whether
// it needs an answer at a glance, with Edit, Move up, Move down and Remove.
// The editor opens in the card; its code loads the first time one is opened
// (or the builder is first used), not with the page (docs/house-style.md H16).
import { lazy, Suspense, useId, type Dispatch } from "react";
import type { TFieldType } from "@/lib/exercises/limits";
import { Button } from "@/components/ui/button";
import { FIELD_TYPE_LABELS, hasOptions, problemsUnder, type TBuilderErrors, type TDraftField } from "./builder-model";
import type { TBuilderAction, TTarget } from "./builder-state";
import { fieldName, ItemHeader } from "./item-header";

export const loadFieldEditor = () => import("./field-editor");
const FieldEditor = lazy(() => loadFieldEditor().then((module) => ({ default: module.FieldEditor })));

/** "Single choice · needs an answer · 3 choices". */
export function fieldSummary(field: TDraftField): string {
  const parts = [FIELD_TYPE_LABELS[field.type], field.isRequired ? (field.type === "repeating_group" ? "needs a row" : "needs an answer") : "optional"];
  if (field.type === "repeating_group") {
    parts.push(`${field.columns.length === 1 ? "1 column" : `${field.columns.length} columns`}${field.maxRows ? `, up to ${field.maxRows} rows` : ""}`);
  }
  if (hasOptions(field.type)) {
    const noun = field.type === "checklist" ? "item" : "choice";
    parts.push(field.options.length === 1 ? `1 ${noun}` : `${field.options.length} ${noun}s`);
  }
  return parts.join(" · ");
}

export function FieldCard({
  field,
  path,
  position,
  count,
  errors,
  isOpen,
  onToggle,
  dispatch,
  onMove,
  onRemove,
  onAddColumn,
  onReady,
}: {
  field: TDraftField;
  /** Where its messages are: "fields.3". */
  path: string;
  position: number;
  count: number;
  errors: TBuilderErrors;
  isOpen: boolean;
  onToggle: () => void;
  dispatch: Dispatch<TBuilderAction>;
  onMove: (target: TTarget, offset: -1 | 1) => void;
  onRemove: (target: TTarget) => void;
  onAddColumn: (groupUid: string, type: TFieldType) => void;
  /** Called when the editor is on the page, to move focus into it. */
  onReady: () => void;
}) {
  const headingId = useId();
  const editorId = useId();
  const name = fieldName(field);
  const problems = problemsUnder(errors, path);
  const target = { uid: field.uid };
  return (
    <section
      aria-labelledby={headingId}
      data-uid={field.uid}
      className={`flex flex-col gap-3 rounded-xl border bg-surface p-4 ${problems ? "border-danger/60" : "border-line"}`}
    >
      <ItemHeader
        headingId={headingId}
        title={`${position}. ${field.label.trim() || "(No label yet)"}`}
        summary={fieldSummary(field)}
        problems={problems}
        name={name}
        position={position}
        count={count}
        onMove={(offset) => onMove(target, offset)}
        onRemove={() => onRemove(target)}
      >
        <Button
          variant="secondary"
          data-action="edit"
          aria-expanded={isOpen}
          aria-controls={isOpen ? editorId : undefined}
          aria-label={`${isOpen ? "Close" : "Edit"}: ${name}`}
          onClick={onToggle}
        >
          {isOpen ? "Close" : "Edit"}
        </Button>
      </ItemHeader>
      {isOpen ? (
        <div id={editorId}>
          <Suspense fallback={<p className="text-ink-muted">Opening…</p>}>
            <FieldEditor
              field={field}
              target={target}
              path={path}
              errors={errors}
              dispatch={dispatch}
              onMove={onMove}
              onRemove={onRemove}
              onAddColumn={onAddColumn}
              onReady={onReady}
            />
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
