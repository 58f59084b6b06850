// The one way to tell someone something happened. Domain code calls
// notify() inside the transaction of the change it reports.
//
// Invariants:
// - A notification carries a title and a link only: never note, journal,
//   reflection, agenda or feedback text (docs/security-and-privacy.md, S18). Titles name people and
//   kinds of record ("New homework from Dr. Ames"), which are not clinical.
// - The person's choice for the kind decides: `off` writes nothing, `in_app`
//   writes the row, `email` writes the row and queues one e-mail for it (key
//   `notification-email:<id>`, so it is sent once). An e-mail that would fall
//   in the person's quiet hours waits until they end (their own clock).
//   `push` writes the row and queues one web push to the person's devices
//   (key `push:<id>`), held by quiet hours the same way
//   (server/notifications/push.ts); a person without devices gets the row only.
//   Grouped kinds (messages) queue one `message_email` job per person and
//   conversation instead, GROUPED_EMAIL_DELAY_MS after the first, so several
//   in a row make one e-mail (sendMessageEmail, server/notifications/emails.ts).
// - The bell of every open page of that person is told through the live bus
//   (topic `user:<id>`, no payload), after the transaction commits.
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { NotificationKind } from "../db/generated/enums";
import { publish } from "../live/bus";
import { enqueue } from "../jobs/queue";
import { GROUPED_EMAIL_KINDS, isEmailOnly } from "../../lib/notifications/kinds";
import { channelFor, settingsFor } from "./preferences";
import { now as clockNow } from "../clock";
import { nextAllowedInstant } from "../../lib/notifications/quiet-hours";
import { PUSH_MAX_ATTEMPTS } from "./push";

export type TNotice = {
  userId: string;
  kind: NotificationKind;
  /** Short and non-clinical, e.g. "New homework from Dr. Ames". */
  title: string;
  /** Where it leads, an app path such as `/homework/<id>`. */
  linkPath: string;
  /** The work it is about (null for none): its e-mail is dropped if that work ends first. */
  engagementId: string | null;
};

export function userTopic(userId: string): string {
  return `user:${userId}`;
}

/** Returns the notification's id, or null when the person switched this kind off. */
export async function notify(db: TDb | Prisma.TransactionClient, notice: TNotice): Promise<string | null> {
  if (isEmailOnly(notice.kind)) throw new Error(`${notice.kind} is e-mail only; it has no in-app notification.`);
  const channel = await channelFor(db, notice.userId, notice.kind);
  if (channel === "off") return null;
  const notification = await db.notification.create({
    data: { userId: notice.userId, kind: notice.kind, title: notice.title, linkPath: notice.linkPath, engagementId: notice.engagementId },
    select: { id: true },
  });
  if (channel === "email" && GROUPED_EMAIL_KINDS.includes(notice.kind) && notice.engagementId) {
    await enqueue(db, "message_email", { userId: notice.userId, engagementId: notice.engagementId }, {
      jobKey: `message-email:${notice.userId}:${notice.engagementId}`,
      jobKeyMode: "preserve_run_at",
      runAt: await emailTimeFor(db, notice.userId, GROUPED_EMAIL_DELAY_MS),
    });
  } else if (channel === "email") {
    await enqueue(db, "notification_email", { notificationId: notification.id }, {
      jobKey: `notification-email:${notification.id}`,
      runAt: await emailTimeFor(db, notice.userId),
    });
  }
  if (channel === "push") await enqueuePush(db, notice.userId, notification.id);
  await publish(db, userTopic(notice.userId));
  return notification.id;
}

/** Queues the web push of a notification, after quiet hours; runs only if the caller's transaction commits. */
export async function enqueuePush(db: TDb | Prisma.TransactionClient, userId: string, notificationId: string): Promise<void> {
  await enqueue(db, "push_notification", { notificationId }, {
    jobKey: `push:${notificationId}`,
    runAt: await emailTimeFor(db, userId),
    maxAttempts: PUSH_MAX_ATTEMPTS,
  });
}

/** How long a grouped e-mail waits for more of its kind after the first. */
export const GROUPED_EMAIL_DELAY_MS = 10 * 60_000;

/** Undefined (at once) outside quiet hours and without a delay; otherwise the first allowed moment after the delay. */
async function emailTimeFor(db: TDb | Prisma.TransactionClient, userId: string, delayMs = 0): Promise<Date | undefined> {
  const [user, settings] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true } }),
    settingsFor(db, userId),
  ]);
  const now = clockNow();
  const allowed = nextAllowedInstant(new Date(now.getTime() + delayMs), settings, user.timeZone);
  return allowed.getTime() > now.getTime() ? allowed : undefined;
}
