// An exercise form (issue 23): the fields a therapist builds into a homework
// template, and the rules an answer must meet. Client-safe: the builder, the
// client's form and the server all check with this one module, so both sides
// give the same field-level messages.
//
// INVARIANTS
// - A definition is data, validated as data: at most MAX_FIELDS fields
//   (a repeating group's columns count), keys unique and shaped like
//   identifiers, no empty label, choices with unique keys, a number's
//   min below its max, a group of at most MAX_GROUP_ROWS rows whose columns
//   are plain fields (no group in a group). A number field's limits, and
//   every number answered, stay within ±NUMBER_LIMIT.
// - An answer is checked against the field it answers: its type, its range,
//   its length, its choices. Keys the definition doesn't know are refused.
//   A draft may leave required fields empty; a sent entry may not.
// - A "ladder_step" field is answered with a step id; only the server can
//   tell whether the step is on this client's ladder.
// - Messages are plain and never blame: "This one needs an answer." not
//   "Required field missing".
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "../schemas/common";

import { DURATION_MAX_MINUTES, HELP_MAX, LABEL_MAX, LONG_TEXT_MAX, MAX_FIELDS, MAX_GROUP_COLUMNS, MAX_GROUP_ROWS, MAX_OPTIONS, NUMBER_LIMIT, SHORT_TEXT_MAX } from "./limits";

// The limits live in ./limits.ts (no zod there), for pages that only draw a form.
export {
  DURATION_MAX_MINUTES,
  FIELD_TYPES,
  HELP_MAX,
  KEY_MAX,
  LABEL_MAX,
  LONG_TEXT_MAX,
  MAX_FIELDS,
  MAX_GROUP_COLUMNS,
  MAX_GROUP_ROWS,
  MAX_OPTIONS,
  NUMBER_LIMIT,
  SHORT_TEXT_MAX,
  type TFieldType,
} from "./limits";

const ZKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and _ (starting with a letter), up to 40."); // KEY_MAX
const ZLabel = z.string().trim().min(1, "Give it a label.").max(LABEL_MAX, `Keep the label to ${LABEL_MAX} characters.`).refine(hasNoNul, NUL_MESSAGE);
const ZHelp = z.string().trim().max(HELP_MAX, `Keep the help text to ${HELP_MAX} characters.`).refine(hasNoNul, NUL_MESSAGE).optional();
const ZOption = z.object({ key: ZKey, label: ZLabel }).strict();

const baseField = { key: ZKey, label: ZLabel, help: ZHelp, isRequired: z.boolean() };
const ZLimit = z
  .number("Give a number.")
  .min(-NUMBER_LIMIT, `Keep it from -${NUMBER_LIMIT.toLocaleString("en")}.`)
  .max(NUMBER_LIMIT, `Keep it up to ${NUMBER_LIMIT.toLocaleString("en")}.`)
  .optional();

const ZPlainField = z.discriminatedUnion("type", [
  z.object({ ...baseField, type: z.literal("short_text") }).strict(),
  z.object({ ...baseField, type: z.literal("long_text") }).strict(),
  z
    .object({
      ...baseField,
      type: z.literal("number"),
      min: ZLimit,
      max: ZLimit,
      isInteger: z.boolean().default(false),
    })
    .strict(),
  z.object({ ...baseField, type: z.literal("rating_10") }).strict(),
  z.object({ ...baseField, type: z.literal("rating_100") }).strict(),
  z.object({ ...baseField, type: z.literal("single_choice"), options: z.array(ZOption).min(2, "Give at least two choices.").max(MAX_OPTIONS) }).strict(),
  z.object({ ...baseField, type: z.literal("multi_choice"), options: z.array(ZOption).min(2, "Give at least two choices.").max(MAX_OPTIONS) }).strict(),
  z.object({ ...baseField, type: z.literal("time_of_day") }).strict(),
  z.object({ ...baseField, type: z.literal("duration") }).strict(),
  z.object({ ...baseField, type: z.literal("checklist"), options: z.array(ZOption).min(1, "Give at least one item.").max(MAX_OPTIONS) }).strict(),
  // A step of the client's exposure ladder (their own, kept per engagement): the answer is the step's id.
  z.object({ ...baseField, type: z.literal("ladder_step") }).strict(),
]);

