"use client";

// One field of the builder (or one column of a repeating group): its label,
// help, whether it needs an answer, what its type needs (choices, a range, a
// group's columns and row limit), and the buttons that move and remove it.
// Messages from the definition check sit at the control they are about.
import { useId, useState, type Dispatch } from "react";
import type { TFieldType } from "@/lib/exercises/form-definition";
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

export type TFieldEditorProps = {
  field: TDraftField;
  target: TTarget;
  /** Where its messages are: "fields.3" or "fields.3.columns.1". */
  path: string;
  position: number;
  count: number;
  errors: TBuilderErrors;
  dispatch: Dispatch<TBuilderAction>;
  onMove: (target: TTarget, offset: -1 | 1) => void;
  onRemove: (target: TTarget) => void;
  onAddColumn?: (groupUid: string, type: TFieldType) => void;
};

/** How a field or column is named to someone who can't see the card it is in. */
export function fieldName(field: TDraftField, noun = "field"): string {
  return field.label.trim() ? `“${field.label.trim()}”` : `the ${noun} without a label`;
}

export function FieldEditor({ field, target, path, position, count, errors, dispatch, onMove, onRemove, onAddColumn }: TFieldEditorProps) {
  const isColumn = Boolean(target.columnUid);
  const noun = isColumn ? "column" : "field";
  const headingId = useId();
  const problems = problemsUnder(errors, path);
  const update = (patch: TDraftPatch) => dispatch({ type: "update", target, patch });
  const name = fieldName(field, noun);

  return (
    <section
      aria-labelledby={headingId}
      data-uid={target.columnUid ?? target.uid}
      className={`flex flex-col gap-3 rounded-xl border bg-surface p-4 ${problems ? "border-danger/60" : "border-line"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="flex flex-col">
          <span className="font-medium">
            {isColumn ? "Column" : "Field"} {position} of {count}: {FIELD_TYPE_LABELS[field.type]}
          </span>
          {problems ? <span className="text-sm font-medium text-danger">{problems === 1 ? "1 thing to fix" : `${problems} things to fix`}</span> : null}
        </h3>
        <div className="flex flex-wrap gap-1">
          <MoveButton direction="up" isAtEdge={position === 1} name={name} onClick={() => onMove(target, -1)} />
          <MoveButton direction="down" isAtEdge={position === count} name={name} onClick={() => onMove(target, 1)} />
          <Button variant="quiet" data-action="remove" onClick={() => onRemove(target)} disabled={isColumn && count === 1}>
            Remove<span className="sr-only"> {name}</span>
          </Button>
        </div>
      </div>

      <TextField
        label="Label"
        hint={isColumn ? "The column's name, as your client reads it." : field.type === "repeating_group" ? "What the rows are about, as your client reads it." : "The question, as your client reads it."}
        name={`${path}.label`}
        data-action="label"
        maxLength={120}
        value={field.label}
        onChange={(event) => update({ label: event.target.value })}
        errors={errorsAt(errors, `${path}.label`)}
      />
      <TextField
        label="Help text (optional)"
        name={`${path}.help`}
        maxLength={300}
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
    </section>
  );
}

/**
 * Stays focusable at either end (aria-disabled, not disabled), so focus is
 * never lost from under the keyboard; pressing it there only says so.
 */
function MoveButton({ direction, isAtEdge, name, onClick }: { direction: "up" | "down"; isAtEdge: boolean; name: string; onClick: () => void }) {
  return (
    <Button
      variant="secondary"
      data-action={direction}
      aria-disabled={isAtEdge || undefined}
      className={isAtEdge ? "opacity-50" : ""}
      onClick={onClick}
    >
      {direction === "up" ? "Move up" : "Move down"}
      <span className="sr-only">: {name}</span>
    </Button>
  );
}

function OptionsEditor({ field, target, path, errors, dispatch }: Pick<TFieldEditorProps, "field" | "target" | "path" | "errors" | "dispatch">) {
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
                maxLength={120}
                value={option.label}
                onChange={(event) => dispatch({ type: "updateOption", target, optionUid: option.uid, label: event.target.value })}
                errors={errorsAt(errors, `${path}.options.${index}.label`)}
              />
            </div>
            <Button variant="quiet" onClick={() => dispatch({ type: "removeOption", target, optionUid: option.uid })}>
              Remove<span className="sr-only"> {noun.toLowerCase()} {index + 1}</span>
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
}: Pick<TFieldEditorProps, "field" | "path" | "errors" | "dispatch" | "onMove" | "onRemove" | "onAddColumn">) {
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
            <FieldEditor
              field={column}
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
