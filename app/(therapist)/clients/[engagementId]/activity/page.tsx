import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { TherapistActivityLog } from "@/components/account/access-log-list";

export const metadata: Metadata = { title: "Your activity" };

export default async function ClientActivityPage({ params }: { params: Promise<{ engagementId: string }> }) {
  const { engagementId } = await params;
  const user = await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}/activity` });
  const queryClient = getQueryClient();
  const [engagement] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    queryClient.prefetchInfiniteQuery(
      trpc.accessLog.forEngagement.infiniteQueryOptions({ engagementId }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    ),
  ]);
  return (
    <HydrateClient>
      <Link href={`/clients/${engagement.id}`} className="text-brand-strong underline">
        ← {engagement.counterpart.name}
      </Link>
      <h1 className="text-2xl font-semibold">Your activity on {engagement.counterpart.name}&apos;s records</h1>
      <p className="text-ink-muted">
        What you opened or changed, newest first. {engagement.counterpart.name} sees the same in their &ldquo;Who has
        looked at your records&rdquo; (except your private notes).
      </p>
      <TherapistActivityLog engagementId={engagement.id} timeZone={user.timeZone} />
    </HydrateClient>
  );
}
