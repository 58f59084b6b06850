import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type TFieldChrome = { label: string; hint?: ReactNode; errors?: string[] };

function FieldShell({
  id,
  label,
  hint,
  errors,
  children,
}: TFieldChrome & { id: string; children: ReactNode }) {
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
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, { hint, errors }: TFieldChrome): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

const CONTROL =
  "min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink aria-invalid:border-danger";

export function TextField({
  label,
  hint,
  errors,
  ...input
}: TFieldChrome & InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, errors })}
        {...input}
      />
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
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <select
        id={id}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, errors })}
        {...select}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labels?.[option] ?? option.replaceAll("_", " ")}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  hint,
  errors,
  ...textarea
}: TFieldChrome & TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <textarea
        id={id}
        className={`${CONTROL} min-h-20`}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, errors })}
        {...textarea}
      />
    </FieldShell>
  );
}
