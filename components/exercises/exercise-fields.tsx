"use client";

// An exercise form's fields, as the client fills them in on a phone (issue 23):
// one field per line, large targets, every control labelled, the first error
// under its field. Controlled: the page owns the answers (and keeps them as a
// draft); the builder's preview renders this same component, so the preview
// is exactly what the client sees.
import { useId } from "react";
import type { TAnswer, TAnswerErrors, TAnswers, TExerciseForm, TPlainAnswer, TPlainField } from "@/lib/exercises/form-definition";
// The limits without zod: this component is on the client's page and in the builder (docs/house-style.md H16).
import { DURATION_MAX_MINUTES, LONG_TEXT_MAX, SHORT_TEXT_MAX } from "@/lib/exercises/limits";
import { CONTROL, FieldShell } from "@/components/ui/field";

export type TLadderStepOption = { id: string; text: string; expectedAnxiety: number };

type TFieldsProps = {
  form: TExerciseForm;
  answers: TAnswers;
  onChange: (key: string, value: TAnswer) => void;
  errors?: TAnswerErrors;
  /** The engagement's ladder, for a "ladder_step" field; null in the builder's preview. */
  ladder?: TLadderStepOption[] | null;
  /** Where the client can add steps when the ladder is empty. */
  ladderHref?: string;
};

export function ExerciseFields({ form, answers, onChange, errors = {}, ladder = null, ladderHref }: TFieldsProps) {
  return (
    <div className="flex flex-col gap-6">
      {form.fields.map((field) =>
        field.type === "repeating_group" ? (
          <RepeatingGroup
            key={field.key}
            field={field}
            rows={Array.isArray(answers[field.key]) ? (answers[field.key] as Record<string, TPlainAnswer>[]) : []}
            onChange={(rows) => onChange(field.key, rows)}
            errors={errors}
            ladder={ladder}
            ladderHref={ladderHref}
          />
        ) : (
          <PlainInput
            key={field.key}
            field={field}
            path={field.key}
            value={(answers[field.key] ?? null) as TPlainAnswer}
            onChange={(value) => onChange(field.key, value)}
            errors={errors[field.key]}
            ladder={ladder}
            ladderHref={ladderHref}
          />
        ),
      )}
    </div>
  );
}

type TGroupField = Extract<TExerciseForm["fields"][number], { type: "repeating_group" }>;

function RepeatingGroup({
  field,
  rows,
  onChange,
  errors,
  ladder,
  ladderHref,
}: {
  field: TGroupField;
  rows: Record<string, TPlainAnswer>[];
  onChange: (rows: Record<string, TPlainAnswer>[]) => void;
  errors: TAnswerErrors;
  ladder: TLadderStepOption[] | null;
  ladderHref?: string;
}) {
  const headingId = useId();
  const shown = rows.length === 0 ? [{}] : rows;
  const setRow = (index: number, key: string, value: TPlainAnswer) =>
    onChange(shown.map((row, at) => (at === index ? { ...row, [key]: value } : row)));
  return (
    <fieldset className="flex flex-col gap-3" aria-labelledby={headingId} data-field={field.key}>
      <legend id={headingId} className="font-medium">
        {field.label}
      </legend>
      {field.help ? <p className="text-sm text-ink-muted">{field.help}</p> : null}
      {errors[field.key]?.length ? <p className="text-sm font-medium text-danger">{errors[field.key]![0]}</p> : null}
      <ol className="flex flex-col gap-3">
        {shown.map((row, index) => (
          <li key={index} className="flex flex-col gap-3 rounded-lg border border-line p-3">
            <p className="text-sm text-ink-muted">Row {index + 1}</p>
            {field.columns.map((column) => (
              <PlainInput
                key={column.key}
                field={column}
                path={`${field.key}.${index}.${column.key}`}
                value={row[column.key] ?? null}
                onChange={(value) => setRow(index, column.key, value)}
                errors={errors[`${field.key}.${index}.${column.key}`]}
                ladder={ladder}
                ladderHref={ladderHref}
              />
            ))}
            {shown.length > 1 || Object.keys(row).length > 0 ? (
              <button
                type="button"
                className="min-h-11 self-start text-brand-strong underline"
                onClick={() => onChange(shown.filter((_, at) => at !== index))}
              >
                Remove row {index + 1}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {shown.length < field.maxRows ? (
        <button
          type="button"
          className="min-h-11 self-start rounded-lg border border-line px-4 py-2"
          onClick={() => onChange([...shown, {}])}
        >
          Add a row
        </button>
      ) : (
        <p className="text-sm text-ink-muted">That&apos;s the most rows this part can have ({field.maxRows}).</p>
      )}
    </fieldset>
  );
}

function label(field: TPlainField): string {
  return field.isRequired ? field.label : `${field.label} (optional)`;
}

function toNumber(text: string): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function PlainInput({
  field,
  path,
  value,
  onChange,
  errors,
  ladder,
  ladderHref,
}: {
  field: TPlainField;
  path: string;
  value: TPlainAnswer;
  onChange: (value: TPlainAnswer) => void;
  errors?: string[];
  ladder: TLadderStepOption[] | null;
  ladderHref?: string;
}) {
  const chrome = { label: label(field), hint: field.help, errors };
  switch (field.type) {
    case "short_text":
      return (
        <FieldShell {...chrome}>
          {(control) => (
            <input {...control} name={path} className={CONTROL} maxLength={SHORT_TEXT_MAX} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)} />
          )}
        </FieldShell>
      );
    case "long_text":
      return (
        <FieldShell {...chrome}>
          {(control) => (
            <textarea
              {...control}
              name={path}
              className={`${CONTROL} min-h-24`}
              maxLength={LONG_TEXT_MAX}
              value={typeof value === "string" ? value : ""}
              onChange={(event) => onChange(event.target.value)}
            />
          )}
        </FieldShell>
      );
    case "number":
    case "duration":
      return (
        <FieldShell {...chrome}>
          {(control) => (
            <input
              {...control}
              name={path}
              type="number"
              inputMode={field.type === "number" && !field.isInteger ? "decimal" : "numeric"}
              min={field.type === "number" ? field.min : 0}
              max={field.type === "number" ? field.max : DURATION_MAX_MINUTES}
              step={field.type === "number" && !field.isInteger ? "any" : 1}
              className={`${CONTROL} max-w-40`}
              value={typeof value === "number" ? value : ""}
              onChange={(event) => onChange(toNumber(event.target.value))}
            />
          )}
        </FieldShell>
      );
    case "rating_10":
    case "rating_100":
      return <Rating field={field} path={path} value={typeof value === "number" ? value : null} onChange={onChange} errors={errors} />;
    case "time_of_day":
      return (
        <FieldShell {...chrome}>
          {(control) => (
            <input {...control} name={path} type="time" className={`${CONTROL} max-w-40`} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value || null)} />
          )}
        </FieldShell>
      );
    case "single_choice":
      return (
        <Choices field={field} path={path} errors={errors} type="radio" isChecked={(key) => value === key} onToggle={(key) => onChange(key)} />
      );
    case "multi_choice":
    case "checklist": {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <Choices
          field={field}
          path={path}
          errors={errors}
          type="checkbox"
          isChecked={(key) => chosen.includes(key)}
          onToggle={(key) => onChange(chosen.includes(key) ? chosen.filter((item) => item !== key) : [...chosen, key])}
        />
      );
    }
    case "ladder_step":
      return (
        <FieldShell {...chrome}>
          {(control) =>
            ladder && ladder.length === 0 ? (
              <p {...control} className="text-ink-muted">
                Your ladder has no steps yet.{" "}
                {ladderHref ? (
                  <a href={ladderHref} className="text-brand-strong underline">
                    Add steps to your ladder
                  </a>
                ) : null}
              </p>
            ) : (
              <select {...control} name={path} className={CONTROL} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value || null)}>
                <option value="">Choose a step…</option>
                {(ladder ?? []).map((step) => (
                  <option key={step.id} value={step.id}>
                    {step.text} (expected {step.expectedAnxiety})
                  </option>
                ))}
              </select>
            )
          }
        </FieldShell>
      );
  }
}

