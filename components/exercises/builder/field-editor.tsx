"use client";

// The editor of one field (or one column of a repeating group): its label,
// help, whether it needs an answer, and what its type needs (choices, a
// range, a group's columns and row limit). Messages from the definition check
// sit at the control they are about. Loaded when first opened (field-card.tsx).
import { useEffect, useId, useState, type Dispatch } from "react";
import type { TFieldType } from "@/lib/exercises/limits";
import { Button } from "@/components/ui/button";
import { CONTROL, SelectField, TextField } from "@/components/ui/field";
import {
  BUILDER_LIMITS,
  COLUMN_TYPES,
  errorsAt,
  FIELD_TYPE_LABELS,
  hasOptions,
  problemsUnder,
  type TBuilderErrors,
  type TDraftField,
  type TDraftPatch,
} from "./builder-model";
import type { TBuilderAction, TTarget } from "./builder-state";
import { fieldName, ItemHeader } from "./item-header";

type TEditorProps = {
  field: TDraftField;
  target: TTarget;
  /** Where its messages are: "fields.3" or "fields.3.columns.1". */
  path: string;
  errors: TBuilderErrors;
  dispatch: Dispatch<TBuilderAction>;
  onMove: (target: TTarget, offset: -1 | 1) => void;
  onRemove: (target: TTarget) => void;
  onAddColumn?: (groupUid: string, type: TFieldType) => void;
  onReady?: () => void;
};

export function FieldEditor({ field, target, path, errors, dispatch, onMove, onRemove, onAddColumn, onReady }: TEditorProps) {
  const isColumn = Boolean(target.columnUid);
  const update = (patch: TDraftPatch) => dispatch({ type: "update", target, patch });
  // Once only, when the code has arrived and the editor is on the page.
  const [ready] = useState(() => onReady);
  useEffect(() => ready?.(), [ready]);

  return (
    <div className="flex flex-col gap-3">
      <TextField
        label="Label"
        hint={isColumn ? "The column's name, as your client reads it." : field.type === "repeating_group" ? "What the rows are about, as your client reads it." : "The question, as your client reads it."}
        name={`${path}.label`}
        data-action="label"
        maxLength={BUILDER_LIMITS.labelLength}
        value={field.label}
        onChange={(event) => update({ label: event.target.value })}
        errors={errorsAt(errors, `${path}.label`)}
      />
      <TextField
        label="Help text (optional)"
        name={`${path}.help`}
        maxLength={BUILDER_LIMITS.helpLength}
        value={field.help}
        onChange={(event) => update({ help: event.target.value })}
        errors={errorsAt(errors, `${path}.help`)}
      />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" className="size-5 accent-brand" checked={field.isRequired} onChange={(event) => update({ isRequired: event.target.checked })} />
        <span>
          {field.type === "repeating_group" ? "Needs at least one row" : "Needs an answer"}
          <span className="text-ink-muted"> (otherwise your client may leave it empty)</span>
        </span>
      </label>

      {field.type === "number" ? (
        <div className="flex flex-col gap-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Smallest (optional)"
              name={`${path}.min`}
              inputMode="decimal"
              value={field.min}
              onChange={(event) => update({ min: event.target.value })}
              errors={errorsAt(errors, `${path}.min`)}
            />
            <TextField
              label="Largest (optional)"
              name={`${path}.max`}
              inputMode="decimal"
              value={field.max}
              onChange={(event) => update({ max: event.target.value })}
              errors={errorsAt(errors, `${path}.max`)}
            />
          </div>
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" className="size-5 accent-brand" checked={field.isInteger} onChange={(event) => update({ isInteger: event.target.checked })} />
            Whole numbers only
          </label>
        </div>
      ) : null}

      {hasOptions(field.type) ? <OptionsEditor field={field} target={target} path={path} errors={errors} dispatch={dispatch} /> : null}

      {field.type === "ladder_step" ? (
        <p className="text-sm text-ink-muted">Your client chooses one of the steps on the ladder you make together on their page.</p>
      ) : null}

      {field.type === "repeating_group" ? (
        <GroupEditor field={field} path={path} errors={errors} dispatch={dispatch} onMove={onMove} onRemove={onRemove} onAddColumn={onAddColumn} />
      ) : null}
    </div>
  );
}

