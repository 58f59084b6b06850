"use client";

import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { ZChangePasswordSchema } from "@/lib/schemas/account";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { NewPasswordField } from "./account-fields";

export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [isChanged, setIsChanged] = useState(false);
  const change = useMutation(trpc.account.changePassword.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    setIsChanged(false);
    const parsed = ZChangePasswordSchema.safeParse(Object.fromEntries(new FormData(formElement)));
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors({ fieldErrors: {} });
    try {
      await change.mutateAsync(parsed.data);
    } catch (error) {
      return setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
    // The change ended every session, this one included: sign in again quietly.
    await signIn("credentials", { email, password: parsed.data.newPassword, redirect: false });
    formElement.reset();
    setIsChanged(true);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isChanged ? (
        <Alert tone="success">Your password is changed. Anywhere else you were signed in has been signed out.</Alert>
      ) : null}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={errors.fieldErrors.currentPassword}
      />
      <NewPasswordField label="New password" name="newPassword" errors={errors.fieldErrors.newPassword} />
      <Button type="submit" disabled={change.isPending} className="self-start">
        {change.isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
