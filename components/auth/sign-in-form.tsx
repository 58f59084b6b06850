"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { ZSignInSchema } from "@/lib/schemas/account";
import { formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

// One message for "no such account" and "wrong password" (quality.md, item 7).
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match. Check them and try again.",
  TooManyAttempts: "Too many attempts. For your safety, please wait 15 minutes and try again.",
};

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZSignInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setIsPending(true);
    setErrors({ fieldErrors: {} });
    const result = await signIn("credentials", { ...parsed.data, redirect: false }).catch(() => null);
    if (!result || result.error) {
      setIsPending(false);
      const message = result?.error ? MESSAGES[result.error] : undefined;
      return setErrors({ fieldErrors: {}, formError: message ?? "We couldn't sign you in just now. Please try again." });
    }
    window.location.assign(returnTo);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={errors.fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.fieldErrors.password}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
