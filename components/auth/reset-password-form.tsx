"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { signInWithPassword } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { useCheckedFragmentToken } from "@/components/ui/use-fragment-token";
import { NewPasswordField } from "@/components/account/account-fields";

export function ResetPasswordForm() {
  const trpc = useTRPC();
  const check = useMutation(trpc.auth.checkResetToken.mutationOptions());
  const link = useCheckedFragmentToken(check, (token) => check.mutate({ token }));

  if (link.state === "checking") {
    return (
      <>
        <h1 className="mb-2 text-2xl font-semibold">Choose a new password</h1>
        <NoScriptNotice>Alliance needs JavaScript for this. Turn it on in your browser&apos;s settings, then reload this page.</NoScriptNotice>
        <p className="text-ink-muted" role="status">
          Checking your link…
        </p>
      </>
    );
  }
  if (link.state !== "checked" || !link.data.isUsable) return <DeadLink />;
  return <NewPasswordForm token={link.token} />;
}

function DeadLink() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">This link doesn&apos;t work any more</h1>
      <p className="mb-4 text-ink-muted">
        Reset links work once, for an hour, and only the newest one you asked for. Your password hasn&apos;t changed. You
        can ask for a fresh link.
      </p>
      <Link
        href="/forgot-password"
        className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white"
      >
        Send me a new link
      </Link>
    </>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/password-reset").then((schemas) => schemas.ZResetPasswordSchema),
    toInput: (data) => ({ token, newPassword: data.get("newPassword"), confirmPassword: data.get("confirmPassword") }),
    mutate: (input) => reset.mutateAsync(input),
    onSuccess: async ({ email }, input) => {
      // Every session ended with the reset; sign this browser in with the new password.
      const result = await signInWithPassword({ email, password: input.newPassword }).catch(() => null);
      window.location.assign(result && !result.error ? "/" : "/sign-in?reason=password-reset");
    },
  });

  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Choose a new password</h1>
      <p className="mb-5 text-ink-muted">
        Once it&apos;s changed, anywhere else you were signed in will be signed out.
      </p>
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