const ZGroupField = z
  .object({
    ...baseField,
    type: z.literal("repeating_group"),
    columns: z.array(ZPlainField).min(1, "A group needs at least one column.").max(MAX_GROUP_COLUMNS, `A group can have up to ${MAX_GROUP_COLUMNS} columns.`),
    maxRows: z.number().int().min(1).max(MAX_GROUP_ROWS),
  })
  .strict();

export const ZExerciseFieldSchema = z.union([ZPlainField, ZGroupField]);
export type TExerciseField = z.output<typeof ZExerciseFieldSchema>;
export type TPlainField = z.output<typeof ZPlainField>;

/** Where a definition problem is, as a path the builder can point at ("fields.3.label"). */
export type TDefinitionErrors = Record<string, string[]>;

function add(errors: TDefinitionErrors, path: string, message: string): void {
  (errors[path] ??= []).push(message);
}

/** The checks a schema can't express on its own: counts, unique keys and choices, ranges. */
function definitionRuleErrors(fields: TExerciseField[]): TDefinitionErrors {
  const errors: TDefinitionErrors = {};
  const count = fields.reduce((sum, field) => sum + (field.type === "repeating_group" ? field.columns.length : 1), 0);
  if (count > MAX_FIELDS) add(errors, "fields", `A form can have up to ${MAX_FIELDS} fields (a group's columns count).`);
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    if (seen.has(field.key)) add(errors, `fields.${index}.key`, "Another field already uses this key.");
    seen.add(field.key);
    const columns = field.type === "repeating_group" ? field.columns.map((column, at) => [column, `fields.${index}.columns.${at}`] as const) : [[field, `fields.${index}`] as const];
    const columnKeys = new Set<string>();
    for (const [column, path] of columns) {
      if (field.type === "repeating_group") {
        if (columnKeys.has(column.key)) add(errors, `${path}.key`, "Another column already uses this key.");
        columnKeys.add(column.key);
      }
      if ("options" in column) {
        const keys = column.options.map((option) => option.key);
        if (new Set(keys).size !== keys.length) add(errors, `${path}.options`, "Each choice needs its own key.");
      }
      if (column.type === "number" && column.min !== undefined && column.max !== undefined && column.min >= column.max) {
        add(errors, `${path}.max`, "The largest value must be above the smallest.");
      }
    }
  });
  return errors;
}

export const ZExerciseFormSchema = z
  .object({ fields: z.array(ZExerciseFieldSchema).min(1, "Add at least one field.").max(MAX_FIELDS) })
  .strict()
  .superRefine((form, context) => {
    for (const [path, messages] of Object.entries(definitionRuleErrors(form.fields))) {
      for (const message of messages) context.addIssue({ code: "custom", path: path.split("."), message });
    }
  });
export type TExerciseForm = z.output<typeof ZExerciseFormSchema>;

// --- Answers -------------------------------------------------------------------------

export type TPlainAnswer = string | number | string[] | null;
export type TAnswer = TPlainAnswer | Record<string, TPlainAnswer>[];
export type TAnswers = Record<string, TAnswer>;
/** Field-level messages, keyed like the form's inputs: "situation", "emotions.2.intensity". */
export type TAnswerErrors = Record<string, string[]>;

