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
