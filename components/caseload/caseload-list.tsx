"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDate, formatDateTime } from "@/lib/format";
import { unreadMessagesLabel } from "@/lib/constants/message";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { EngagementStatusBadge } from "@/components/engagements/status-badge";
import { withTrend } from "@/lib/goals/ratings";
import { describeSignal, type TSignal } from "@/lib/signals/rules";
import type { RouterOutputs } from "@/lib/trpc/types";
import { RatingSummary } from "@/components/goals/rating-summary";
import { PendingInvitation } from "./pending-invitation";

type TEngagement = RouterOutputs["engagement"]["list"][number];
type TCaseloadGoal = RouterOutputs["goal"]["caseload"][number];
type TCaseloadMeasure = RouterOutputs["measure"]["caseload"][number];

/** Above this many people, a name filter appears. */
const SEARCH_THRESHOLD = 8;

export function CaseloadList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const { data: engagements } = useSuspenseQuery(trpc.engagement.list.queryOptions());
  const { data: goals } = useSuspenseQuery(trpc.goal.caseload.queryOptions());
  const { data: homework } = useSuspenseQuery(trpc.homework.caseload.queryOptions());
  const { data: signals } = useSuspenseQuery(trpc.feedback.caseloadSignals.queryOptions());
  const { data: measures } = useSuspenseQuery(trpc.measure.caseload.queryOptions());
  const [query, setQuery] = useState("");

  if (engagements.length === 0) {
    return (
      <EmptyState>
        Your clients will appear here once you invite them, each with their next session, new agenda items, homework
        done and how their goals are going.
      </EmptyState>
    );
  }

  const needle = query.trim().toLocaleLowerCase();
  const shown = needle
    ? engagements.filter((engagement) => engagement.counterpart.name.toLocaleLowerCase().includes(needle))
    : engagements;
  const measuresOf = (engagementId: string) => measures.find((item) => item.engagementId === engagementId);
  // Who needs the therapist first (urgent answers, off track, unread messages, new agenda items), as the server ordered them.
  const active = shown.filter((engagement) => engagement.status === "active");
  const invited = shown.filter((engagement) => engagement.status === "invited");
  const ended = shown.filter((engagement) => engagement.status === "ended");

  return (
    <div className="flex flex-col gap-6">
      {engagements.length > SEARCH_THRESHOLD ? (
        <TextField label="Find a client" name="search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Type a name" />
      ) : null}
      {needle && shown.length === 0 ? <EmptyState>No one on your caseload matches “{query}”.</EmptyState> : null}

      <CaseloadSection title="Working with" listLabel="Clients" engagements={active}>
        {(engagement) => (
          <Link
            href={`/clients/${engagement.id}`}
            className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 hover:border-brand"
          >
            <span className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
              <span className="text-lg font-medium">{engagement.counterpart.name}</span>
              <span className="text-ink-muted">
                {engagement.nextSession
                  ? `Next session ${formatDateTime(engagement.nextSession.startsAt, timeZone)}`
                  : "No session scheduled"}
                {engagement.nextSession?.newAgendaItems ? (
                  <strong className="ml-2 rounded-full bg-notice-soft px-2 font-medium text-ink">
                    {`${engagement.nextSession.newAgendaItems} new agenda ${engagement.nextSession.newAgendaItems === 1 ? "item" : "items"}`}
                  </strong>
                ) : null}
              </span>
            </span>
            <UrgentBadge count={measuresOf(engagement.id)?.urgentFlags ?? 0} />
            <UnreadMessages count={engagement.messages.unread} />
            <SignalFlag signals={signals.find((item) => item.engagementId === engagement.id)?.signals ?? []} />
            <OffTrackFlag measures={measuresOf(engagement.id)} />
            <LatestMeasures measures={measuresOf(engagement.id)} timeZone={timeZone} />
            <HomeworkFigure figure={homework.find((item) => item.engagementId === engagement.id)} />
            <CaseloadGoals
              goals={goals.filter((goal) => goal.engagementId === engagement.id)}
              clientName={engagement.counterpart.name}
            />
          </Link>
        )}
      </CaseloadSection>

      <CaseloadSection title="Invited" listLabel="Invitations" engagements={invited}>
        {(engagement) => <PendingInvitation engagement={engagement} timeZone={timeZone} />}
      </CaseloadSection>

      <CaseloadSection title="Ended" listLabel="Ended" engagements={ended}>
        {(engagement) => (
          <Link
            href={`/clients/${engagement.id}`}
            className="flex flex-wrap items-center gap-3 rounded-xl border border-line bg-surface px-4 py-3 hover:border-brand"
          >
            <span className="font-medium">{engagement.counterpart.name}</span>
            <EngagementStatusBadge status="ended" />
            {engagement.endedAt ? (
              <span className="text-ink-muted">{formatDate(engagement.endedAt, timeZone)} · read-only</span>
            ) : null}
          </Link>
        )}
      </CaseloadSection>
    </div>
  );
}

