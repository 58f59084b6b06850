import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { now } from "@/server/clock";
import { maxMemoSeconds } from "@/server/voice/settings";
import { ClientRelationships } from "@/components/engagements/client-relationships";
import { AboutTherapyOffer } from "@/components/feedback/about-therapy-offer";
import { NextSession } from "@/components/today/next-session";
import { DueToday } from "@/components/today/due-today";
import { QuickReflection } from "@/components/voice/quick-reflection";
import { Card } from "@/components/ui/card";
import { InstallHint } from "@/components/offline/install-hint";
import { HandoverNotice } from "@/components/handovers/handover-notice";
import { RecordSharingNotice } from "@/app/_components/record-sharing-notice";

export const metadata: Metadata = { title: "Today" };

/**
 * The client's home, "Today": on a phone's first screen, the next session,
 * what is waiting today and a quick way to say how things are. Goals,
 * journal, progress, messages and the safety plan are each a tab away.
 */
export default async function TodayPage() {
  const user = await requireUser({ role: "client", returnTo: "/between-sessions" });
  const queryClient = getQueryClient();
  const engagements = await queryClient.fetchQuery(trpc.engagement.list.queryOptions());
  const active = engagements.filter((engagement) => engagement.status === "active");
  const [progress, pending] = await Promise.all([
    // Questionnaires and feedback signals, read on the server: not sent to the browser.
    serverCaller().then((caller) => Promise.all(active.map((engagement) => caller.engagement.progress({ engagementId: engagement.id })))),
    queryClient.fetchQuery(trpc.feedback.pending.queryOptions()),
    queryClient.prefetchQuery(trpc.homework.due.queryOptions()),
    queryClient.prefetchQuery(trpc.voiceMemo.drafts.queryOptions()),
  ]);
  const firstName = user.name.split(" ")[0];
  const nextSessions = active
    .flatMap((engagement) => (engagement.nextSession ? [{ ...engagement.nextSession, with: engagement.counterpart.name }] : []))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return (
    <HydrateClient>
      {/* Closer together than other pages: the first three sections fit a phone's first screen. */}
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">Hello, {firstName}</h1>
        <HandoverNotice />
        <RecordSharingNotice />
        <NextSession sessions={nextSessions} hasTherapist={active.length > 0} now={now()} timeZone={user.timeZone} />
        <Card
          title="For today"
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
          <DueToday
            feedback={pending.map((session) => ({ sessionId: session.id, startsAt: session.startsAt, with: session.engagement.therapist.name }))}
            questionnaires={progress.flatMap(({ measures }) =>
              measures.running.flatMap((measure) =>
                measure.open && measure.open.state !== "done"
                  ? [{ id: measure.id, name: measure.name, isStarted: measure.open.state === "started", dueBy: measure.open.dueBy }]
                  : [],
              ),
            )}
            timeZone={user.timeZone}
          />
        </Card>
        <Card title="How are things?">
          <QuickReflection
            maxSeconds={maxMemoSeconds()}
            timeZone={user.timeZone}
            hasNextSession={nextSessions.length > 0}
          />
          {active.length > 0 ? (
            <p className="mt-3 text-sm text-ink-muted">
              Or{" "}
              <Link href="/progress#check-in" className="text-brand-strong underline">
                check in on four short scales
              </Link>{" "}
              — your therapist sees how things have been.
            </p>
          ) : null}
        </Card>
      </div>
      {active.map((engagement, index) =>
        progress[index].feedback.signals.length > 0 && engagement.nextSession ? (
          <Card key={engagement.id} title="About your sessions">
            <AboutTherapyOffer sessionId={engagement.nextSession.id} />
          </Card>
        ) : null,
      )}
      <ClientRelationships timeZone={user.timeZone} />
      <InstallHint />
    </HydrateClient>
  );
}
