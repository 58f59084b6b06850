"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FEEDBACK_QUESTIONS, ZSessionFeedbackSchema } from "@/lib/schemas/feedback";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ScoreRow } from "./score-row";

/** After a session: how it went for the client, in a minute. Honest answers help most. */
export function SessionFeedbackForm({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const submit = useMutation(
    trpc.feedback.submit.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.session.byId.queryKey({ sessionId }) }) }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZSessionFeedbackSchema.safeParse({ ...Object.fromEntries(new FormData(event.currentTarget)), sessionId });
    if (!parsed.success) return setErrors({ ...formErrorsFromZod(parsed.error), formError: "Choose a number for each question." });
    setErrors({ fieldErrors: {} });
    await submit.mutateAsync(parsed.data).catch((error) => setErrors(formErrorsFromServer(error)));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-ink-muted">
        Your therapist reads this to make sessions work better for you. It&apos;s fine to say if something isn&apos;t helping.
      </p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {(Object.keys(FEEDBACK_QUESTIONS) as (keyof typeof FEEDBACK_QUESTIONS)[]).map((name) => (
        <ScoreRow key={name} name={name} {...FEEDBACK_QUESTIONS[name]} />
      ))}
      <TextAreaField label="Anything else? (optional)" name="comment" rows={2} maxLength={4000} errors={errors.fieldErrors.comment} />
      <Button type="submit" disabled={submit.isPending} className="self-start">
        {submit.isPending ? "Sending…" : "Send feedback"}
      </Button>
    </form>
  );
}
