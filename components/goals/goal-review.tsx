"use client";

import Link from "next/link";
import { useState } from "react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { GoalStatusForm } from "./goal-status-form";
import { GoalSteps } from "./goal-steps";
import { RateGoalForm } from "./rate-goal-form";
import { RatingsChart } from "./ratings-chart";

/**
 * Revisiting goals together, one at a time: both latest ratings and their
 * history, the steps, a new rating and a status change in a couple of taps.
 * Self-contained so the session view can embed it.
 */
export function GoalReview({ engagementId, timeZone }: { engagementId: string; timeZone: string }) {
  const trpc = useTRPC();
  const { data: goals } = useSuspenseQuery(trpc.goal.list.queryOptions({ engagementId }));
  // The set under review is fixed when the review starts, so a goal marked
  // "reached" mid-review stays in place rather than shifting the order.
  const [reviewIds] = useState(() => goals.filter((goal) => goal.status === "active").map((goal) => goal.id));
  const [index, setIndex] = useState(0);
  const goalId = reviewIds[index];
  const { data: goal } = useQuery({ ...trpc.goal.byId.queryOptions({ goalId: goalId ?? "" }), enabled: Boolean(goalId) });

  if (reviewIds.length === 0) {
    return <EmptyState>There are no active goals to review right now.</EmptyState>;
  }

  return (
    <section aria-labelledby="review-heading" className="flex flex-col gap-5">
      <p id="review-heading" className="text-ink-muted" aria-live="polite">
        Goal {index + 1} of {reviewIds.length}
      </p>
      {!goal ? (
        <p className="text-ink-muted">Loading…</p>
      ) : (
        <>
          <h2 className="text-xl font-semibold">{goal.title}</h2>
          {goal.whyItMatters ? <p>Why it matters: {goal.whyItMatters}</p> : null}
          <RatingsChart
            ratings={goal.ratings}
            clientLabel={goal.viewerRole === "client" ? "You" : goal.people.client}
            therapistLabel={goal.viewerRole === "client" ? goal.people.therapist : "You"}
            timeZone={timeZone}
            title={`Ratings for ${goal.title}`}
          />
          <RateGoalForm key={goal.id} goalId={goal.id} question="Where would you put it now?" />
          <div>
            <h3 className="mb-2 font-medium">Steps</h3>
            <GoalSteps goalId={goal.id} version={goal.version} steps={goal.steps} canEdit />
          </div>
          <GoalStatusForm key={goal.id} goalId={goal.id} version={goal.version} status={goal.status} />
        </>
      )}
      <nav aria-label="Review" className="flex flex-wrap items-center gap-2 border-t border-line pt-4">
        <Button variant="secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          Previous goal
        </Button>
        {index < reviewIds.length - 1 ? (
          <Button onClick={() => setIndex(index + 1)}>Next goal</Button>
        ) : (
          <Link href="/" className="font-medium text-brand-strong underline">
            Finish review
          </Link>
        )}
      </nav>
    </section>
  );
}
