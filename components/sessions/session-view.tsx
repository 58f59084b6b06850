"use client";

import { clientSectionPath } from "@/lib/engagements/client-sections";
import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { COMPLETION_LABELS } from "@/lib/constants/homework";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { LiveStatus } from "@/components/live/live-status";
import { useLiveTopic } from "@/components/live/use-live-topic";
import { Card, EmptyState } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { GoalsPanel } from "@/components/goals/goals-panel";
import { AddAgendaItem } from "./add-agenda-item";
import { OutboxItems } from "@/components/offline/outbox-items";
import { RescheduleButton } from "./reschedule-button";
import { AgendaList } from "./agenda-list";
import { SessionNotes } from "./session-notes";

const STATUS_TEXT = { scheduled: "Scheduled", completed: "Completed", cancelled: "Cancelled" } as const;

// The one-by-one review (its rating forms and chart) loads when it is opened, not with the page.
// Only a client on a finished session sees the feedback form: it loads then, not with every session page.
const SessionFeedbackForm = lazy(() => import("@/components/feedback/session-feedback-form").then((module) => ({ default: module.SessionFeedbackForm })));
const GoalReview = lazy(() => import("@/components/goals/goal-review").then((module) => ({ default: module.GoalReview })));

/** The session both people share: agenda, homework since last time, goals, notes. Live for both sides. */
export function SessionView({
  sessionId,
  timeZone,
  crisisText,
  maxMemoSeconds,
}: {
  sessionId: string;
  timeZone: string;
  crisisText: string;
  maxMemoSeconds: number;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { data: session } = useSuspenseQuery(trpc.session.byId.queryOptions({ sessionId }));
  const [isReviewOpen, setIsReviewOpen] = useState(false);
  const { status: liveStatus } = useLiveTopic(`/api/live/sessions/${sessionId}`, () => invalidate(trpc.session.byId.queryKey({ sessionId })));
  // The engagement's header shows the next session too (engagement-header.tsx).
  const refresh = () => invalidate(trpc.session.pathKey(), trpc.engagement.pathKey());
  const complete = useMutation(trpc.session.complete.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.session.cancel.mutationOptions({ onSuccess: refresh }));
  const isClient = session.viewerRole === "client";
  const isOpen = session.engagement.status === "active" && session.status === "scheduled";

  return (
    <>
      <Link href={isClient ? "/between-sessions" : clientSectionPath(session.engagement.id, "sessions")} className="text-brand-strong underline">
        ← {isClient ? "Today" : session.people.client}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">
          Session with {isClient ? session.people.therapist : session.people.client}
        </h1>
        <p className="text-ink-muted">
          {formatDateTime(new Date(session.startsAt), timeZone)} · {session.durationMinutes} minutes · {STATUS_TEXT[session.status]}
        </p>
        {session.location ? <p>Where: {session.location}</p> : null}
        {session.videoUrl ? (
          <p>
            Video link:{" "}
            <a href={session.videoUrl} className="underline" rel="noreferrer noopener" target="_blank">
              join the call
            </a>
          </p>
        ) : null}
        <a href={`/api/sessions/${session.id}/ics`} className="self-start text-brand-strong underline" download>
          Add to my calendar (.ics)
        </a>
        {/* A line of its own: "Connecting…" (as rendered on the server) becomes "Live: …" without moving the page. */}
        <LiveStatus status={liveStatus} />
      </div>

      {isClient && session.status === "completed" && session.engagement.status === "active" ? (
        <Card title="How was this session for you?">
          {session.hasFeedback ? (
            <p>Thank you for your feedback.</p>
          ) : (
            <Suspense fallback={<p className="text-ink-muted">Loading…</p>}>
              <SessionFeedbackForm sessionId={session.id} />
            </Suspense>
          )}
        </Card>
      ) : null}

      <Card title="Agenda">
        <div className="flex flex-col gap-4">
          <AgendaList session={session} canEdit={isOpen} timeZone={timeZone} />
          {isOpen ? (
            <AddAgendaItem sessionId={session.id} showStarters={isClient} crisisText={crisisText} maxMemoSeconds={isClient ? maxMemoSeconds : undefined} />
          ) : (
            // Written offline for this session and refused once it closed: the words stay here to copy.
            <OutboxItems kind="agenda" context={session.id} />
          )}
        </div>
      </Card>

      {session.messagesSinceLastSession > 0 ? (
        <Link
          href={`/messages/${session.engagement.id}`}
          className="flex min-h-11 items-center rounded-xl border border-line bg-surface px-4 py-3 font-medium text-brand-strong underline hover:border-brand"
        >
          {session.messagesSinceLastSession === 1 ? "1 message" : `${session.messagesSinceLastSession} messages`} since the last session
        </Link>
      ) : null}

      <Card title="Homework since last session">
        {session.exercisesSinceLastSession.map((exercise) => (
          <Link key={exercise.assignmentId} href={`/homework/${exercise.assignmentId}/entries`} className="mb-2 block font-medium underline">
            {exercise.line}
          </Link>
        ))}
        {session.homeworkSinceLastSession.length === 0 ? (
          <EmptyState>Nothing recorded since the last session.</EmptyState>
        ) : (
          <ul className="flex flex-col gap-2">
            {session.homeworkSinceLastSession.map((entry) => (
              <li key={entry.id}>
                <Link href={entry.href} className="font-medium underline">
                  {entry.assignment.title}
                </Link>{" "}
                <span className="text-ink-muted">
                  · {entry.dueOn} · {COMPLETION_LABELS[entry.status]}
                </span>
                {entry.response ? <p className="text-ink-muted">{entry.response}</p> : null}
                {entry.obstacle ? <p className="text-ink-muted">What got in the way: {entry.obstacle}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Goals to revisit">
        <GoalsPanel
          engagementId={session.engagement.id}
          canEdit={false}
          labels={isClient ? { client: "You", therapist: session.people.therapist } : { client: session.people.client, therapist: "You" }}
        />
        {session.engagement.status === "active" ? (
          <details className="mt-4 border-t border-line pt-3" onToggle={(event) => setIsReviewOpen(event.currentTarget.open)}>
            <summary className="cursor-pointer py-2 font-medium text-brand-strong">Review them one by one, here</summary>
            <div className="mt-3">
              {isReviewOpen ? (
                <Suspense fallback={<p className="text-ink-muted">Loading…</p>}>
                  <GoalReview engagementId={session.engagement.id} timeZone={timeZone} />
                </Suspense>
              ) : null}
            </div>
          </details>
        ) : null}
      </Card>

      <Card title="Notes">
        <SessionNotes session={session} canEdit={session.engagement.status === "active"} />
      </Card>

      {!isClient && isOpen ? (
        <div className="flex flex-wrap gap-2 border-t border-line pt-4">
          <RescheduleButton session={session} timeZone={timeZone} />
          <ConfirmAction
            label="Mark session completed"
            title="Mark this session completed?"
            description="Agenda items left open or saved for later move to the next scheduled session."
            confirmLabel="Yes, completed"
            mutation={complete}
            input={{ sessionId }}
          />
          <ConfirmAction
            variant="quiet"
            label="Cancel session"
            title="Cancel this session?"
            description="Its agenda moves to the next scheduled session."
            confirmLabel="Yes, cancel it"
            mutation={cancel}
            input={{ sessionId }}
          />
        </div>
      ) : null}
    </>
  );
}
