"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

/** The therapist schedules a session with this client; times are read on their own clock. */
export function ScheduleForm({ engagementId, onDone }: { engagementId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedule = useMutation(trpc.session.schedule.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/session").then((schemas) => schemas.ZScheduleSessionSchema),
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
