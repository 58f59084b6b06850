"use client";

import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { ZSignUpSchema } from "@/lib/schemas/account";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { NewPasswordField, TimeZoneField } from "@/components/account/account-fields";

export function SignUpForm({ timeZones }: { timeZones: string[] }) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZSignUpSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors({ fieldErrors: {} });
    try {
      await signUp.mutateAsync(parsed.data);
    } catch (error) {
      return setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
    const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    window.location.assign(result?.error ? "/sign-in" : "/caseload");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextField label="Your name" name="name" autoComplete="name" required errors={errors.fieldErrors.name} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required errors={errors.fieldErrors.email} />
      <NewPasswordField label="Password" name="password" errors={errors.fieldErrors.password} />
      <TimeZoneField timeZones={timeZones} errors={errors.fieldErrors.timeZone} />
      <Button type="submit" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating your account…" : "Create therapist account"}
      </Button>
    </form>
  );
}
