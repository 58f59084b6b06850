import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { crisisResourcesText } from "@/server/env";
import { maxMemoSeconds } from "@/server/voice/settings";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { JournalEntryForm } from "@/components/journal/journal-entry-form";
import { JournalList } from "@/components/journal/journal-list";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Journal" };

export default async function JournalPage() {
  const user = await requireUser({ role: "client", returnTo: "/journal" });
  const queryClient = getQueryClient();
  const [engagements] = await Promise.all([
    queryClient.fetchQuery(trpc.engagement.list.queryOptions()),
    queryClient.prefetchQuery(trpc.journal.mine.queryOptions()),
  ]);
  const therapists = engagements
    .filter((engagement) => engagement.status === "active")
    .map((engagement) => ({ engagementId: engagement.id, name: engagement.counterpart.name }));
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Journal</h1>
        <p className="text-ink-muted">Private by default. You decide what, if anything, your therapist sees.</p>
      </div>
      <Card title="New entry">
        <JournalEntryForm therapists={therapists} crisisText={crisisResourcesText(user)} maxMemoSeconds={maxMemoSeconds()} />
      </Card>
      <JournalList therapists={therapists} timeZone={user.timeZone} />
    </HydrateClient>
  );
}
