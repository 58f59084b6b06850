"use client";

import { useState, type ReactNode } from "react";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useFormSubmit, type TSchemaLoader } from "@/components/ui/use-form-submit";

/**
 * One e-mail address in, a link out (to sign up, to reset a password). The
 * server answers the same words whether or not the address has an account;
 * they are shown as they come, and the button then offers to send again.
 */
export function EmailLinkForm<TSchema extends z.ZodType>({
  schema,
  send,
  noScript,
  label,
  hint,
  submitLabel,
  againLabel,
}: {
  schema: TSchemaLoader<TSchema>;
  send: (input: z.output<TSchema>) => Promise<{ message: string }>;
  /** Said when JavaScript is off. */
  noScript: ReactNode;
  label: string;
  hint?: string;
  submitLabel: string;
  /** The button once a link is sent. */
  againLabel: string;
}) {
  const [sent, setSent] = useState<string | null>(null);
  const { errors, onSubmit } = useFormSubmit({
    schema,
    onStart: () => setSent(null),
    mutate: send,
    onSuccess: (answer) => setSent(answer.message),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      <NoScriptNotice>{noScript}</NoScriptNotice>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <TextField label={label} name="email" type="email" autoComplete="email" required hint={hint} errors={errors.fieldErrors.email} />
      <SubmitButton pendingLabel="Sending…">{sent ? againLabel : submitLabel}</SubmitButton>
    </Form>
  );
}
