"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formErrorsFromServer, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";

export function ReplyForm({
  occurrenceId,
  assignmentId,
  initial,
  onReplied,
}: {
  occurrenceId: string;
  assignmentId: string;
  initial: string | null;
  /** After the reply is kept, e.g. to re-render a server-drawn page. */
  onReplied?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const reply = useMutation(
    trpc.homework.reply.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.homework.byId.queryKey({ assignmentId }) });
        onReplied?.();
      },
    }),
  );

  async function onSubmit(data: FormData) {
    const feedback = String(data.get("feedback") ?? "").trim();
    if (!feedback) return setErrors({ fieldErrors: { feedback: ["Write a short reply."] } });
    setErrors({ fieldErrors: {} });
    await reply.mutateAsync({ occurrenceId, feedback }).catch((error) => setErrors(formErrorsFromServer(error)));
  }

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextAreaField label={initial ? "Change your reply" : "Reply"} name="feedback" rows={2} defaultValue={initial ?? ""} errors={errors.fieldErrors.feedback} />
      <SubmitButton variant="secondary" pendingLabel="Sending…" className="self-start">
        Send reply
      </SubmitButton>
    </Form>
  );
}
