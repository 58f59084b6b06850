import type { ReactNode } from "react";

/**
 * One choice from a few, as a row of radio buttons in outlined chips (big
 * targets on a phone, arrow keys on a keyboard), the chosen one filled.
 * `choices` maps each value to its words, in the order shown (e.g.
 * STATUS_LABELS). Controlled: `value` is the choice, `onChange` gets the new one.
 */
export function ChoiceChips<TOption extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
}: {
  legend: ReactNode;
  name: string;
  choices: Record<TOption, string>;
  value: TOption;
  onChange: (option: TOption) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {(Object.keys(choices) as TOption[]).map((option) => (
          <label
            key={option}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-checked:border-brand has-checked:bg-brand-soft"
          >
            <input type="radio" name={name} value={option} checked={option === value} onChange={() => onChange(option)} />
            {choices[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
