"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useFormSubmit } from "@/components/ui/use-form-submit";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  // The server's words, the same whether or not the address has an account.
  const [sent, setSent] = useState<string | null>(null);

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/password-reset").then((schemas) => schemas.ZRequestPasswordResetSchema),
    onStart: () => setSent(null),
    mutate: (input) => request.mutateAsync(input),
    onSuccess: (answer) => setSent(answer.message),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      <NoScriptNotice>Alliance needs JavaScript for this. Turn it on in your browser&apos;s settings, then reload this page.</NoScriptNotice>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={errors.fieldErrors.email} />
      <SubmitButton pendingLabel="Sending…">{sent ? "Send another link" : "Send me a link"}</SubmitButton>
    </Form>
  );
}