/** A 0–10 or 0–100 rating: a slider with the number beside it, which can be typed too. Unanswered until touched. */
function Rating({
  field,
  path,
  value,
  onChange,
  errors,
}: {
  field: TPlainField;
  path: string;
  value: number | null;
  onChange: (value: number | null) => void;
  errors?: string[];
}) {
  const max = field.type === "rating_10" ? 10 : 100;
  const numberId = useId();
  return (
    <FieldShell label={label(field)} hint={field.help} errors={errors}>
      {(control) => (
        <div className="flex items-center gap-3">
          <input
            {...control}
            name={path}
            type="range"
            min={0}
            max={max}
            step={1}
            value={value ?? Math.round(max / 2)}
            aria-valuetext={value === null ? "Not answered yet" : `${value} out of ${max}`}
            className={`h-11 flex-1 accent-brand ${value === null ? "opacity-50" : ""}`}
            onChange={(event) => onChange(Number(event.target.value))}
          />
          <label htmlFor={numberId} className="sr-only">
            {field.label}, as a number from 0 to {max}
          </label>
          <input
            id={numberId}
            type="number"
            inputMode="numeric"
            min={0}
            max={max}
            className={`${CONTROL} max-w-24`}
            value={value ?? ""}
            placeholder="–"
            onChange={(event) => onChange(toNumber(event.target.value))}
          />
        </div>
      )}
    </FieldShell>
  );
}

function Choices({
  field,
  path,
  errors,
  type,
  isChecked,
  onToggle,
}: {
  field: Extract<TPlainField, { options: unknown }>;
  path: string;
  errors?: string[];
  type: "radio" | "checkbox";
  isChecked: (key: string) => boolean;
  onToggle: (key: string) => void;
}) {
  const errorId = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="mb-1 font-medium">{label(field)}</legend>
      {field.help ? <p className="text-sm text-ink-muted">{field.help}</p> : null}
      {field.options.map((option) => (
        <label
          key={option.key}
          className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-line bg-surface px-4 py-2 has-checked:border-brand has-checked:bg-brand-soft has-focus-visible:outline-3 has-focus-visible:outline-brand"
        >
          <input type={type} name={path} value={option.key} checked={isChecked(option.key)} onChange={() => onToggle(option.key)} className="size-5 accent-brand" />
          <span>{option.label}</span>
        </label>
      ))}
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}
