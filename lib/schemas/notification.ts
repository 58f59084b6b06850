// Input schemas for the notification inbox and the person's notification
// preferences: the account form and the procedures validate with the same
// objects. Which kinds belong to the signed-in person's role is checked on
// the server (server/notifications/preferences.ts), which knows the role.
import { z } from "zod";
import { NOTIFICATION_KINDS } from "../notifications/kinds";
import { isQuietTime } from "../notifications/quiet-hours";
import { ZPageCursorSchema } from "./common";
import type { NotificationChannel, NotificationKind } from "../trpc/types";

export { CHANNEL_LABELS } from "../constants/notification";

export const NOTIFICATION_PAGE_SIZE = 20;

const KINDS = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];
const CHANNELS = ["in_app", "email", "push", "off"] as const satisfies readonly NotificationChannel[];

/** `direction` is added by TanStack's infinite queries; only forward is used. */
export const ZNotificationListSchema = z
  .object({
    cursor: ZPageCursorSchema.nullish(),
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();
export type TNotificationList = z.infer<typeof ZNotificationListSchema>;

export const ZNotificationRefSchema = z.object({ id: z.uuid("That notification link isn't valid.") }).strict();

const TIME_MESSAGE = "Use a 24-hour time like 18:00.";

/** A local time of day, "HH:MM" on a 24-hour clock (what <input type="time"> sends). */
export const ZTimeOfDaySchema = z
  .string({ error: TIME_MESSAGE })
  .max(5, TIME_MESSAGE)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, TIME_MESSAGE);

export const ZUpdateNotificationPreferencesSchema = z
  .object({
    channels: z.partialRecord(
      z.enum(KINDS, "That isn't a kind of notification Alliance sends."),
      z.enum(CHANNELS, "Choose how you'd like to hear about this."),
    ),
    homeworkReminderAt: ZTimeOfDaySchema.optional(),
    digestAt: ZTimeOfDaySchema.optional(),
    hasQuietHours: z.boolean({ error: "Say whether you'd like quiet hours." }),
    /** Ignored (and may be empty) without quiet hours. */
    quietFrom: z.union([ZTimeOfDaySchema, z.literal("")]).optional(),
    quietUntil: z.union([ZTimeOfDaySchema, z.literal("")]).optional(),
  })
  .strict()
  .superRefine((value, context) => {
    for (const [kind, channel] of Object.entries(value.channels) as [NotificationKind, NotificationChannel][]) {
      const info = NOTIFICATION_KINDS[kind];
      if (!info.channels.includes(channel)) {
        context.addIssue({
          code: "custom",
          path: ["channels"],
          message: `${info.label} can only be ${info.channels.map(channelWords).join(" or ")}.`,
        });
      }
    }
    if (!value.hasQuietHours) return;
    if (!value.quietFrom) context.addIssue({ code: "custom", path: ["quietFrom"], message: "Choose when quiet hours start." });
    if (!value.quietUntil) context.addIssue({ code: "custom", path: ["quietUntil"], message: "Choose when quiet hours end." });
    if (value.quietFrom && value.quietFrom === value.quietUntil) {
      context.addIssue({ code: "custom", path: ["quietUntil"], message: "Quiet hours need to end at a different time than they start." });
    }
    // A daily time inside quiet hours would never arrive: say so rather than stay silent.
    const quiet = { quietFrom: value.quietFrom || null, quietUntil: value.quietUntil || null };
    for (const field of ["homeworkReminderAt", "digestAt"] as const) {
      const time = value[field];
      if (time && isQuietTime(time, quiet)) {
        context.addIssue({
          code: "custom",
          path: [field],
          message: "That's inside your quiet hours, so nothing would arrive. Choose a time outside them, or change your quiet hours.",
        });
      }
    }
  });
export type TUpdateNotificationPreferences = z.infer<typeof ZUpdateNotificationPreferencesSchema>;


function channelWords(channel: NotificationChannel): string {
  return { in_app: "in Alliance", email: "by e-mail", push: "on your devices", off: "off" }[channel];
}
