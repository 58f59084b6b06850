import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { Card, EmptyState } from "@/components/ui/card";
import { EngagementHeader } from "@/components/engagements/engagement-header";
import { EndEngagementButton } from "@/components/engagements/end-engagement-button";
import { GoalsPanel } from "@/components/goals/goals-panel";
import { HomeworkPanel } from "@/components/homework/homework-panel";
import { SessionsPanel } from "@/components/sessions/sessions-panel";
import { FeedbackOverview } from "@/components/feedback/feedback-overview";
import { SharedJournal } from "@/components/journal/shared-journal";
import { RecordLinks } from "@/components/engagements/record-links";
import { MeasuresPanel } from "@/components/measures/measures-panel";
import { UrgentFlags } from "@/components/measures/urgent-flags";
import { OffTrackWarnings } from "@/components/measures/off-track-warnings";
import { MessagesPanel } from "@/components/messages/messages-panel";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: PageProps<"/clients/[engagementId]">) {
  const { engagementId } = await params;
  const user = await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}` });
  const queryClient = getQueryClient();
  const [engagement, progress] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    // Feedback and questionnaires, drawn on the server: fetched with the rest, not sent to the browser.
    serverCaller().then((caller) => caller.engagement.progress({ engagementId })).catch(() => null),
    queryClient.prefetchQuery(trpc.goal.list.queryOptions({ engagementId })),
    queryClient.prefetchQuery(trpc.homework.list.queryOptions({ engagementId })),
    queryClient.prefetchQuery(trpc.session.list.queryOptions({ engagementId })),
    queryClient.prefetchQuery(trpc.journal.shared.queryOptions({ engagementId })),
  ]);
  return (
    <HydrateClient>
      <Link href="/caseload" className="text-brand-strong underline">
        ← Caseload
      </Link>
      <EngagementHeader engagementId={engagement.id} timeZone={user.timeZone} />
      {engagement.status === "ended" ? (
        <p className="rounded-lg bg-notice-soft px-4 py-3">This work together has ended. Its records are read-only.</p>
      ) : null}
      {engagement.status === "invited" ? (
        <p className="rounded-lg bg-notice-soft px-4 py-3">
          {engagement.counterpart.name} hasn&apos;t accepted the invitation yet. You can resend or withdraw it from your
          caseload.
        </p>
      ) : null}
      {progress ? (
        <UrgentFlags engagementId={engagement.id} flags={progress.measures.flags} clientName={engagement.counterpart.name} timeZone={user.timeZone} />
      ) : null}
      {progress ? (
        <OffTrackWarnings
          engagementId={engagement.id}
          series={progress.measures.series}
          clientName={engagement.counterpart.name}
          canEdit={engagement.status === "active"}
          timeZone={user.timeZone}
        />
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Goals">
          {engagement.status === "invited" ? (
            <EmptyState>Once {engagement.counterpart.name} accepts, you can set goals together here.</EmptyState>
          ) : (
            <GoalsPanel
              engagementId={engagement.id}
              canEdit={engagement.status === "active"}
              labels={{ client: engagement.counterpart.name, therapist: "You" }}
            />
          )}
        </Card>
        <Card
          title="Homework"
          action={
            engagement.status === "invited" ? null : (
              <Link href={`/engagements/${engagement.id}/ladder`} className="text-brand-strong underline">
                Ladder
              </Link>
            )
          }
        >
          {engagement.status === "invited" ? (
            <EmptyState>Once {engagement.counterpart.name} accepts, you can suggest homework here.</EmptyState>
          ) : (
            <HomeworkPanel engagementId={engagement.id} canEdit={engagement.status === "active"} />
          )}
        </Card>
        <Card title="Sessions">
          {engagement.status === "invited" ? (
            <EmptyState>Once {engagement.counterpart.name} accepts, you can schedule sessions here.</EmptyState>
          ) : (
            <SessionsPanel engagementId={engagement.id} canEdit={engagement.status === "active"} timeZone={user.timeZone} />
          )}
        </Card>
        <Card title="Feedback and check-ins">
          {progress ? <FeedbackOverview trends={progress.feedback} timeZone={user.timeZone} /> : <EmptyState>The feedback couldn&apos;t be loaded just now. Please reload the page.</EmptyState>}
        </Card>
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
        <Card title="Safety plan">
          {engagement.status === "invited" ? (
            <EmptyState>Once {engagement.counterpart.name} accepts, you can write a safety plan together here.</EmptyState>
          ) : (
            <p>
              {engagement.counterpart.name}&apos;s own plan for a crisis: warning signs, what helps, who to call, reasons to
              keep going. You can both change it; every change is kept.{" "}
              <Link href={`/engagements/${engagement.id}/safety-plan`} className="font-medium text-brand-strong underline">
                Open the safety plan
              </Link>
            </p>
          )}
        </Card>
        <div id="messages" className="scroll-mt-4">
          <Card title="Messages">
            <MessagesPanel engagementId={engagement.id} />
          </Card>
        </div>
        <Card title="Shared from the journal">
          <SharedJournal engagementId={engagement.id} timeZone={user.timeZone} />
        </Card>
      </div>
      {engagement.status === "invited" ? null : <RecordLinks engagementId={engagement.id} />}
      {engagement.status === "active" ? (
        <div className="border-t border-line pt-4">
          <EndEngagementButton engagementId={engagement.id} otherName={engagement.counterpart.name} />
        </div>
      ) : null}
    </HydrateClient>
  );
}
