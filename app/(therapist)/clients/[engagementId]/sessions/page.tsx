import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { clientSection } from "@/lib/engagements/client-sections";
import { EmptyState } from "@/components/ui/card";
import { ClientSectionPage } from "@/components/engagements/client-section-page";
import { SessionsPanel } from "@/components/sessions/sessions-panel";

const SECTION = clientSection("sessions");
export const metadata: Metadata = { title: SECTION.title };

export default async function ClientSessionsPage({ params }: PageProps<"/clients/[engagementId]/sessions">) {
  const { engagementId } = await params;
  const user = await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}/${SECTION.slug}` });
  const queryClient = getQueryClient();
  const [engagement] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    queryClient.prefetchQuery(trpc.session.list.queryOptions({ engagementId })),
  ]);
  return (
    <HydrateClient>
      <ClientSectionPage engagement={engagement} title={SECTION.title}>
        {engagement.status === "invited" ? (
          <EmptyState>Once {engagement.counterpart.name} accepts, you can schedule sessions here.</EmptyState>
        ) : (
          <SessionsPanel engagementId={engagement.id} canEdit={engagement.status === "active"} timeZone={user.timeZone} />
        )}
      </ClientSectionPage>
    </HydrateClient>
  );
}
