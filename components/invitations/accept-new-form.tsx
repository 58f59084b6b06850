"use client";

import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { ZAcceptInvitationNewSchema } from "@/lib/schemas/invitation";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { NewPasswordField, TimeZoneField } from "@/components/account/account-fields";

export function AcceptNewForm({
  token,
  email,
  suggestedName,
  timeZones,
}: {
  token: string;
  email: string;
  suggestedName: string;
  timeZones: string[];
}) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const accept = useMutation(trpc.invitation.acceptNew.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZAcceptInvitationNewSchema.safeParse({ token, ...Object.fromEntries(new FormData(event.currentTarget)) });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors({ fieldErrors: {} });
    try {
      await accept.mutateAsync(parsed.data);
    } catch (error) {
      return setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
    const result = await signIn("credentials", { email, password: parsed.data.password, redirect: false });
    window.location.assign(result?.error ? "/sign-in" : "/between-sessions");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <p>
        Your sign-in e-mail will be <strong>{email}</strong>.
      </p>
      <TextField
        label="Your name"
        name="name"
        defaultValue={suggestedName}
        autoComplete="name"
        hint="How you'd like to be called here."
        errors={errors.fieldErrors.name}
      />
      <NewPasswordField label="Choose a password" name="password" errors={errors.fieldErrors.password} />
      <TimeZoneField timeZones={timeZones} errors={errors.fieldErrors.timeZone} />
      <Button type="submit" disabled={accept.isPending}>
        {accept.isPending ? "Setting up…" : "Accept and set up my account"}
      </Button>
    </form>
  );
}
