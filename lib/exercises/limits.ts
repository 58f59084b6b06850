// An exercise form's limits (issue 23), apart from the zod schemas that
// check them (./form-definition.ts re-exports them), so a page that only
// shows a form's fields ships none of zod (docs/house-style.md, H16).
export const MAX_FIELDS = 40;
export const MAX_GROUP_ROWS = 50;
export const MAX_OPTIONS = 20;
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4_000;
/** A duration is minutes, up to a day. */
export const DURATION_MAX_MINUTES = 24 * 60;
