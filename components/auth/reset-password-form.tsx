"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { signInAndGo } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { NewPasswordField } from "@/components/account/account-fields";
import { AuthHeading } from "./auth-frame";
import { EmailedLink } from "./emailed-link";

export function ResetPasswordForm() {
  const trpc = useTRPC();
  const check = useMutation(trpc.auth.checkResetToken.mutationOptions());
  return (
    <EmailedLink
      title="Choose a new password"
      check={check}
      deadReason="Reset links work once, for an hour, and only the newest one you asked for. Your password hasn't changed. You can ask for a fresh link."
      deadWays={
        <Link href="/forgot-password" className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white">
          Send me a new link
        </Link>
      }
    >
      {(link) => <NewPasswordForm token={link.token} />}
    </EmailedLink>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/password-reset").then((schemas) => schemas.ZResetPasswordSchema),
    toInput: (data) => ({ token, newPassword: data.get("newPassword"), confirmPassword: data.get("confirmPassword") }),
    mutate: (input) => reset.mutateAsync(input),
    // Every session ended with the reset; sign this browser in with the new password.
    onSuccess: ({ email }, input) => signInAndGo({ email, password: input.newPassword }, "/", "/sign-in?reason=password-reset"),
  });

  return (
    <>
      <AuthHeading title="Choose a new password">
        Once it&apos;s changed, anywhere else you were signed in will be signed out.
      </AuthHeading>
      <Form onSubmit={onSubmit} className="flex flex-col gap-4">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        <NewPasswordField label="New password" name="newPassword" errors={errors.fieldErrors.newPassword} />
        <TextField
          label="New password, again"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          errors={errors.fieldErrors.confirmPassword}
        />
        <SubmitButton pendingLabel="Saving…">Save new password</SubmitButton>
      </Form>
    </>
  );
}
