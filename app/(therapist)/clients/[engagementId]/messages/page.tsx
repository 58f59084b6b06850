import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { clientSection } from "@/lib/engagements/client-sections";
import { ClientSectionPage } from "@/components/engagements/client-section-page";
import { MessagesPanel } from "@/components/messages/messages-panel";

const SECTION = clientSection("messages");
export const metadata: Metadata = { title: SECTION.title };

export default async function ClientMessagesPage({ params }: PageProps<"/clients/[engagementId]/messages">) {
  const { engagementId } = await params;
  await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}/${SECTION.slug}` });
  const engagement = await orNotFound(getQueryClient().fetchQuery(trpc.engagement.byId.queryOptions({ engagementId })));
  return (
    <HydrateClient>
      <ClientSectionPage engagement={engagement} title={SECTION.title}>
        <div id="messages" className="scroll-mt-4">
          <MessagesPanel engagementId={engagement.id} />
        </div>
      </ClientSectionPage>
    </HydrateClient>
  );
}