/** PHQ-9 item 9 above 0, until acknowledged on the client page; in words, not colour alone. */
function UrgentBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="rounded-lg border-2 border-danger bg-danger-soft px-3 py-1.5 font-medium text-danger" data-testid="urgent-badge">
      Urgent: {count === 1 ? "a questionnaire answer needs" : `${count} questionnaire answers need`} your follow-up
    </span>
  );
}

/** "2 new messages" from the client, until the therapist opens the conversation. */
function UnreadMessages({ count }: { count: number }) {
  const label = unreadMessagesLabel(count);
  if (!label) return null;
  return <strong className="self-start rounded-full bg-brand-soft px-3 py-0.5 font-medium text-brand-strong">{label}</strong>;
}

function LatestMeasures({ measures, timeZone }: { measures?: TCaseloadMeasure; timeZone: string }) {
  if (!measures || measures.latest.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-x-4 text-sm">
      {measures.latest.map((latest) => (
        <span key={latest.kind}>
          <span className="font-medium">{latest.name}</span> {latest.total} · {latest.band.label}
          <span className="text-ink-muted"> ({formatDate(latest.completedAt, timeZone)})</span>
        </span>
      ))}
    </span>
  );
}

/** Falling feedback or worsening check-ins, said in words (not colour alone). */
function SignalFlag({ signals }: { signals: TSignal[] }) {
  if (signals.length === 0) return null;
  return (
    <span className="rounded-lg border border-danger/40 bg-danger-soft px-3 py-1.5 text-sm">
      <strong className="font-semibold">Needs attention: </strong>
      {signals.map((signal) => describeSignal(signal)).join(" · ")}
    </span>
  );
}

/** PHQ-9 or GAD-7 not on track yet (lib/measures/off-track.ts), in words; the client page says what to do. */
function OffTrackFlag({ measures }: { measures?: TCaseloadMeasure }) {
  if (!measures || measures.offTrack.length === 0) return null;
  return (
    <span className="rounded-lg border border-line bg-notice-soft px-3 py-1.5 text-sm" data-testid="off-track-badge">
      <strong className="font-semibold">Not on track yet: </strong>
      {measures.offTrack.map((warning) => warning.text).join(" · ")}
    </span>
  );
}

function HomeworkFigure({ figure }: { figure?: { done: number; assigned: number } }) {
  if (!figure || figure.assigned === 0) return <span className="text-sm text-ink-muted">No homework due this week</span>;
  return (
    <span className="text-sm">
      Homework this week: <strong>{figure.done}</strong>{` of ${figure.assigned} done`}
    </span>
  );
}

const GOALS_SHOWN = 3;

/** Each active goal's latest ratings from both sides, at a glance. */
function CaseloadGoals({ goals, clientName }: { goals: TCaseloadGoal[]; clientName: string }) {
  if (goals.length === 0) return <span className="text-sm text-ink-muted">No active goals yet</span>;
  const firstName = clientName.split(" ")[0];
  return (
    <span className="flex flex-col gap-0.5 text-sm">
      {goals.slice(0, GOALS_SHOWN).map((goal) => (
        <span key={goal.id} className="flex flex-wrap gap-x-2">
          <span className="font-medium">{goal.title}</span>
          <span className="text-ink-muted">
            <RatingSummary
              ratings={{ client: withTrend(goal.latest.client), therapist: withTrend(goal.latest.therapist) }}
              clientLabel={firstName}
              therapistLabel="You"
            />
          </span>
        </span>
      ))}
      {goals.length > GOALS_SHOWN ? (
        <span className="text-ink-muted">and {goals.length - GOALS_SHOWN} more active goals</span>
      ) : null}
    </span>
  );
}

/** One heading and list per kind of engagement; nothing at all when there are none. */
function CaseloadSection({
  title,
  listLabel,
  engagements,
  children,
}: {
  title: string;
  listLabel: string;
  engagements: TEngagement[];
  children: (engagement: TEngagement) => ReactNode;
}) {
  const headingId = useId();
  if (engagements.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="flex flex-col gap-3" aria-label={listLabel}>
        {engagements.map((engagement) => (
          <li key={engagement.id}>{children(engagement)}</li>
        ))}
      </ul>
    </section>
  );
}
