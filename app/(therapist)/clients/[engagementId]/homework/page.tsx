import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { clientSection } from "@/lib/engagements/client-sections";
import { EmptyState } from "@/components/ui/card";
import { ClientSectionPage } from "@/components/engagements/client-section-page";
import { HomeworkPanel } from "@/components/homework/homework-panel";

const SECTION = clientSection("homework");
export const metadata: Metadata = { title: SECTION.title };

export default async function ClientHomeworkPage({ params }: PageProps<"/clients/[engagementId]/homework">) {
  const { engagementId } = await params;
  await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}/${SECTION.slug}` });
  const queryClient = getQueryClient();
  const [engagement] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    queryClient.prefetchQuery(trpc.homework.list.queryOptions({ engagementId })),
  ]);
  return (
    <HydrateClient>
      <ClientSectionPage engagement={engagement} title={SECTION.title}>
        {engagement.status === "invited" ? (
          <EmptyState>Once {engagement.counterpart.name} accepts, you can suggest homework here.</EmptyState>
        ) : (
          <>
            <Link href={`/engagements/${engagement.id}/ladder`} className="self-start text-brand-strong underline">
              Ladder
            </Link>
            <HomeworkPanel engagementId={engagement.id} canEdit={engagement.status === "active"} />
          </>
        )}
      </ClientSectionPage>
    </HydrateClient>
  );
}
