// Task `reminder_email`: sends one reminder recorded as `sent` in the ledger,
// after re-checking that it still holds (server/notifications/emails.ts).
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db/client";
import { sendReminderEmail } from "../../notifications/emails";

const ZReminderEmailPayloadSchema = z.object({ key: z.string().min(1).max(200) }).strict();

export const reminderEmail: Task = async (payload) => {
  const parsed = ZReminderEmailPayloadSchema.safeParse(payload);
  if (!parsed.success) return;
  await sendReminderEmail(getDb(), parsed.data.key);
};
