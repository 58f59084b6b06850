// The exercise form builder's working copy (issue 23): the fields as the
// therapist edits them, and the pure steps the builder takes on them. No zod
// here (it loads when the form is saved, docs/house-style.md H16): the
// definition is checked by ZExerciseFormSchema in the submit path.
//
// INVARIANTS
// - The therapist never sees or types a key. A field's key, a column's key
//   and a choice's key follow its label (lower_snake, unique where it must
//   be) until the form is saved; from then on it is locked, because entries
//   are matched to fields by key across versions.
// - A key that was saved and then removed in this editing session is not
//   handed to a new field: a new question must not inherit the old one's
//   answers.
// - Each step returns a new list; nothing is changed in place.
import type { TExerciseField, TExerciseForm, TPlainField } from "@/lib/exercises/form-definition";
import { FIELD_TYPES, HELP_MAX, KEY_MAX, LABEL_MAX, MAX_FIELDS, MAX_GROUP_COLUMNS, MAX_GROUP_ROWS, MAX_OPTIONS, type TFieldType } from "@/lib/exercises/limits";

/** The definition's limits, from the module without zod (lib/exercises/limits.ts). */
export const BUILDER_LIMITS = {
  maxFields: MAX_FIELDS,
  maxGroupRows: MAX_GROUP_ROWS,
  maxOptions: MAX_OPTIONS,
  maxColumns: MAX_GROUP_COLUMNS,
  keyLength: KEY_MAX,
  labelLength: LABEL_MAX,
  helpLength: HELP_MAX,
} as const;

export const FIELD_TYPE_LABELS: Record<TFieldType, string> = {
  short_text: "Short text",
  long_text: "Long text",
  number: "Number",
  rating_10: "Rating from 0 to 10",
  rating_100: "Rating from 0 to 100",
  single_choice: "Single choice",
  multi_choice: "Multiple choice",
  time_of_day: "Time of day",
  duration: "Duration in minutes",
  checklist: "Checklist",
  ladder_step: "Step on the ladder",
  repeating_group: "Repeating group (rows)",
};

/** In the order the "Add a field" menu offers them. */
export const ADDABLE_TYPES: readonly TFieldType[] = FIELD_TYPES;
/** A group's columns are plain fields: no group in a group. */
export const COLUMN_TYPES = ADDABLE_TYPES.filter((type) => type !== "repeating_group");

export type TDraftOption = { uid: string; key: string; isKeyLocked: boolean; label: string };

/**
 * One field as it is being edited: every setting any type can have, so a
 * change is a plain patch. `toDefinition` keeps only what the type uses.
 * Numbers are kept as typed (text) until saved.
 */
export type TDraftField = {
  uid: string;
  type: TFieldType;
  key: string;
  isKeyLocked: boolean;
  label: string;
  help: string;
  isRequired: boolean;
  options: TDraftOption[];
  min: string;
  max: string;
  isInteger: boolean;
  maxRows: string;
  columns: TDraftField[];
};

export type TDraftPatch = Partial<Pick<TDraftField, "label" | "help" | "isRequired" | "min" | "max" | "isInteger" | "maxRows">>;

const CHOICE_TYPES: ReadonlySet<TFieldType> = new Set(["single_choice", "multi_choice", "checklist"]);
export const hasOptions = (type: TFieldType): boolean => CHOICE_TYPES.has(type);

// --- Keys ---------------------------------------------------------------------------------

/** A key from a label: "How strong (0–100)?" → "how_strong_0_100". Always a valid key. */
export function keyFromLabel(label: string, fallback = "field"): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!words) return fallback;
  const key = /^[a-z]/.test(words) ? words : `${fallback}_${words}`;
  return key.slice(0, BUILDER_LIMITS.keyLength).replace(/_+$/, "");
}

/** `base`, or `base_2`, `base_3`, … : the first one not in `taken`, within the key length. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const ending = `_${suffix}`;
    const candidate = `${base.slice(0, BUILDER_LIMITS.keyLength - ending.length).replace(/_+$/, "")}${ending}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Gives each unlocked item in `items` a key from its label, unique among all of them and `reserved`. */
