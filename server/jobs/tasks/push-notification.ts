// Task `push_notification`: a web push (title and link only) of one
// notification to each of the person's devices, unless it was read meanwhile,
// its work ended, or the person no longer wants it pushed.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db/client";
import { sendNotificationPush } from "../../notifications/push";

const ZPushNotificationPayloadSchema = z.object({ notificationId: z.uuid() }).strict();

export const pushNotification: Task = async (payload) => {
  const parsed = ZPushNotificationPayloadSchema.safeParse(payload);
  if (!parsed.success) return;
  await sendNotificationPush(getDb(), parsed.data.notificationId);
};
