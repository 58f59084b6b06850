import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { NotificationList } from "@/components/notifications/notification-list";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser({ returnTo: "/notifications" });
  await getQueryClient().prefetchInfiniteQuery(trpc.notifications.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold">Notifications</h1>
      <NotificationList timeZone={user.timeZone} />
    </HydrateClient>
  );
}
