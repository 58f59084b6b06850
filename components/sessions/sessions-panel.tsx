"use client";

import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

// Loaded when "Schedule a session" is chosen, not with the page.
const ScheduleForm = lazy(() => import("./schedule-form").then((module) => ({ default: module.ScheduleForm })));

/** Upcoming and past sessions of one engagement, each opening the shared session view. */
export function SessionsPanel({ engagementId, canEdit, timeZone }: { engagementId: string; canEdit: boolean; timeZone: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.session.list.queryOptions({ engagementId }));
  const [isScheduling, setIsScheduling] = useState(false);
  const row = (session: (typeof data.upcoming)[number]) => (
    <li key={session.id}>
      <Link href={`/sessions/${session.id}`} className="flex flex-col gap-0.5 rounded-lg border border-line px-3 py-2 hover:border-brand">
        <span className="font-medium">{formatDateTime(new Date(session.startsAt), timeZone)}</span>
        <span className="text-sm text-ink-muted">
          {session.status === "scheduled" ? "Scheduled" : session.status === "completed" ? "Completed" : "Cancelled"} ·{" "}
          {session.agendaCount === 1 ? "1 agenda item" : `${session.agendaCount} agenda items`}
        </span>
      </Link>
    </li>
  );

  return (
    <div className="flex flex-col gap-3">
      {data.upcoming.length === 0 && data.past.length === 0 ? <EmptyState>No sessions yet.</EmptyState> : null}
      {data.upcoming.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Upcoming sessions">
          {data.upcoming.map(row)}
        </ul>
      ) : null}
      {canEdit && isScheduling ? (
        <Suspense fallback={<p className="text-ink-muted">Loading…</p>}>
          <ScheduleForm engagementId={engagementId} onDone={() => setIsScheduling(false)} />
        </Suspense>
      ) : null}
      {canEdit && !isScheduling ? (
        <Button variant="secondary" className="self-start" onClick={() => setIsScheduling(true)}>
          Schedule a session
        </Button>
      ) : null}
      {data.past.length > 0 ? (
        <details>
          <summary className="cursor-pointer py-2 font-medium text-brand-strong">Past sessions ({data.past.length})</summary>
          <ul className="mt-2 flex flex-col gap-2" aria-label="Past sessions">
            {data.past.map(row)}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
