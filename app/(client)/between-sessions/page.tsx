import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { ClientRelationships } from "@/components/engagements/client-relationships";
import { GoalsPanel } from "@/components/goals/goals-panel";
import { DueHomework } from "@/components/homework/due-homework";
import { AboutTherapyOffer } from "@/components/feedback/about-therapy-offer";
import { CheckInForm } from "@/components/feedback/check-in-form";
import { FeedbackOverview } from "@/components/feedback/feedback-overview";
import { DueMeasures } from "@/components/measures/due-measures";
import { buttonClassName } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { JournalEntryForm } from "@/components/journal/journal-entry-form";
import { crisisResourcesText } from "@/server/env";
import { maxMemoSeconds } from "@/server/voice/settings";
import { QuickReflection } from "@/components/voice/quick-reflection";
import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Between sessions" };

export default async function BetweenSessionsPage() {
  const user = await requireUser({ role: "client", returnTo: "/between-sessions" });
  const queryClient = getQueryClient();
  const engagements = await queryClient.fetchQuery(trpc.engagement.list.queryOptions());
  const active = engagements.filter((engagement) => engagement.status === "active");
  const [progress, pending] = await Promise.all([
    // Feedback and questionnaires, drawn on the server: not sent to the browser.
    serverCaller().then((caller) => Promise.all(active.map((engagement) => caller.engagement.progress({ engagementId: engagement.id })))),
    queryClient.fetchQuery(trpc.feedback.pending.queryOptions()),
    queryClient.prefetchQuery(trpc.homework.due.queryOptions()),
    queryClient.prefetchQuery(trpc.voiceMemo.drafts.queryOptions()),
    ...active.map((engagement) => queryClient.prefetchQuery(trpc.goal.list.queryOptions({ engagementId: engagement.id }))),
  ]);
  const firstName = user.name.split(" ")[0];
  const therapists = active.map((engagement) => ({ engagementId: engagement.id, name: engagement.counterpart.name }));
  const crisisText = crisisResourcesText();
  const nextSession = active
    .flatMap((engagement) => (engagement.nextSession ? [{ ...engagement.nextSession, with: engagement.counterpart.name }] : []))
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime())[0];
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Hello, {firstName}</h1>
        <p className="text-ink-muted">This is your space between sessions. Take what helps, at your own pace.</p>
      </div>
      <ClientRelationships timeZone={user.timeZone} />
      <Card title="Quick reflection">
        <QuickReflection
          maxSeconds={maxMemoSeconds()}
          timeZone={user.timeZone}
          nextSessionLabel={nextSession ? `${formatDateTime(nextSession.startsAt, user.timeZone)} with ${nextSession.with}` : null}
        />
      </Card>
      {pending.map((session) => (
        <Card key={session.id} title="How was your last session?">
          <p className="mb-3">
            A minute of honest feedback on your session with {session.engagement.therapist.name} on{" "}
            {formatDateTime(session.startsAt, user.timeZone)} helps shape the next one.
          </p>
          <Link href={`/sessions/${session.id}`} className={buttonClassName("primary")}>
            Give feedback
          </Link>
        </Card>
      ))}
      {active.map((engagement, index) =>
        progress[index].feedback.signals.length > 0 && engagement.nextSession ? (
          <Card key={engagement.id} title="About your sessions">
            <AboutTherapyOffer sessionId={engagement.nextSession.id} />
          </Card>
        ) : null,
      )}
      {active.map((engagement, index) => (
        <DueMeasures key={engagement.id} measures={progress[index].measures} therapistName={engagement.counterpart.name} timeZone={user.timeZone} />
      ))}
      <div className="grid gap-4 md:grid-cols-2">
        <Card
          title="Homework"
          action={
            active.length === 0 ? null : (
              <span className="flex flex-wrap justify-end gap-x-3">
                {active.map((engagement) => (
                  <Link key={engagement.id} href={`/engagements/${engagement.id}/ladder`} className="text-brand-strong underline">
                    {active.length > 1 ? `Ladder with ${engagement.counterpart.name}` : "Your ladder"}
                  </Link>
                ))}
              </span>
            )
          }
        >
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
          <JournalEntryForm therapists={therapists} crisisText={crisisText} maxMemoSeconds={maxMemoSeconds()} />
        </Card>
        {active.map((engagement) => (
          <Card key={engagement.id} title="How have things been?">
            <CheckInForm engagementId={engagement.id} crisisText={crisisText} />
          </Card>
        ))}
        {active.map((engagement, index) => (
          <Card
            key={`${engagement.id}-trends`}
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
        ))}
      </div>
    </HydrateClient>
  );
}
