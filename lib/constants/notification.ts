// Words for notification channels, for the preferences form (no validation
// code here: lib/schemas/notification.ts checks the choices).
import type { NotificationChannel } from "../trpc/types";

/** Plain words for a channel, as the form shows them. */
export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  in_app: "In Alliance",
  email: "In Alliance and by e-mail",
  push: "In Alliance and on my devices",
  off: "Off",
};
