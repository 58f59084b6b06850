import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { GoalsPanel } from "@/components/goals/goals-panel";
import { Card, EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your goals" };

/** The goals the client set with their therapist, with how each of them feels they're going. */
export default async function GoalsPage() {
  await requireUser({ role: "client", returnTo: "/goals" });
  const queryClient = getQueryClient();
  const engagements = await queryClient.fetchQuery(trpc.engagement.list.queryOptions());
  const active = engagements.filter((engagement) => engagement.status === "active");
  await Promise.all(active.map((engagement) => queryClient.prefetchQuery(trpc.goal.list.queryOptions({ engagementId: engagement.id }))));
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Your goals</h1>
        <p className="text-ink-muted">What you&apos;re working towards, in your own words, and how you both feel it&apos;s going.</p>
      </div>
      {active.length === 0 ? (
        <Card>
          <EmptyState>The goals you set together with your therapist, and how you both feel they&apos;re going, will appear here.</EmptyState>
        </Card>
      ) : (
        active.map((engagement) => (
          <Card key={engagement.id} title={active.length > 1 ? `With ${engagement.counterpart.name}` : undefined}>
            <GoalsPanel engagementId={engagement.id} canEdit labels={{ client: "You", therapist: engagement.counterpart.name }} />
          </Card>
        ))
      )}
    </HydrateClient>
  );
}