function OptionsEditor({ field, target, path, errors, dispatch }: Pick<TEditorProps, "field" | "target" | "path" | "errors" | "dispatch">) {
  const isChecklist = field.type === "checklist";
  const noun = isChecklist ? "Item" : "Choice";
  const legendId = useId();
  const listErrors = errorsAt(errors, `${path}.options`);
  return (
    <fieldset className="flex flex-col gap-2" aria-labelledby={legendId}>
      <legend id={legendId} className="font-medium">
        {isChecklist ? "Items to tick" : "Choices"}
      </legend>
      {listErrors ? <p className="text-sm font-medium text-danger">{listErrors[0]}</p> : null}
      <ol className="flex flex-col gap-2">
        {field.options.map((option, index) => (
          <li key={option.uid} className="flex items-end gap-2">
            <div className="flex-1">
              <TextField
                label={`${noun} ${index + 1}`}
                name={`${path}.options.${index}.label`}
                maxLength={BUILDER_LIMITS.labelLength}
                value={option.label}
                onChange={(event) => dispatch({ type: "updateOption", target, optionUid: option.uid, label: event.target.value })}
                errors={errorsAt(errors, `${path}.options.${index}.label`)}
              />
            </div>
            <Button
              variant="quiet"
              aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`}
              onClick={() => dispatch({ type: "removeOption", target, optionUid: option.uid })}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {field.options.length < BUILDER_LIMITS.maxOptions ? (
        <Button variant="secondary" className="self-start" onClick={() => dispatch({ type: "addOption", target })}>
          {isChecklist ? "Add an item" : "Add a choice"}
        </Button>
      ) : (
        <p className="text-sm text-ink-muted">That&apos;s the most a field can have ({BUILDER_LIMITS.maxOptions}).</p>
      )}
    </fieldset>
  );
}

function GroupEditor({
  field,
  path,
  errors,
  dispatch,
  onMove,
  onRemove,
  onAddColumn,
}: Pick<TEditorProps, "field" | "path" | "errors" | "dispatch" | "onMove" | "onRemove" | "onAddColumn">) {
  const [columnType, setColumnType] = useState<TFieldType>("short_text");
  const columnErrors = errorsAt(errors, `${path}.columns`);
  return (
    <div className="flex flex-col gap-3 border-l-4 border-brand-soft pl-3">
      <TextField
        label="Most rows"
        hint={`Your client adds rows as they need them, up to this many (at most ${BUILDER_LIMITS.maxGroupRows}).`}
        name={`${path}.maxRows`}
        type="number"
        inputMode="numeric"
        min={1}
        max={BUILDER_LIMITS.maxGroupRows}
        className={`${CONTROL} max-w-32`}
        value={field.maxRows}
        onChange={(event) => dispatch({ type: "update", target: { uid: field.uid }, patch: { maxRows: event.target.value } })}
        errors={errorsAt(errors, `${path}.maxRows`)}
      />
      <h4 className="font-medium">Columns in each row</h4>
      {columnErrors ? <p className="text-sm font-medium text-danger">{columnErrors[0]}</p> : null}
      <ol className="flex flex-col gap-3" aria-label={`Columns of ${fieldName(field)}`}>
        {field.columns.map((column, index) => (
          <li key={column.uid}>
            <ColumnCard
              column={column}
              target={{ uid: field.uid, columnUid: column.uid }}
              path={`${path}.columns.${index}`}
              position={index + 1}
              count={field.columns.length}
              errors={errors}
              dispatch={dispatch}
              onMove={onMove}
              onRemove={onRemove}
            />
          </li>
        ))}
      </ol>
      {field.columns.length < BUILDER_LIMITS.maxColumns ? (
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            label="Type of the new column"
            name={`${path}.newColumnType`}
            options={COLUMN_TYPES}
            labels={FIELD_TYPE_LABELS}
            value={columnType}
            onChange={(event) => setColumnType(event.target.value as TFieldType)}
          />
          <Button variant="secondary" onClick={() => onAddColumn?.(field.uid, columnType)}>
            Add column
          </Button>
        </div>
      ) : (
        <p className="text-sm text-ink-muted">A group can have up to {BUILDER_LIMITS.maxColumns} columns.</p>
      )}
    </div>
  );
}

function ColumnCard({
  column,
  target,
  path,
  position,
  count,
  errors,
  dispatch,
  onMove,
  onRemove,
}: Omit<TEditorProps, "field" | "onAddColumn" | "onReady"> & { column: TDraftField; position: number; count: number }) {
  const headingId = useId();
  const problems = problemsUnder(errors, path);
  return (
    <section
      aria-labelledby={headingId}
      data-uid={target.columnUid}
      className={`flex flex-col gap-3 rounded-lg border p-3 ${problems ? "border-danger/60" : "border-line"}`}
    >
      <ItemHeader
        level={5}
        headingId={headingId}
        title={`Column ${position}: ${column.label.trim() || "(No label yet)"}`}
        summary={`${FIELD_TYPE_LABELS[column.type]} · ${column.isRequired ? "needs an answer" : "optional"}`}
        problems={problems}
        name={fieldName(column, "column")}
        position={position}
        count={count}
        // A group keeps at least one column.
        canRemove={count > 1}
        onMove={(offset) => onMove(target, offset)}
        onRemove={() => onRemove(target)}
      />
      <FieldEditor field={column} target={target} path={path} errors={errors} dispatch={dispatch} onMove={onMove} onRemove={onRemove} />
    </section>
  );
}
