import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { ClientAccessLog } from "@/components/account/access-log-list";

export const metadata: Metadata = { title: "Who has looked at your records" };

export default async function AccessLogPage() {
  const user = await requireUser({ role: "client", returnTo: "/access-log" });
  await getQueryClient().prefetchInfiniteQuery(
    trpc.accessLog.mine.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  return (
    <HydrateClient>
      <Link href="/account" className="text-brand-strong underline">
        ← Account
      </Link>
      <h1 className="text-2xl font-semibold">Who has looked at your records</h1>
      <p className="text-ink-muted">
        Each time someone other than you opened or changed your goals, homework, sessions, feedback or what you shared
        from your journal, Alliance wrote it down. Newest first, in your time zone ({user.timeZone}).
      </p>
      <ClientAccessLog timeZone={user.timeZone} />
    </HydrateClient>
  );
}
