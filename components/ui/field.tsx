import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type TFieldChrome = { label: string; hint?: ReactNode; errors?: string[] };

/** What the control inside a field needs: its id, and whether and by what it is described. */
type TControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/** The label, hint and first error around one control, wired to it by id. */
export function FieldShell({ label, hint, errors, children }: TFieldChrome & { children: (control: TControlProps) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": errors?.length ? true : undefined,
        "aria-describedby": described.length ? described.join(" ") : undefined,
      })}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

export const CONTROL =
  "min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink aria-invalid:border-danger";

export function TextField({
  label,
  hint,
  errors,
  ...input
}: TFieldChrome & InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(control) => <input {...control} className={CONTROL} {...input} />}
    </FieldShell>
  );
}

/** `labels` gives an option's words; without it an option shows as itself, "_" read as a space. */
export function SelectField({
  label,
  hint,
  errors,
  options,
  labels,
  ...select
}: TFieldChrome &
  SelectHTMLAttributes<HTMLSelectElement> & { name: string; options: readonly string[]; labels?: Record<string, string> }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(control) => (
        <select {...control} className={CONTROL} {...select}>
          {options.map((option) => (
            <option key={option} value={option}>
              {labels?.[option] ?? option.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  hint,
  errors,
  ...textarea
}: TFieldChrome & TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {(control) => <textarea {...control} className={`${CONTROL} min-h-20`} {...textarea} />}
    </FieldShell>
  );
}
