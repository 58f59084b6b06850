// How the exercise form keeps a client's draft as they go (issue 23): which
// changes wait for a pause in typing, and what is tidied before sending.
// Pure and client-safe, and free of zod (the entry page ships it).
//
// INVARIANTS
// - Typing (text and typed numbers) is kept after a pause; a choice, a
//   slider, a time or a row added or removed is kept at once.
// - Rows nobody wrote anything in are dropped before sending, from the page
//   too, so the server's field errors ("emotions.1.emotion") point at the
//   rows the client sees.
import type { TAnswer, TAnswers, TAnswerErrors, TExerciseForm, TFieldType, TPlainAnswer } from "./form-definition";

const TYPED: ReadonlySet<TFieldType> = new Set(["short_text", "long_text", "number", "duration"]);

/** Milliseconds of quiet before typed text is kept. */
export const TYPING_PAUSE_MS = 800;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

type TRow = Record<string, TPlainAnswer>;

/** Whether a change to `key` is typing (wait for a pause) rather than a choice (keep at once). */
export function isTypingChange(form: TExerciseForm, key: string, before: TAnswer | undefined, after: TAnswer): boolean {
  const field = form.fields.find((candidate) => candidate.key === key);
  if (!field) return false;
  if (field.type !== "repeating_group") return TYPED.has(field.type);
  const [oldRows, newRows] = [Array.isArray(before) ? (before as TRow[]) : [], Array.isArray(after) ? (after as TRow[]) : []];
  // A row added or removed is a choice; a first cell typed into the blank row shown for an empty group is typing.
  if (oldRows.length !== newRows.length && !(oldRows.length === 0 && newRows.length === 1)) return false;
  for (const column of field.columns) {
    const changed = newRows.some((row, index) => (row[column.key] ?? null) !== (oldRows[index]?.[column.key] ?? null));
    if (changed) return TYPED.has(column.type);
  }
  return false;
}

function isEmptyRow(row: TRow): boolean {
  return Object.values(row).every(isBlank);
}

/** The answers without a group's rows that hold nothing; unchanged (the same object) when there are none. */
export function withoutEmptyRows(form: TExerciseForm, answers: TAnswers): TAnswers {
  let next: TAnswers | null = null;
  for (const field of form.fields) {
    const rows = answers[field.key];
    if (field.type !== "repeating_group" || !Array.isArray(rows)) continue;
    const kept = (rows as TRow[]).filter((row) => !isEmptyRow(row));
    if (kept.length !== rows.length) (next ??= { ...answers })[field.key] = kept;
  }
  return next ?? answers;
}

/** The errors left once `key` changed: its own and its rows' ("emotions", "emotions.0.emotion") go. */
export function errorsWithout(errors: TAnswerErrors, key: string): TAnswerErrors {
  const kept = Object.entries(errors).filter(([path]) => path !== key && !path.startsWith(`${key}.`));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
}

/** "6 h 45 min", "40 min", "0 min": a number of minutes as a person says it. */
export function minutesInWords(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const [hours, rest] = [Math.floor(whole / 60), whole % 60];
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The summary above the form: each problem with the question it is about ("What did you feel…, row 2: Feeling"). */
export function errorSummary(form: TExerciseForm, errors: TAnswerErrors): { path: string; label: string; message: string }[] {
  const order = (path: string) => form.fields.findIndex((field) => field.key === path.split(".")[0]);
  return Object.entries(errors)
    .filter(([, messages]) => messages.length > 0)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([path, messages]) => {
      const [key, row, columnKey] = path.split(".");
      const field = form.fields.find((candidate) => candidate.key === key);
      let label = field?.label ?? "This form";
      if (field?.type === "repeating_group" && row !== undefined) {
        const column = field.columns.find((candidate) => candidate.key === columnKey);
        label = `${field.label}, row ${Number(row) + 1}${column ? `: ${column.label}` : ""}`;
      }
      return { path, label, message: messages[0]! };
    });
}
