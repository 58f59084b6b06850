"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FEEDBACK_QUESTIONS } from "@/lib/constants/feedback";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { ScoreRow } from "./score-row";

/** After a session: how it went for the client, in a minute. Honest answers help most. */
export function SessionFeedbackForm({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const submit = useMutation(
    trpc.feedback.submit.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.session.byId.queryKey({ sessionId }) }) }),
  );

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/feedback").then((schemas) => schemas.ZSessionFeedbackSchema),
    toInput: (data) => ({ ...Object.fromEntries(data), sessionId }),
    invalidMessage: "Choose a number for each question.",
    mutate: (input) => submit.mutateAsync(input),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      <p className="text-ink-muted">
        Your therapist reads this to make sessions work better for you. It&apos;s fine to say if something isn&apos;t helping.
      </p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {(Object.keys(FEEDBACK_QUESTIONS) as (keyof typeof FEEDBACK_QUESTIONS)[]).map((name) => (
        <ScoreRow key={name} name={name} {...FEEDBACK_QUESTIONS[name]} />
      ))}
      <TextAreaField label="Anything else? (optional)" name="comment" rows={2} maxLength={4000} errors={errors.fieldErrors.comment} />
      <SubmitButton pendingLabel="Sending…" className="self-start">
        Send feedback
      </SubmitButton>
    </Form>
  );
}