export const ANSWER_NEEDED = "This one needs an answer.";

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What's wrong with one answer to one plain field, or null. Empty answers are judged by the caller. */
function plainAnswerError(field: TPlainField, value: unknown): string | null {
  const optionKeys = "options" in field ? new Set(field.options.map((option) => option.key)) : null;
  switch (field.type) {
    case "short_text":
    case "long_text": {
      const max = field.type === "short_text" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      if (typeof value !== "string") return "Write it as text.";
      if (!hasNoNul(value)) return NUL_MESSAGE;
      return value.length > max ? `Keep it to ${max.toLocaleString("en")} characters.` : null;
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "Give a number.";
      if (Math.abs(value) > NUMBER_LIMIT) return `Give a number between -${NUMBER_LIMIT.toLocaleString("en")} and ${NUMBER_LIMIT.toLocaleString("en")}.`;
      if (field.isInteger && !Number.isInteger(value)) return "Give a whole number.";
      if (field.min !== undefined && value < field.min) return `Give a number from ${field.min}.`;
      if (field.max !== undefined && value > field.max) return `Give a number up to ${field.max}.`;
      return null;
    }
    case "rating_10":
    case "rating_100": {
      const max = field.type === "rating_10" ? 10 : 100;
      return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max ? null : `Choose a whole number from 0 to ${max}.`;
    }
    case "single_choice":
      return typeof value === "string" && optionKeys!.has(value) ? null : "Choose one of the options.";
    case "multi_choice":
    case "checklist": {
      if (!Array.isArray(value) || !value.every((key) => typeof key === "string" && optionKeys!.has(key))) return "Choose from the options.";
      return new Set(value).size === value.length ? null : "Choose each option once.";
    }
    case "time_of_day":
      return typeof value === "string" && TIME_OF_DAY.test(value) ? null : "Give a time like 07:30.";
    case "ladder_step":
      // Whether it is a step of THIS client's ladder is the server's check (server/exercises/entries.ts).
      return typeof value === "string" && UUID.test(value) ? null : "Choose a step from your ladder.";
    case "duration":
      return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= DURATION_MAX_MINUTES
        ? null
        : `Give a number of minutes from 0 to ${DURATION_MAX_MINUTES}.`;
  }
}

function checkPlain(errors: TAnswerErrors, field: TPlainField, value: unknown, path: string, isComplete: boolean): void {
  if (isEmpty(value)) {
    if (isComplete && field.isRequired) add(errors, path, ANSWER_NEEDED);
    return;
  }
  const problem = plainAnswerError(field, value);
  if (problem) add(errors, path, problem);
}

/**
 * Field-level problems with `answers` for `form`; empty when all is well. A
 * draft (`isComplete: false`) may leave required fields and rows unfinished.
 */
export function answerErrors(form: TExerciseForm, answers: TAnswers, { isComplete }: { isComplete: boolean }): TAnswerErrors {
  const errors: TAnswerErrors = {};
  const known = new Set(form.fields.map((field) => field.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) add(errors, key, "This form has no such question.");
  for (const field of form.fields) {
    const value = answers[field.key];
    if (field.type !== "repeating_group") {
      checkPlain(errors, field, value, field.key, isComplete);
      continue;
    }
    if (isEmpty(value)) {
      if (isComplete && field.isRequired) add(errors, field.key, "Add at least one row.");
      continue;
    }
    if (!Array.isArray(value)) {
      add(errors, field.key, "Add rows to this part.");
      continue;
    }
    if (value.length > field.maxRows) add(errors, field.key, `This part can have up to ${field.maxRows} rows.`);
    const columns = new Set(field.columns.map((column) => column.key));
    value.slice(0, field.maxRows).forEach((row, index) => {
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        add(errors, `${field.key}.${index}`, "This row can't be read.");
        return;
      }
      for (const key of Object.keys(row)) if (!columns.has(key)) add(errors, `${field.key}.${index}.${key}`, "This part has no such column.");
      for (const column of field.columns) checkPlain(errors, column, (row as Record<string, unknown>)[column.key], `${field.key}.${index}.${column.key}`, isComplete);
    });
  }
  return errors;
}
