import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { clientSection } from "@/lib/engagements/client-sections";
import { ClientSectionPage } from "@/components/engagements/client-section-page";
import { SharedJournal } from "@/components/journal/shared-journal";

const SECTION = clientSection("journal");
export const metadata: Metadata = { title: SECTION.title };

export default async function ClientJournalPage({ params }: PageProps<"/clients/[engagementId]/journal">) {
  const { engagementId } = await params;
  const user = await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}/${SECTION.slug}` });
  const queryClient = getQueryClient();
  const [engagement] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    queryClient.prefetchQuery(trpc.journal.shared.queryOptions({ engagementId })),
  ]);
  return (
    <HydrateClient>
      <ClientSectionPage engagement={engagement} title={SECTION.title}>
        <SharedJournal engagementId={engagement.id} timeZone={user.timeZone} />
      </ClientSectionPage>
    </HydrateClient>
  );
}
