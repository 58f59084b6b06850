import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { clientSection } from "@/lib/engagements/client-sections";
import { Card, EmptyState } from "@/components/ui/card";
import { ClientSectionPage } from "@/components/engagements/client-section-page";
import { FeedbackOverview } from "@/components/feedback/feedback-overview";
import { MeasuresPanel } from "@/components/measures/measures-panel";

const SECTION = clientSection("progress");
export const metadata: Metadata = { title: SECTION.title };

export default async function ClientProgressPage({ params }: PageProps<"/clients/[engagementId]/progress">) {
  const { engagementId } = await params;
  const user = await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}/${SECTION.slug}` });
  const queryClient = getQueryClient();
  const [engagement, progress] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    // Feedback and questionnaires, drawn on the server: fetched with the rest, not sent to the browser.
    serverCaller().then((caller) => caller.engagement.progress({ engagementId })).catch(() => null),
  ]);
  return (
    <HydrateClient>
      <ClientSectionPage engagement={engagement} title={SECTION.title}>
        <div id="feedback" className="scroll-mt-4">
          <Card title="Feedback and check-ins">
            {progress ? (
              <FeedbackOverview trends={progress.feedback} timeZone={user.timeZone} />
            ) : (
              <EmptyState>The feedback couldn&apos;t be loaded just now. Please reload the page.</EmptyState>
            )}
          </Card>
        </div>
        <div id="questionnaires" className="scroll-mt-4">
          <Card title="Questionnaires">
            {engagement.status === "invited" ? (
              <EmptyState>Once {engagement.counterpart.name} accepts, you can ask for a PHQ-9 or GAD-7 here.</EmptyState>
            ) : progress ? (
              <MeasuresPanel
                engagementId={engagement.id}
                measures={progress.measures}
                canEdit={engagement.status === "active"}
                clientName={engagement.counterpart.name}
                timeZone={user.timeZone}
              />
            ) : (
              <EmptyState>The questionnaires couldn&apos;t be loaded just now. Please reload the page.</EmptyState>
            )}
          </Card>
        </div>
      </ClientSectionPage>
    </HydrateClient>
  );
}
