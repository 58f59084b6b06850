"use client";

import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { describeSchedule } from "@/lib/homework/schedule";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

// Loaded, with the template library, when "Assign homework" is chosen, not with the page.
const AssignHomeworkForm = lazy(() => import("./assign-homework-form").then((module) => ({ default: module.AssignHomeworkForm })));

/** The therapist's view of one client's homework: this week's figure, each assignment's progress. */
export function HomeworkPanel({ engagementId, canEdit }: { engagementId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.homework.list.queryOptions({ engagementId }));
  const [isAssigning, setIsAssigning] = useState(false);
  const { adherence, assignments } = data;

  return (
    <div className="flex flex-col gap-3">
      {assignments.length > 0 ? (
        <p>
          Last 7 days: <strong>{adherence.done}</strong> of <strong>{adherence.assigned}</strong> done
        </p>
      ) : null}
      {assignments.length === 0 ? (
        <EmptyState>No homework yet. Assign something small to try before the next session.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Homework">
          {assignments.map((assignment) => (
            <li key={assignment.id}>
              <Link href={`/homework/${assignment.id}`} className="flex flex-col gap-0.5 rounded-lg border border-line px-3 py-2 hover:border-brand">
                <span className="font-medium">
                  {assignment.title}
                  {assignment.status === "cancelled" ? <span className="text-ink-muted"> · cancelled</span> : null}
                </span>
                <span className="text-sm text-ink-muted">
                  {scheduleText(assignment)} · {assignment.progress.done} of {assignment.progress.due} due so far done
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canEdit && isAssigning ? (
        <Suspense fallback={<p className="text-ink-muted">Loading your templates…</p>}>
          <AssignHomeworkForm engagementId={engagementId} onDone={() => setIsAssigning(false)} />
        </Suspense>
      ) : null}
      {canEdit && !isAssigning ? (
        <Button variant="secondary" className="self-start" onClick={() => setIsAssigning(true)}>
          Assign homework
        </Button>
      ) : null}
    </div>
  );
}

export function scheduleText(assignment: { schedule: "once" | "daily" | "weekly"; startsOn: string; endsOn: string; occurrences: unknown[]; timesPerWeek: number | null }) {
  if (assignment.schedule === "once") return describeSchedule({ schedule: "once", startsOn: assignment.startsOn, dueOn: assignment.endsOn });
  if (assignment.schedule === "daily") return describeSchedule({ schedule: "daily", startsOn: assignment.startsOn, days: assignment.occurrences.length });
  const timesPerWeek = assignment.timesPerWeek ?? 1;
  return describeSchedule({
    schedule: "weekly",
    startsOn: assignment.startsOn,
    timesPerWeek,
    weeks: Math.max(1, Math.round(assignment.occurrences.length / timesPerWeek)),
  });
}
