"use client";

import { clientSectionPath } from "@/lib/engagements/client-sections";
import Link from "next/link";
import { useState } from "react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { COMPLETION_LABELS, KIND_LABELS } from "@/lib/constants/homework";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CancelAssignmentButton } from "./cancel-assignment-button";
import { CompleteOccurrenceForm } from "./complete-occurrence-form";
import { VoiceMemoPlayer } from "@/components/voice/voice-memo-player";
import { EditAssignmentForm } from "./edit-assignment-form";
import { MoveToNewestFormButton } from "./move-to-newest-form-button";
import { scheduleText } from "./homework-panel";
import { OccurrenceStateBadge } from "./occurrence-state";
import { ReplyForm } from "./reply-form";

function day(value: string): string {
  return formatDate(new Date(`${value}T12:00:00Z`), "UTC");
}

export function HomeworkView({ assignmentId, timeZone, maxMemoSeconds }: { assignmentId: string; timeZone: string; maxMemoSeconds: number }) {
  const trpc = useTRPC();
  const { data: homework } = useSuspenseQuery(trpc.homework.byId.queryOptions({ assignmentId }));
  const [isEditing, setIsEditing] = useState(false);
  const isClient = homework.viewerRole === "client";
  const isWritable = homework.engagement.status === "active" && homework.status === "active";
  // Newest first for the therapist reading responses; in date order for the client working through them.
  const occurrences = isClient ? homework.occurrences : [...homework.occurrences].reverse();
  const { exercise } = homework;
  const entriesHref = `/homework/${homework.id}/entries`;

  return (
    <>
      <Link href={isClient ? "/between-sessions" : clientSectionPath(homework.engagement.id, "homework")} className="text-brand-strong underline">
        ← {isClient ? "Today" : homework.people.client}
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{homework.title}</h1>
        <p className="text-ink-muted">
          {KIND_LABELS[homework.kind]} · {scheduleText(homework)}
          {homework.goal ? (
            <>
              {" · helps with "}
              <Link href={`/goals/${homework.goal.id}`} className="underline">
                {homework.goal.title}
              </Link>
            </>
          ) : null}
        </p>
        {homework.status === "cancelled" ? (
          <p className="rounded-lg bg-notice-soft px-4 py-3">This homework was cancelled. What was recorded is kept.</p>
        ) : null}
      </div>
      {isEditing ? (
        <EditAssignmentForm assignment={homework} onDone={() => setIsEditing(false)} />
      ) : (
        <Card title="What to do">
          <p className="whitespace-pre-line">{homework.instructions}</p>
          {!isClient && isWritable ? (
            <Button variant="quiet" className="mt-2 px-0" onClick={() => setIsEditing(true)}>
              Edit wording or goal
            </Button>
          ) : null}
        </Card>
      )}
      {exercise ? (
        <Card title="The exercise">
          <div className="flex flex-col gap-3">
            {isClient ? (
              <p>Each day has its own form to fill in. What you write is kept as you go and stays private until you send it.</p>
            ) : (
              <>
                <p>
                  Form version {exercise.version}
                  {exercise.newestVersion > exercise.version ? ` · version ${exercise.newestVersion} is the newest` : ""}
                </p>
                {exercise.newestVersion > exercise.version && isWritable ? (
                  <div className="flex flex-col items-start gap-2">
                    <p className="text-sm text-ink-muted">
                      You changed this exercise since assigning it. Moving on uses the newer form for the days still to be filled in;
                      what was already sent keeps the version it was sent with.
                    </p>
                    <MoveToNewestFormButton assignmentId={homework.id} version={exercise.version} newestVersion={exercise.newestVersion} />
                  </div>
                ) : null}
              </>
            )}
            <Link href={entriesHref} className="self-start text-brand-strong underline">
              All entries and charts
            </Link>
          </div>
        </Card>
      ) : null}
      <Card title={isClient ? "Your days" : "Responses"}>
        <ul className="flex flex-col gap-3" aria-label="Occurrences">
          {occurrences.map((occurrence) => {
            const canRecord = isClient && isWritable && !occurrence.completion && occurrence.state !== "upcoming";
            const entryHref = `${entriesHref}/${occurrence.id}`;
            const isSent = exercise !== null && occurrence.completion?.status === "done";
            return (
              <li key={occurrence.id} className="flex flex-col gap-2 border-b border-line pb-3 last:border-b-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">
                    {occurrence.opensOn === occurrence.dueOn ? day(occurrence.dueOn) : `${day(occurrence.opensOn)} – ${day(occurrence.dueOn)}`}
                  </span>
                  <OccurrenceStateBadge state={occurrence.state} />
                </div>
                {occurrence.completion ? (
                  <div className="flex flex-col gap-1">
                    <p className="text-sm text-ink-muted">
                      {isSent ? "Sent" : COMPLETION_LABELS[occurrence.completion.status]}
                      {occurrence.completion.difficulty !== null ? ` · hard: ${occurrence.completion.difficulty}/4` : ""}
                      {occurrence.completion.helpfulness !== null ? ` · helpful: ${occurrence.completion.helpfulness}/4` : ""}
                    </p>
                    {occurrence.completion.response ? <p className="whitespace-pre-line">{occurrence.completion.response}</p> : null}
                    {occurrence.completion.obstacle ? (
                      <p className="whitespace-pre-line">
                        <span className="font-medium">What got in the way:</span> {occurrence.completion.obstacle}
                      </p>
                    ) : null}
                    {occurrence.completion.feedback ? (
                      <p className="rounded-lg bg-brand-soft px-3 py-2">
                        <span className="font-medium">{isClient ? homework.people.therapist : "Your reply"}:</span>{" "}
                        {occurrence.completion.feedback}
                      </p>
                    ) : null}
                    {occurrence.voiceMemos.map((memo) => (
                      <VoiceMemoPlayer key={memo.id} memo={memo} timeZone={timeZone} />
                    ))}
                    {isSent ? (
                      <Link href={entryHref} className="self-start text-brand-strong underline">
                        {isClient ? "Read what you sent" : "Read the entry"}
                        <span className="sr-only"> for {day(occurrence.dueOn)}</span>
                      </Link>
                    ) : null}
                    {!isClient && !isSent && homework.engagement.status === "active" ? (
                      <ReplyForm occurrenceId={occurrence.id} assignmentId={homework.id} initial={occurrence.completion.feedback} />
                    ) : null}
                  </div>
                ) : null}
                {canRecord && exercise ? (
                  <div className="flex flex-col gap-2">
                    <Link href={entryHref} className={buttonClassName("primary", "self-start")}>
                      Fill it in<span className="sr-only"> for {day(occurrence.dueOn)}</span>
                    </Link>
                    <details>
                      <summary className="cursor-pointer py-2 text-brand-strong">Didn&apos;t get to it?</summary>
                      <CompleteOccurrenceForm occurrenceId={occurrence.id} assignmentId={homework.id} isSkipOnly />
                    </details>
                  </div>
                ) : canRecord ? (
                  <CompleteOccurrenceForm occurrenceId={occurrence.id} assignmentId={homework.id} maxMemoSeconds={maxMemoSeconds} />
                ) : null}
              </li>
            );
          })}
        </ul>
      </Card>
      {!isClient && isWritable ? <CancelAssignmentButton assignmentId={homework.id} engagementId={homework.engagement.id} /> : null}
    </>
  );
}