function keyed<T extends { key: string; isKeyLocked: boolean; label: string }>(items: T[], reserved: ReadonlySet<string>, fallback: string): T[] {
  const taken = new Set(reserved);
  for (const item of items) if (item.isKeyLocked) taken.add(item.key);
  return items.map((item) => {
    if (item.isKeyLocked) return item;
    const key = uniqueKey(keyFromLabel(item.label, fallback), taken);
    taken.add(key);
    return item.key === key ? item : { ...item, key };
  });
}

/**
 * Every unlocked key, worked out again from the labels: fields among the
 * form's fields (avoiding `retired`), columns within their group, choices
 * within their field.
 */
export function assignKeys(fields: TDraftField[], retired: ReadonlySet<string> = new Set()): TDraftField[] {
  return keyed(fields, retired, "field").map((field) => {
    const options = keyed(field.options, new Set(), "choice");
    const columns = keyed(field.columns, new Set(), "column").map((column) => {
      const columnOptions = keyed(column.options, new Set(), "choice");
      return columnOptions.every((option, at) => option === column.options[at]) ? column : { ...column, options: columnOptions };
    });
    const isSame = options.every((option, at) => option === field.options[at]) && columns.every((column, at) => column === field.columns[at]);
    return isSame ? field : { ...field, options, columns };
  });
}

/**
 * After a save of `saved`: each field, column and choice that was saved keeps
 * the key it was saved with, from now on, whatever its label becomes (even
 * if it was relabelled while the save was on its way). Ones added since
 * still follow their labels.
 */
export function lockSavedKeys(fields: TDraftField[], saved: TDraftField[]): TDraftField[] {
  const lock = <T extends { uid: string; key: string; isKeyLocked: boolean }>(items: T[], savedItems: T[]): T[] =>
    items.map((item) => {
      const match = savedItems.find((candidate) => candidate.uid === item.uid);
      return match ? { ...item, key: match.key, isKeyLocked: true } : item;
    });
  const lockField = (field: TDraftField, match: TDraftField | undefined): TDraftField =>
    match ? { ...field, options: lock(field.options, match.options), columns: lockFields(field.columns, match.columns) } : field;
  const lockFields = (items: TDraftField[], savedItems: TDraftField[]): TDraftField[] =>
    lock(items, savedItems).map((field) => lockField(field, savedItems.find((candidate) => candidate.uid === field.uid)));
  return lockFields(fields, saved);
}

// --- New fields ---------------------------------------------------------------------------

const option = (uid: string): TDraftOption => ({ uid, key: "choice", isKeyLocked: false, label: "" });

/** A new field of `type` with nothing filled in yet; `uid` makes its own, its options' and columns' uids. */
export function newField(type: TFieldType, uid: string): TDraftField {
  const field: TDraftField = {
    uid,
    type,
    key: "field",
    isKeyLocked: false,
    label: "",
    help: "",
    isRequired: false,
    options: [],
    min: "",
    max: "",
    isInteger: false,
    maxRows: "",
    columns: [],
  };
  if (type === "single_choice" || type === "multi_choice") field.options = [option(`${uid}o1`), option(`${uid}o2`)];
  if (type === "checklist") field.options = [option(`${uid}o1`)];
  if (type === "repeating_group") {
    field.maxRows = "10";
    field.columns = [{ ...newField("short_text", `${uid}c1`), key: "column" }];
  }
  return field;
}

export function newOption(uid: string): TDraftOption {
  return option(uid);
}

// --- Moving and counting -----------------------------------------------------------------

