"use client";

import { clientSectionPath } from "@/lib/engagements/client-sections";
import Link from "next/link";
import { useState } from "react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDate } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/constants/goal";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { GoalEditForm } from "./goal-edit-form";
import { GoalStatusForm } from "./goal-status-form";
import { GoalSteps } from "./goal-steps";
import { RateGoalForm } from "./rate-goal-form";
import { RatingsChart } from "./ratings-chart";
import { GoalStatusBadge } from "./status-badge";

export function GoalView({ goalId, timeZone }: { goalId: string; timeZone: string }) {
  const trpc = useTRPC();
  const { data: goal } = useSuspenseQuery(trpc.goal.byId.queryOptions({ goalId }));
  const [isEditing, setIsEditing] = useState(false);
  const canEdit = goal.engagement.status === "active";
  const isClient = goal.viewerRole === "client";
  const backHref = isClient ? "/goals" : clientSectionPath(goal.engagement.id, "goals");

  return (
    <>
      <Link href={backHref} className="text-brand-strong underline">
        ← {isClient ? "Your goals" : goal.people.client}
      </Link>
      {isEditing ? (
        <GoalEditForm goal={goal} onDone={() => setIsEditing(false)} />
      ) : (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold">{goal.title}</h1>
            <GoalStatusBadge status={goal.status} />
          </div>
          {goal.whyItMatters ? (
            <p>
              <span className="font-medium">Why it matters:</span> {goal.whyItMatters}
            </p>
          ) : null}
          {goal.description ? <p className="text-ink-muted">{goal.description}</p> : null}
          <p className="text-sm text-ink-muted">
            Set by {goal.createdBy.name} on {formatDate(goal.createdAt, timeZone)}
            {goal.targetDate ? ` · aiming for ${formatDate(goal.targetDate, "UTC")}` : ""}
          </p>
          {canEdit ? (
            <Button variant="quiet" className="self-start px-0" onClick={() => setIsEditing(true)}>
              Edit wording
            </Button>
          ) : (
            <p className="rounded-lg bg-notice-soft px-4 py-3">This work together has ended, so this goal is read-only.</p>
          )}
        </div>
      )}

      <Card title="How it's going">
        <RatingsChart
          ratings={goal.ratings}
          clientLabel={isClient ? "You" : goal.people.client}
          therapistLabel={isClient ? goal.people.therapist : "You"}
          timeZone={timeZone}
          title={`Ratings for ${goal.title}`}
        />
        {canEdit ? (
          <div className="mt-5 border-t border-line pt-4">
            <RateGoalForm goalId={goal.id} question="How close do you feel to this goal today?" />
          </div>
        ) : null}
      </Card>

      <Card title="Steps">
        <GoalSteps goalId={goal.id} version={goal.version} steps={goal.steps} canEdit={canEdit} />
      </Card>

      <Card title="Status">
        {canEdit ? <GoalStatusForm goalId={goal.id} version={goal.version} status={goal.status} /> : null}
        <h3 className="mt-4 font-medium">History</h3>
        <ul className="mt-2 flex flex-col gap-1 text-ink-muted">
          {goal.statusChanges.map((change) => (
            <li key={change.id}>
              {formatDate(change.createdAt, timeZone)}: {change.changedBy.name}{" "}
              {change.fromStatus
                ? `moved it from “${STATUS_LABELS[change.fromStatus]}” to “${STATUS_LABELS[change.toStatus]}”`
                : "set this goal"}
              {change.note ? ` — ${change.note}` : ""}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
