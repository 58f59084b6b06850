"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { CurrentPasswordField } from "./account-fields";

/** Asks for a new sign-in address; the change happens when the link e-mailed to it is opened. */
export function ChangeEmailForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(trpc.account.requestEmailChange.mutationOptions());

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/email-change").then((schemas) => schemas.ZRequestEmailChangeSchema),
    onStart: () => setSentTo(null),
    mutate: (input) => request.mutateAsync(input),
    onSuccess: (_sent, input, form) => {
      form.reset();
      setSentTo(input.newEmail);
    },
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      <p className="text-ink-muted">
        You sign in with <strong className="text-ink">{email}</strong>. To change it, we&apos;ll send a link to the new
        address; nothing changes until you open it. We&apos;ll also let {email} know.
      </p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {sentTo ? (
        <Alert tone="success">
          Check {sentTo} for a link to confirm it. It works once, for 24 hours. Until then you still sign in with {email}.
        </Alert>
      ) : null}
      <TextField
        label="New e-mail address"
        name="newEmail"
        type="email"
        autoComplete="email"
        errors={errors.fieldErrors.newEmail}
      />
      <CurrentPasswordField
        label="Current password"
        name="currentPassword"
        hint="To make sure it's really you."
        errors={errors.fieldErrors.currentPassword}
      />
      <SubmitButton pendingLabel="Sending…" className="self-start">
        Send the link
      </SubmitButton>
    </Form>
  );
}
