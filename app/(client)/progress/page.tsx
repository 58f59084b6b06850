import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { crisisResourcesText } from "@/server/env";
import { CheckInForm } from "@/components/feedback/check-in-form";
import { FeedbackOverview } from "@/components/feedback/feedback-overview";
import { Card, EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Progress" };

/** How things have been: a check-in on four short scales, and the client's feedback and check-ins over time. */
export default async function ProgressPage() {
  const user = await requireUser({ role: "client", returnTo: "/progress" });
  const queryClient = getQueryClient();
  const engagements = await queryClient.fetchQuery(trpc.engagement.list.queryOptions());
  const active = engagements.filter((engagement) => engagement.status === "active");
  // Feedback and questionnaires, drawn on the server: not sent to the browser.
  const caller = await serverCaller();
  const progress = await Promise.all(active.map((engagement) => caller.engagement.progress({ engagementId: engagement.id })));
  const crisisText = crisisResourcesText(user);
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Progress</h1>
        <p className="text-ink-muted">How things have been for you, and how your sessions feel, over time. Your therapist sees this too.</p>
      </div>
      {active.length === 0 ? (
        <Card>
          <EmptyState>
            Once you&apos;re working with a therapist, you can check in here on how things have been, and see your check-ins and
            session feedback over time.
          </EmptyState>
        </Card>
      ) : null}
      {active.map((engagement, index) => (
        <div key={engagement.id} className="flex flex-col gap-6">
          <div id={index === 0 ? "check-in" : undefined} className="scroll-mt-4">
            <Card title={active.length > 1 ? `How have things been? (for ${engagement.counterpart.name})` : "How have things been?"}>
              <CheckInForm engagementId={engagement.id} crisisText={crisisText} />
            </Card>
          </div>
          <Card
            title="Your feedback and check-ins over time"
            action={
              progress[index].measures.series.length > 0 ? (
                <Link href={`/engagements/${engagement.id}/questionnaires`} className="text-brand-strong underline">
                  Questionnaires
                </Link>
              ) : null
            }
          >
            <FeedbackOverview trends={progress[index].feedback} timeZone={user.timeZone} showSignals={false} />
          </Card>
        </div>
      ))}
    </HydrateClient>
  );
}
