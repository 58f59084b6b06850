"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { signInWithPassword } from "@/components/auth/auth-client";
import { signInPath } from "@/lib/auth/signed-out";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { CurrentPasswordField, NewPasswordField } from "./account-fields";

export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const [isChanged, setIsChanged] = useState(false);
  const change = useMutation(trpc.account.changePassword.mutationOptions());

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/account").then((schemas) => schemas.ZChangePasswordSchema),
    onStart: () => setIsChanged(false),
    mutate: (input) => change.mutateAsync(input),
    onSuccess: async (_changed, input, form) => {
      // The change ended every session, this one included: sign in again quietly.
      const result = await signInWithPassword({ email, password: input.newPassword }).catch(() => null);
      // With two-step sign-in on, that needs a code: the sign-in page asks, then comes back here.
      if (!result || result.error) return window.location.assign(signInPath({ next: "/account" }));
      form.reset();
      setIsChanged(true);
    },
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isChanged ? (
        <Alert tone="success">Your password is changed. Anywhere else you were signed in has been signed out.</Alert>
      ) : null}
      <CurrentPasswordField label="Current password" name="currentPassword" errors={errors.fieldErrors.currentPassword} />
      <NewPasswordField label="New password" name="newPassword" errors={errors.fieldErrors.newPassword} />
      <SubmitButton pendingLabel="Changing…" className="self-start">
        Change password
      </SubmitButton>
    </Form>
  );
}
