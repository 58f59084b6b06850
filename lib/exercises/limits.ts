// The sizes and types of an exercise form (issue 23), without zod, so a page
// that draws a form or builds one need not load the schema with it
// (docs/house-style.md H16). lib/exercises/form-definition.ts checks with
// these and re-exports them.

export const MAX_FIELDS = 40;
export const MAX_GROUP_ROWS = 50;
export const MAX_GROUP_COLUMNS = 8;
export const MAX_OPTIONS = 20;
export const KEY_MAX = 40;
export const LABEL_MAX = 120;
export const HELP_MAX = 300;
/** A number field's limits, and any number answered, stay within ± this (docs/house-style.md, H12). */
export const NUMBER_LIMIT = 1_000_000;
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4_000;
/** A duration is minutes, up to a day. */
export const DURATION_MAX_MINUTES = 24 * 60;

export const FIELD_TYPES = [
  "short_text",
  "long_text",
  "number",
  "rating_10",
  "rating_100",
  "single_choice",
  "multi_choice",
  "time_of_day",
  "duration",
  "checklist",
  "ladder_step",
  "repeating_group",
] as const;
export type TFieldType = (typeof FIELD_TYPES)[number];
