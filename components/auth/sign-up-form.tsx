"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useFormSubmit } from "@/components/ui/use-form-submit";

/** Step one: the address. The same answer for every address; the e-mail says what comes next (server/auth/sign-up.ts). */
export function SignUpForm() {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [sent, setSent] = useState<string | null>(null);
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/account").then((schemas) => schemas.ZSignUpSchema),
    onStart: () => setSent(null),
    mutate: (input) => signUp.mutateAsync(input),
    onSuccess: (answer) => setSent(answer.message),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      <NoScriptNotice>
        Alliance needs JavaScript to create your account. Turn it on in your browser&apos;s settings, then reload this page.
      </NoScriptNotice>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        hint="We'll send a link there to finish: it keeps your account yours."
        errors={errors.fieldErrors.email}
      />
      <SubmitButton pendingLabel="Sending…">{sent ? "Send the link again" : "Create therapist account"}</SubmitButton>
    </Form>
  );
}
