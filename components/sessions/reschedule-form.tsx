"use client";

import { useMutation } from "@tanstack/react-query";
import { wallClock } from "@/lib/time/zones";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

type TSessionWhen = { id: string; startsAt: Date; durationMinutes: number; location: string; videoUrl: string };

/** The therapist moves a session; times are read on their own clock. Opened from RescheduleButton. */
export function RescheduleForm({ session, timeZone, onClose }: { session: TSessionWhen; timeZone: string; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const reschedule = useMutation(trpc.session.reschedule.mutationOptions());
  const current = wallClock(new Date(session.startsAt), timeZone);

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/session").then((schemas) => schemas.ZRescheduleSessionSchema),
    toInput: (data) => ({ ...Object.fromEntries(data), sessionId: session.id }),
    mutate: (input) => reschedule.mutateAsync(input),
    onSuccess: async () => {
      // The engagement's header shows the next session too (engagement-header.tsx).
      await invalidate(trpc.session.pathKey(), trpc.engagement.pathKey());
      onClose();
    },
  });

  return (
    <Form onSubmit={onSubmit} className="flex w-full flex-col gap-4 rounded-xl border border-line p-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Date" name="day" type="date" defaultValue={current.day} errors={errors.fieldErrors.day} />
        <TextField label="Time (your time zone)" name="time" type="time" defaultValue={current.time} errors={errors.fieldErrors.time} />
        <TextField label="Minutes" name="durationMinutes" type="number" defaultValue={session.durationMinutes} errors={errors.fieldErrors.durationMinutes} />
      </div>
      <TextField label="Place (optional)" name="location" defaultValue={session.location} errors={errors.fieldErrors.location} />
      <TextField label="Video link (optional)" name="videoUrl" type="url" defaultValue={session.videoUrl} errors={errors.fieldErrors.videoUrl} />
      <FormActions submitLabel="Save new time" onCancel={onClose} />
    </Form>
  );
}
