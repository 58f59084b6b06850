// What a person gets of each kind, and when reminders may reach them. Rows
// exist only for choices a person made; everything else is the default in
// lib/notifications/kinds.ts and NOTIFICATION_SETTINGS_DEFAULTS.
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { NotificationChannel, NotificationKind } from "../db/generated/enums";
import { NOTIFICATION_KINDS } from "../../lib/notifications/kinds";

export type TNotificationSettings = {
  homeworkReminderAt: string;
  digestAt: string;
  quietFrom: string | null;
  quietUntil: string | null;
};

/** Kept equal to the column defaults in prisma/schema.prisma (NotificationSettings). */
export const NOTIFICATION_SETTINGS_DEFAULTS: TNotificationSettings = {
  homeworkReminderAt: "18:00",
  digestAt: "08:00",
  quietFrom: "21:00",
  quietUntil: "08:00",
};

type TReader = TDb | Prisma.TransactionClient;

export async function channelFor(db: TReader, userId: string, kind: NotificationKind): Promise<NotificationChannel> {
  const row = await db.notificationPreference.findUnique({
    where: { userId_kind: { userId, kind } },
    select: { channel: true },
  });
  return row?.channel ?? NOTIFICATION_KINDS[kind].defaultChannel;
}

export async function setChannel(
  db: TReader,
  userId: string,
  kind: NotificationKind,
  channel: NotificationChannel,
): Promise<void> {
  await db.notificationPreference.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, channel },
    update: { channel },
  });
}

export async function settingsFor(db: TReader, userId: string): Promise<TNotificationSettings> {
  const row = await db.notificationSettings.findUnique({
    where: { userId },
    select: { homeworkReminderAt: true, digestAt: true, quietFrom: true, quietUntil: true },
  });
  return row ?? NOTIFICATION_SETTINGS_DEFAULTS;
}
