import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { clientSection } from "@/lib/engagements/client-sections";
import { EmptyState } from "@/components/ui/card";
import { ClientSectionPage } from "@/components/engagements/client-section-page";
import { GoalsPanel } from "@/components/goals/goals-panel";

const SECTION = clientSection("goals");
export const metadata: Metadata = { title: SECTION.title };

export default async function ClientGoalsPage({ params }: PageProps<"/clients/[engagementId]/goals">) {
  const { engagementId } = await params;
  await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}/${SECTION.slug}` });
  const queryClient = getQueryClient();
  const [engagement] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    queryClient.prefetchQuery(trpc.goal.list.queryOptions({ engagementId })),
  ]);
  return (
    <HydrateClient>
      <ClientSectionPage engagement={engagement} title={SECTION.title}>
        {engagement.status === "invited" ? (
          <EmptyState>Once {engagement.counterpart.name} accepts, you can set goals together here.</EmptyState>
        ) : (
          <GoalsPanel engagementId={engagement.id} canEdit={engagement.status === "active"} labels={{ client: engagement.counterpart.name, therapist: "You" }} />
        )}
      </ClientSectionPage>
    </HydrateClient>
  );
}
