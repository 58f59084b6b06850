import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { ClientRelationships } from "@/components/engagements/client-relationships";
import { GoalsPanel } from "@/components/goals/goals-panel";
import { DueHomework } from "@/components/homework/due-homework";
import { AboutTherapyOffer } from "@/components/feedback/about-therapy-offer";
import { CheckInForm } from "@/components/feedback/check-in-form";
import { JournalEntryForm } from "@/components/journal/journal-entry-form";
import { crisisResourcesText } from "@/server/env";
import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Between sessions" };

export default async function BetweenSessionsPage() {
  const user = await requireUser({ role: "client", returnTo: "/between-sessions" });
  const queryClient = getQueryClient();
  const engagements = await queryClient.fetchQuery(trpc.engagement.list.queryOptions());
  const active = engagements.filter((engagement) => engagement.status === "active");
  const [trends] = await Promise.all([
    Promise.all(active.map((engagement) => queryClient.fetchQuery(trpc.feedback.trends.queryOptions({ engagementId: engagement.id })))),
    queryClient.prefetchQuery(trpc.homework.due.queryOptions()),
    ...active.map((engagement) => queryClient.prefetchQuery(trpc.goal.list.queryOptions({ engagementId: engagement.id }))),
  ]);
  const firstName = user.name.split(" ")[0];
  const therapists = active.map((engagement) => ({ engagementId: engagement.id, name: engagement.counterpart.name }));
  const crisisText = crisisResourcesText();
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Hello, {firstName}</h1>
        <p className="text-ink-muted">This is your space between sessions. Take what helps, at your own pace.</p>
      </div>
      <ClientRelationships timeZone={user.timeZone} />
      {active.map((engagement, index) =>
        trends[index].signals.length > 0 && engagement.nextSession ? (
          <Card key={engagement.id} title="About your sessions">
            <AboutTherapyOffer sessionId={engagement.nextSession.id} />
          </Card>
        ) : null,
      )}
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
        <Card title="Journal" action={<Link href="/journal" className="text-brand-strong underline">All entries</Link>}>
          <JournalEntryForm therapists={therapists} crisisText={crisisText} />
        </Card>
        {active.map((engagement) => (
          <Card key={engagement.id} title="How have things been?">
            <CheckInForm engagementId={engagement.id} crisisText={crisisText} />
          </Card>
        ))}
      </div>
    </HydrateClient>
  );
}
