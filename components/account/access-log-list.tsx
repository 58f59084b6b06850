"use client";

// "Who has looked at your records" (clients) and "Your activity" (a
// therapist, per client): the audit trail in plain words, newest first, 20 at
// a time. The server words each row (server/audit/access-log.ts).
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { EmptyState } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

type TItem = { id: string; at: Date; who: string; summary: string };
type TList = { items: TItem[]; hasMore: boolean; isLoadingMore: boolean; loadMore: () => void };

function AccessLogItems({ list, timeZone, showWho, empty }: { list: TList; timeZone: string; showWho: boolean; empty: string }) {
  if (list.items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <section className="flex flex-col gap-4">
      <ul aria-label="Activity, newest first" className="flex flex-col gap-2">
        {list.items.map((item) => (
          <li key={item.id} className="flex flex-col gap-1 rounded-lg border border-line bg-surface px-4 py-3">
            <span>
              {showWho ? <span className="font-semibold">{item.who} </span> : null}
              {showWho ? item.summary.charAt(0).toLowerCase() + item.summary.slice(1) : item.summary}
            </span>
            <DateTime at={item.at} timeZone={timeZone} className="text-sm text-ink-muted" />
          </li>
        ))}
      </ul>
      <LoadMoreButton hasMore={list.hasMore} isLoading={list.isLoadingMore} onClick={list.loadMore}>
        Show older
      </LoadMoreButton>
    </section>
  );
}

const nextPage = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

export function ClientAccessLog({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(trpc.accessLog.mine.infiniteQueryOptions({}, { getNextPageParam: nextPage }));
  const list = {
    items: query.data.pages.flatMap((page) => page.items),
    hasMore: query.hasNextPage,
    isLoadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
  return (
    <AccessLogItems
      list={list}
      timeZone={timeZone}
      showWho
      empty="Nobody else has opened or changed your records yet. When your therapist does, it will show here."
    />
  );
}

export function TherapistActivityLog({ engagementId, timeZone }: { engagementId: string; timeZone: string }) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.accessLog.forEngagement.infiniteQueryOptions({ engagementId }, { getNextPageParam: nextPage }),
  );
  const list = {
    items: query.data.pages.flatMap((page) => page.items),
    hasMore: query.hasNextPage,
    isLoadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
  return <AccessLogItems list={list} timeZone={timeZone} showWho={false} empty="You haven't opened this client's records yet." />;
}
