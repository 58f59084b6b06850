"use client";

import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { withTrend, type TLatestByParty } from "@/lib/goals/ratings";
import { useTRPC } from "@/components/trpc/provider";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { RatingSummary } from "./rating-summary";
import { GoalStatusBadge } from "./status-badge";

// Loaded when "Add a goal" is chosen, not with the page.
const NewGoalForm = lazy(() => import("./new-goal-form").then((module) => ({ default: module.NewGoalForm })));

/** The goals of one engagement at a glance: status, steps done, both latest ratings. */
export function GoalsPanel({
  engagementId,
  canEdit,
  labels,
}: {
  engagementId: string;
  canEdit: boolean;
  labels: { client: string; therapist: string };
}) {
  const trpc = useTRPC();
  const { data: goals } = useSuspenseQuery(trpc.goal.list.queryOptions({ engagementId }));
  const [isAdding, setIsAdding] = useState(false);
  const hasActive = goals.some((goal) => goal.status === "active");

  return (
    <div className="flex flex-col gap-3">
      {goals.length === 0 ? (
        <EmptyState>No goals yet. Goals you set together, and how you both feel they&apos;re going, appear here.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Goals">
          {goals.map((goal) => {
            const latest: TLatestByParty = { client: withTrend(goal.latest.client), therapist: withTrend(goal.latest.therapist) };
            const done = goal.steps.filter((step) => step.isDone).length;
            return (
              <li key={goal.id}>
                <Link
                  href={`/goals/${goal.id}`}
                  className="flex flex-col gap-1 rounded-lg border border-line px-3 py-2 hover:border-brand"
                >
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{goal.title}</span>
                    <GoalStatusBadge status={goal.status} />
                  </span>
                  <span className="text-sm text-ink-muted">
                    {goal.steps.length > 0 ? `${done} of ${goal.steps.length} steps · ` : null}
                    <RatingSummary ratings={latest} clientLabel={labels.client} therapistLabel={labels.therapist} />
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && isAdding ? (
        <Suspense fallback={<p className="text-ink-muted">Loading…</p>}>
          <NewGoalForm engagementId={engagementId} onDone={() => setIsAdding(false)} />
        </Suspense>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {canEdit && !isAdding ? (
          <Button variant="secondary" onClick={() => setIsAdding(true)}>
            Add a goal
          </Button>
        ) : null}
        {hasActive ? (
          <Link href={`/engagements/${engagementId}/review`} className={buttonClassName("secondary")}>
            Review goals together
          </Link>
        ) : null}
      </div>
    </div>
  );
}
