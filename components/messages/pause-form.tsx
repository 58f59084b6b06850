"use client";

// A therapist's pause on messages (a holiday), for all their clients at
// once: while it is on, clients can read but not write, and see the notice
// instead of the box (server/messages/settings.ts).
import { useState } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

export function MessagePauseForm({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: pause } = useSuspenseQuery(trpc.message.pause.queryOptions());
  const [isPaused, setIsPaused] = useState(pause.isPaused);
  const [saved, setSaved] = useState<string | null>(null);
  const update = useMutation(
    trpc.message.setPause.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.message.pause.queryKey(), data),
    }),
  );
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/message").then((schemas) => schemas.ZMessagePauseSchema),
    toInput: (data) => ({ isPaused: data.get("isPaused") === "on", notice: data.get("notice") ?? "" }),
    onStart: () => setSaved(null),
    mutate: (input) => update.mutateAsync(input),
    onSuccess: (result) => setSaved(result.isPaused ? "Messages are paused. Your clients see your notice." : "Messages are on again."),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Pause messages">
      <p className="text-ink-muted">
        Going away? While messages are paused, your clients can still read their conversations but can&apos;t write, and see
        your notice instead.
      </p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="isPaused" checked={isPaused} onChange={(event) => setIsPaused(event.target.checked)} />
        Pause messages for all my clients
      </label>
      {pause.isPaused && pause.pausedAt ? <p className="text-sm text-ink-muted">Paused since {formatDate(pause.pausedAt, timeZone)}.</p> : null}
      <TextAreaField
        label="What your clients see"
        hint="Say when you'll be back and who to contact meanwhile. No client's details, please: every client sees this."
        name="notice"
        rows={3}
        defaultValue={pause.notice}
        placeholder="I'm away until 4 January. If you need help sooner, call the practice on …"
        errors={errors.fieldErrors.notice}
      />
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save
      </SubmitButton>
    </Form>
  );
}
