// A person's own notifications: the bell's count, the list, marking read.
//
// INVARIANT: a notification is reachable only by the person it was written
// for. Every read and write below goes through notificationWhereForUser();
// another person's id answers NOT_FOUND and changes nothing.
// Marking read tells the person's other open pages (topic `user:<id>`), so
// every bell agrees.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { notFound } from "../errors";
import { now as clockNow } from "../clock";
import { publish } from "../live/bus";
import { userTopic } from "./notify";
import { NOTIFICATION_PAGE_SIZE } from "../../lib/schemas/notification";
import { pageCursor, parsePageCursor } from "../../lib/schemas/common";

export function notificationWhereForUser(user: Pick<TSessionUser, "id">): Prisma.NotificationWhereInput {
  return { userId: user.id };
}

const ITEM_SELECT = { id: true, kind: true, title: true, linkPath: true, readAt: true, createdAt: true } as const;

/** Newest first, NOTIFICATION_PAGE_SIZE at a time, by (createdAt, id) (index: user_id, created_at). */
export async function listNotifications(db: TDb, user: TSessionUser, cursor?: string | null) {
  const after = cursor ? parsePageCursor(cursor) : null;
  const rows = await db.notification.findMany({
    where: {
      AND: [
        notificationWhereForUser(user),
        after
          ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
          : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATION_PAGE_SIZE + 1,
    select: ITEM_SELECT,
  });
  const items = rows.slice(0, NOTIFICATION_PAGE_SIZE);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > NOTIFICATION_PAGE_SIZE && last ? pageCursor(last) : null };
}

export function unreadCount(db: TDb, user: Pick<TSessionUser, "id">): Promise<number> {
  return db.notification.count({ where: { AND: [notificationWhereForUser(user), { readAt: null }] } });
}

/** Idempotent: a notification already read keeps the time it was first read. */
export async function markRead(db: TDb, user: TSessionUser, id: string): Promise<void> {
  const own = await db.notification.findFirst({
    where: { AND: [{ id }, notificationWhereForUser(user)] },
    select: { id: true, readAt: true },
  });
  if (!own) throw notFound("That notification");
  if (own.readAt) return;
  await db.notification.updateMany({ where: { AND: [{ id: own.id, readAt: null }, notificationWhereForUser(user)] }, data: { readAt: clockNow() } });
  await publish(db, userTopic(user.id));
}

export async function markAllRead(db: TDb, user: TSessionUser): Promise<{ count: number }> {
  const { count } = await db.notification.updateMany({
    where: { AND: [notificationWhereForUser(user), { readAt: null }] },
    data: { readAt: clockNow() },
  });
  if (count > 0) await publish(db, userTopic(user.id));
  return { count };
}
