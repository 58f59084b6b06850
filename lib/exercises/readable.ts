// An exercise entry as words (issue 23): each question of the form version
// the entry answered, with its answer, for exports and anything else meant to
// be read away from the form itself. Client-safe and pure.
//
// INVARIANTS
// - Read with the entry's OWN form version: the questions are the ones the
//   client was asked, even after the template changed.
// - Every field of that version appears, in the form's order; an unanswered
//   one reads null, so a reader sees what was left empty.
// - Choices read as their labels, a ladder step as its words (or as
//   LADDER_STEP_GONE once it was removed from the ladder), a repeating group
//   as rows of questions and answers. A value the form no longer explains
//   (a choice key it lacks) is kept as it was stored, never dropped.
import type { TAnswer, TAnswers, TExerciseForm, TPlainAnswer, TPlainField } from "./form-definition";

export const LADDER_STEP_GONE = "A step no longer on the ladder";

export type TReadablePlain = string | number | string[] | null;
export type TReadableAnswer = { question: string; answer: TReadablePlain | TReadableAnswer[][] };

function readPlain(field: TPlainField, value: TPlainAnswer | undefined, ladder: ReadonlyMap<string, string>): TReadablePlain {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  const labelOf = (key: string) => ("options" in field ? (field.options.find((option) => option.key === key)?.label ?? key) : key);
  switch (field.type) {
    case "single_choice":
      return typeof value === "string" ? labelOf(value) : value;
    case "multi_choice":
    case "checklist":
      return Array.isArray(value) ? value.map(labelOf) : value;
    case "ladder_step":
      return typeof value === "string" ? (ladder.get(value) ?? LADDER_STEP_GONE) : value;
    default:
      return value;
  }
}

/** `answers` to `form`, question by question; `ladder` maps a step's id to its words. */
export function readableAnswers(form: TExerciseForm, answers: TAnswers, ladder: ReadonlyMap<string, string>): TReadableAnswer[] {
  return form.fields.map((field) => {
    const value: TAnswer | undefined = answers[field.key];
    if (field.type !== "repeating_group") return { question: field.label, answer: readPlain(field, value as TPlainAnswer | undefined, ladder) };
    const rows = Array.isArray(value) ? (value as Record<string, TPlainAnswer>[]) : [];
    return {
      question: field.label,
      answer: rows.length === 0 ? null : rows.map((row) => field.columns.map((column) => ({ question: column.label, answer: readPlain(column, row[column.key], ladder) }))),
    };
  });
}
