"use client";

// The person's notifications, newest first. Each leads to its record and is
// marked read on the way there; new ones arrive through the bell's live
// topic (components/notifications/bell.tsx refreshes this list too).
import Link from "next/link";
import { useMutation, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate, useShowMore } from "@/components/trpc/use-invalidate";
import { Button } from "@/components/ui/button";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { EmptyState } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";

export function NotificationList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const list = useSuspenseInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const more = useShowMore(trpc.notifications.list.infiniteQueryKey({}), list);
  const refresh = () => invalidate(trpc.notifications.pathKey());
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: refresh }));
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: refresh }));

  const items = list.data.pages.flatMap((page) => page.items);
  const hasUnread = items.some((item) => !item.readAt);

  if (items.length === 0) {
    return <EmptyState>Nothing new. When something needs you, it will show up here.</EmptyState>;
  }

  return (
    <section aria-labelledby="notifications-list" className="flex flex-col gap-4">
      <h2 id="notifications-list" className="sr-only">
        All notifications
      </h2>
      {markAllRead.isError ? <Alert tone="error">{markAllRead.error.message}</Alert> : null}
      {hasUnread ? (
        <Button variant="secondary" className="self-start" disabled={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
          Mark all as read
        </Button>
      ) : null}
      <ul aria-label="Notifications" className="flex flex-col gap-2">
        {items.map((item) => {
          const isUnread = !item.readAt;
          return (
            <li key={item.id}>
              <Link
                href={item.linkPath}
                onClick={() => {
                  if (isUnread) markRead.mutate({ id: item.id });
                }}
                className={`flex min-h-11 flex-col gap-1 rounded-lg border px-4 py-3 hover:bg-canvas ${
                  isUnread ? "border-brand/40 bg-brand-soft" : "border-line bg-surface"
                }`}
              >
                <span className="flex items-start gap-2">
                  {isUnread ? (
                    <span aria-hidden="true" className="mt-2 inline-block size-2 shrink-0 rounded-full bg-brand" />
                  ) : null}
                  <span className={isUnread ? "font-semibold" : undefined}>
                    {isUnread ? <span className="sr-only">Unread: </span> : null}
                    {item.title}
                  </span>
                </span>
                <DateTime at={item.createdAt} timeZone={timeZone} className="text-sm text-ink-muted" />
              </Link>
            </li>
          );
        })}
      </ul>
      <LoadMoreButton hasMore={list.hasNextPage} isLoading={more.isLoading} onClick={more.showMore}>
        Show more
      </LoadMoreButton>
    </section>
  );
}
