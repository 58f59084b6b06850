// Task `notification_email`: e-mails one notification (title and link only),
// unless it was read meanwhile or the person no longer wants it by e-mail.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db/client";
import { sendNotificationEmail } from "../../notifications/emails";

const ZNotificationEmailPayloadSchema = z.object({ notificationId: z.uuid() }).strict();

export const notificationEmail: Task = async (payload) => {
  const parsed = ZNotificationEmailPayloadSchema.safeParse(payload);
  // A malformed payload never gets better by retrying: drop it.
  if (!parsed.success) return;
  await sendNotificationEmail(getDb(), parsed.data.notificationId);
};