/** `items` with the one at `index` moved by `offset` (−1 up, +1 down); the same list when it can't move. */
export function moveItem<T>(items: T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return items;
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

/** Fields as the 40-field limit counts them: a group's columns each count. */
export function fieldCount(fields: TDraftField[]): number {
  return fields.reduce((sum, field) => sum + (field.type === "repeating_group" ? field.columns.length : 1), 0);
}

// --- To and from the definition ----------------------------------------------------------

function fromOptions(options: { key: string; label: string }[], uid: string): TDraftOption[] {
  return options.map((choice, at) => ({ uid: `${uid}o${at}`, key: choice.key, isKeyLocked: true, label: choice.label }));
}

function fromField(field: TExerciseField, uid: string): TDraftField {
  const draft = { ...newField(field.type, uid), key: field.key, isKeyLocked: true, label: field.label, help: field.help ?? "", isRequired: field.isRequired };
  switch (field.type) {
    case "single_choice":
    case "multi_choice":
    case "checklist":
      return { ...draft, options: fromOptions(field.options, uid) };
    case "number":
      return { ...draft, min: field.min === undefined ? "" : String(field.min), max: field.max === undefined ? "" : String(field.max), isInteger: field.isInteger };
    case "repeating_group":
      return { ...draft, maxRows: String(field.maxRows), columns: field.columns.map((column, at) => fromField(column, `${uid}c${at}`)) };
    default:
      return draft;
  }
}

/** A saved form as the builder edits it: every key locked. Uids are positional, the same on the server and in the browser. */
export function fromDefinition(form: TExerciseForm | null, { whenEmpty = [] }: { whenEmpty?: TExerciseField[] } = {}): TDraftField[] {
  const fields = form?.fields ?? whenEmpty;
  return fields.map((field, at) => fromField(field, `s${at}`));
}

/** Problems the builder finds before the schema does: numbers typed that aren't numbers. Paths as the schema's. */
export type TBuilderErrors = Record<string, string[]>;

function readNumber(text: string, path: string, errors: TBuilderErrors, message: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  errors[path] = [message];
  return undefined;
}

function toPlain(field: TDraftField, path: string, errors: TBuilderErrors): TPlainField {
  const base = { key: field.key, label: field.label, isRequired: field.isRequired, ...(field.help.trim() ? { help: field.help } : {}) };
  switch (field.type) {
    case "single_choice":
    case "multi_choice":
    case "checklist":
      return { ...base, type: field.type, options: field.options.map(({ key, label }) => ({ key, label })) };
    case "number": {
      const min = readNumber(field.min, `${path}.min`, errors, "Give a number, or leave it empty.");
      const max = readNumber(field.max, `${path}.max`, errors, "Give a number, or leave it empty.");
      return { ...base, type: "number", isInteger: field.isInteger, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
    }
    case "repeating_group":
      // Never a column (the editor offers no group there); kept as text so the schema refuses it if it ever is.
      return { ...base, type: "short_text" };
    default:
      return { ...base, type: field.type };
  }
}

/**
 * The definition the draft stands for, and what is wrong with it that the
 * schema could not say as well (a number typed as "ten"). The form is as
 * close as it can be when there are errors, so the preview can show it.
 */
export function toDefinition(fields: TDraftField[]): { form: TExerciseForm; errors: TBuilderErrors } {
  const errors: TBuilderErrors = {};
  const definition = fields.map((field, index): TExerciseField => {
    const path = `fields.${index}`;
    if (field.type !== "repeating_group") return toPlain(field, path, errors);
    const maxRows = readNumber(field.maxRows, `${path}.maxRows`, errors, `Give a number of rows from 1 to ${BUILDER_LIMITS.maxGroupRows}.`);
    if (maxRows === undefined && !errors[`${path}.maxRows`]) errors[`${path}.maxRows`] = [`Give a number of rows from 1 to ${BUILDER_LIMITS.maxGroupRows}.`];
    return {
      key: field.key,
      label: field.label,
      isRequired: field.isRequired,
      ...(field.help.trim() ? { help: field.help } : {}),
      type: "repeating_group",
      maxRows: maxRows ?? 1,
      columns: field.columns.map((column, at) => toPlain(column, `${path}.columns.${at}`, errors)),
    };
  });
  return { form: { fields: definition }, errors };
}

/** Schema issues as the builder shows them: one list of messages per path ("fields.3.label"). */
export function errorsByPath(issues: { path: PropertyKey[]; message: string }[]): TBuilderErrors {
  const errors: TBuilderErrors = {};
  for (const issue of issues) (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return errors;
}

/** Errors at `path` exactly; a key's errors are shown at the label, since the key follows the label. */
export function errorsAt(errors: TBuilderErrors, path: string): string[] | undefined {
  const own = [...(errors[path] ?? []), ...(path.endsWith(".label") ? (errors[path.replace(/\.label$/, ".key")] ?? []) : [])];
  return own.length ? own : undefined;
}

/** How many problems sit at or under `path` (to say "this field has 2 problems"). */
export function problemsUnder(errors: TBuilderErrors, path: string): number {
  return Object.entries(errors).reduce((sum, [at, messages]) => sum + (at === path || at.startsWith(`${path}.`) ? messages.length : 0), 0);
}
