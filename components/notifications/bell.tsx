"use client";

// The header's way into notifications: the unread count, kept current
// without a reload. The person's own live topic (app/api/live/me) says
// "something changed"; the count is then re-read through the API.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { useLiveTopic } from "@/components/live/use-live-topic";

export function unreadLabel(count: number): string {
  return count === 0 ? "Notifications, none unread" : `Notifications, ${count} unread`;
}

/** `initialCount` comes with the page, so the first render needs no request. */
export function Bell({ initialCount }: { initialCount: number }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const pathname = usePathname();
  const { data } = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { initialData: { count: initialCount } }));
  // Refreshes the open notifications page too: both read under this path.
  useLiveTopic("/api/live/me", () => void invalidate(trpc.notifications.pathKey()));
  const count = data.count;
  const isCurrent = pathname === "/notifications";

  return (
    <Link
      href="/notifications"
      aria-label={unreadLabel(count)}
      aria-current={isCurrent ? "page" : undefined}
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg text-ink hover:bg-canvas aria-[current=page]:bg-brand-soft aria-[current=page]:text-brand-strong"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute right-0.5 top-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-brand px-1 text-xs font-semibold leading-5 text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
