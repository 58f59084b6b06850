// An answer in words, for read-back (an entry as sent, the table of entries,
// the preview's summary). Pure and client-safe.
import type { TAnswer, TExerciseField, TPlainField } from "@/lib/exercises/form-definition";

export type TLadderNames = Record<string, string>;

export const REMOVED_STEP = "a step no longer on the ladder";

export function plainAnswerText(field: TPlainField, value: TAnswer | undefined, ladder: TLadderNames = {}): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "";
  switch (field.type) {
    case "single_choice":
      return field.options.find((option) => option.key === value)?.label ?? String(value);
    case "multi_choice":
    case "checklist":
      return (value as string[]).map((key) => field.options.find((option) => option.key === key)?.label ?? key).join(", ");
    case "rating_10":
      return `${value} / 10`;
    case "rating_100":
      return `${value} / 100`;
    case "duration":
      return `${value} min`;
    case "ladder_step":
      return ladder[value as string] ?? REMOVED_STEP;
    default:
      return String(value);
  }
}

/** A repeating group reads one row per line: "sad 80 · tense 40". */
export function answerText(field: TExerciseField, value: TAnswer | undefined, ladder: TLadderNames = {}): string {
  if (field.type !== "repeating_group") return plainAnswerText(field, value, ladder);
  if (!Array.isArray(value)) return "";
  return (value as Record<string, TAnswer>[])
    .map((row) => field.columns.map((column) => plainAnswerText(column, row[column.key], ladder)).filter(Boolean).join(" · "))
    .filter(Boolean)
    .join("\n");
}
