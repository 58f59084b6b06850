// The preferences page of one person: how they hear about each kind of
// their role, when their reminder or digest goes out, and their quiet hours.
//
// INVARIANTS
// - A person reads and changes only their own choices (ids from the session).
// - Only kinds of their own role, each only on a channel that kind allows;
//   a client sets the homework reminder time, a therapist the digest time.
//   Anything else is a field error and nothing is written.
// - All choices of one save are written in one transaction.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { NotificationKind } from "../db/generated/enums";
import { fieldError } from "../errors";
import type { TUpdateNotificationPreferences } from "../../lib/schemas/notification";
import { kindsForRole, NOTIFICATION_KINDS } from "../../lib/notifications/kinds";
import { settingsFor, NOTIFICATION_SETTINGS_DEFAULTS } from "./preferences";

export async function getPreferences(db: TDb, user: TSessionUser) {
  const kinds = kindsForRole(user.role);
  const [rows, settings, devices] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId: user.id, kind: { in: kinds } }, select: { kind: true, channel: true } }),
    settingsFor(db, user.id),
    db.pushSubscription.count({ where: { userId: user.id } }),
  ]);
  const chosen = new Map(rows.map((row) => [row.kind, row.channel]));
  return {
    kinds: kinds.map((kind) => ({
      kind,
      label: NOTIFICATION_KINDS[kind].label,
      hint: NOTIFICATION_KINDS[kind].hint,
      channels: [...NOTIFICATION_KINDS[kind].channels],
      channel: chosen.get(kind) ?? NOTIFICATION_KINDS[kind].defaultChannel,
    })),
    /** The client's homework reminder time, or the therapist's digest time. */
    reminder:
      user.role === "client"
        ? { field: "homeworkReminderAt" as const, at: settings.homeworkReminderAt }
        : { field: "digestAt" as const, at: settings.digestAt },
    /** Whether any device of theirs is set up for pushes ("on my devices" reaches nothing without one). */
    hasPushDevice: devices > 0,
    hasQuietHours: settings.quietFrom !== null && settings.quietUntil !== null,
    quietFrom: settings.quietFrom ?? NOTIFICATION_SETTINGS_DEFAULTS.quietFrom!,
    quietUntil: settings.quietUntil ?? NOTIFICATION_SETTINGS_DEFAULTS.quietUntil!,
  };
}

export async function updatePreferences(db: TDb, user: TSessionUser, input: TUpdateNotificationPreferences): Promise<void> {
  const own = new Set(kindsForRole(user.role));
  const entries = Object.entries(input.channels) as [NotificationKind, NonNullable<TUpdateNotificationPreferences["channels"][NotificationKind]>][];
  if (entries.some(([kind]) => !own.has(kind))) {
    throw fieldError("channels", "Some of these notifications aren't ones Alliance sends you. Reload the page and try again.");
  }
  if (user.role === "client" && input.digestAt !== undefined) {
    throw fieldError("digestAt", "The daily digest is for therapists.");
  }
  if (user.role === "therapist" && input.homeworkReminderAt !== undefined) {
    throw fieldError("homeworkReminderAt", "Homework reminders are for clients.");
  }
  const quiet = input.hasQuietHours
    ? { quietFrom: input.quietFrom || null, quietUntil: input.quietUntil || null }
    : { quietFrom: null, quietUntil: null };
  const times = {
    ...(input.homeworkReminderAt !== undefined ? { homeworkReminderAt: input.homeworkReminderAt } : {}),
    ...(input.digestAt !== undefined ? { digestAt: input.digestAt } : {}),
    ...quiet,
  };
  await db.$transaction([
    ...entries.map(([kind, channel]) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, channel },
        update: { channel },
        select: { kind: true },
      }),
    ),
    db.notificationSettings.upsert({
      where: { userId: user.id },
      create: { userId: user.id, ...times },
      update: times,
      select: { userId: true },
    }),
  ]);
}
