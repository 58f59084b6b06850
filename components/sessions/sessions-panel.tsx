"use client";

import Link from "next/link";
import { useState } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ZScheduleSessionSchema } from "@/lib/schemas/session";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

function ScheduleForm({ engagementId, onDone }: { engagementId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedule = useMutation(trpc.session.schedule.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));

  const { errors, onSubmit } = useFormSubmit({
    schema: ZScheduleSessionSchema,
    toInput: (data) => ({ ...Object.fromEntries(data), engagementId }),
    mutate: (input) => schedule.mutateAsync(input),
    onSuccess: onDone,
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-xl border border-line p-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Date" name="day" type="date" errors={errors.fieldErrors.day} />
        <TextField label="Time (your time zone)" name="time" type="time" errors={errors.fieldErrors.time} />
        <TextField label="Minutes" name="durationMinutes" type="number" defaultValue="50" min={10} max={240} errors={errors.fieldErrors.durationMinutes} />
      </div>
      <TextField label="Place (optional)" name="location" maxLength={300} errors={errors.fieldErrors.location} />
      <TextField label="Video link (optional)" name="videoUrl" type="url" placeholder="https://" errors={errors.fieldErrors.videoUrl} />
      <FormActions submitLabel="Schedule" onCancel={onDone} />
    </Form>
  );
}

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
      {canEdit && isScheduling ? <ScheduleForm engagementId={engagementId} onDone={() => setIsScheduling(false)} /> : null}
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
