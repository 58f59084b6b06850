// Rules many input schemas share, each because the database behind them
// would otherwise refuse the value with a 500 instead of a field message.
import { z } from "zod";

/**
 * Postgres text cannot hold U+0000 ("invalid byte sequence for encoding
 * UTF8: 0x00") and nobody types it on purpose: it arrives with text pasted
 * from binary files. Every free-text field refuses it, whether or not its
 * column is sealed today, so the rule doesn't depend on how a field is stored.
 */
export const NUL_MESSAGE = "This text contains a hidden control character. Please retype it.";

export function hasNoNul(value: string): boolean {
  return !value.includes("\u0000");
}

/** The largest value of a Postgres `integer` column (version counters are `Int`). */
export const MAX_INT4 = 2_147_483_647;

/** Optimistic-concurrency version as the page last saw it (docs/house-style.md, H9). */
export const ZVersionSchema = z
  .number({ error: "Reload the page and try again." })
  .int("Reload the page and try again.")
  .positive("Reload the page and try again.")
  .max(MAX_INT4, "Reload the page and try again.");

/**
 * Where the next page of a list ordered by (createdAt, id) starts: the last
 * item's `createdAt` (ISO, ms) and id, so items written in the same
 * millisecond are neither skipped nor repeated (notifications, messages).
 */
export const ZPageCursorSchema = z
  .string()
  .max(80)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "That page link isn't valid.")
  .refine((value) => !Number.isNaN(Date.parse(value.slice(0, 24))), "That page link isn't valid.");

export function pageCursor(item: { createdAt: Date; id: string }): string {
  return `${item.createdAt.toISOString()}_${item.id}`;
}

export function parsePageCursor(cursor: string): { createdAt: Date; id: string } {
  return { createdAt: new Date(cursor.slice(0, 24)), id: cursor.slice(25) };
}
