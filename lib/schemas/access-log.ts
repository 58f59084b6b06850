// Inputs of the access log ("Who has looked at your records") and its
// therapist counterpart. Pages go by (createdAt, id) of the last row shown.
import { z } from "zod";

export const ACCESS_LOG_PAGE_SIZE = 20;

const CURSOR_MESSAGE = "That page link isn't valid.";

export const ZAccessLogCursorSchema = z
  .string()
  .max(80)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, CURSOR_MESSAGE)
  .refine((value) => !Number.isNaN(Date.parse(value.slice(0, 24))), CURSOR_MESSAGE);

export function accessLogCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}

export function parseAccessLogCursor(cursor: string): { createdAt: Date; id: string } {
  return { createdAt: new Date(cursor.slice(0, 24)), id: cursor.slice(25) };
}

/** `direction` is added by TanStack's infinite queries; only forward is used. */
export const ZAccessLogListSchema = z
  .object({ cursor: ZAccessLogCursorSchema.nullish(), direction: z.enum(["forward", "backward"]).optional() })
  .strict();
export type TAccessLogList = z.infer<typeof ZAccessLogListSchema>;

export const ZEngagementAccessLogSchema = z
  .object({
    engagementId: z.uuid("That link isn't valid."),
    cursor: ZAccessLogCursorSchema.nullish(),
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();
