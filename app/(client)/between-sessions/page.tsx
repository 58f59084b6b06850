import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { ClientRelationships } from "@/components/engagements/client-relationships";
import { GoalsPanel } from "@/components/goals/goals-panel";
import { DueHomework } from "@/components/homework/due-homework";
import { Card, EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Between sessions" };

export default async function BetweenSessionsPage() {
  const user = await requireUser({ role: "client", returnTo: "/between-sessions" });
  const queryClient = getQueryClient();
  const engagements = await queryClient.fetchQuery(trpc.engagement.list.queryOptions());
  const active = engagements.filter((engagement) => engagement.status === "active");
  await Promise.all([
    queryClient.prefetchQuery(trpc.homework.due.queryOptions()),
    ...active.map((engagement) => queryClient.prefetchQuery(trpc.goal.list.queryOptions({ engagementId: engagement.id }))),
  ]);
  const firstName = user.name.split(" ")[0];
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Hello, {firstName}</h1>
        <p className="text-ink-muted">This is your space between sessions. Take what helps, at your own pace.</p>
      </div>
      <ClientRelationships timeZone={user.timeZone} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Homework">
          <DueHomework />
        </Card>
        {active.length === 0 ? (
          <Card title="Your goals">
            <EmptyState>The goals you set together, and how you both feel they&apos;re going, will appear here.</EmptyState>
          </Card>
        ) : (
          active.map((engagement) => (
            <Card key={engagement.id} title={active.length > 1 ? `Your goals with ${engagement.counterpart.name}` : "Your goals"}>
              <GoalsPanel
                engagementId={engagement.id}
                canEdit
                labels={{ client: "You", therapist: engagement.counterpart.name }}
              />
            </Card>
          ))
        )}
        <Card title="Journal">
          <EmptyState>
            You&apos;ll be able to write here. Entries are private to you unless you choose to share one.
          </EmptyState>
        </Card>
      </div>
    </HydrateClient>
  );
}
