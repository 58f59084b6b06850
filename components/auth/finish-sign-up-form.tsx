"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { signInAndGo } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { NewPasswordField, TimeZoneField } from "@/components/account/account-fields";
import { AuthHeading } from "./auth-frame";
import { EmailedLink } from "./emailed-link";

/** Step two, from the e-mailed link (/sign-up/finish#<token>): the name, password and time zone. */
export function FinishSignUpForm({ timeZones }: { timeZones: string[] }) {
  const trpc = useTRPC();
  const check = useMutation(trpc.auth.checkSignUpLink.mutationOptions());
  return (
    <EmailedLink
      title="Finish creating your account"
      check={check}
      deadReason="It may have been used already, or be more than a day old. If you already finished, sign in; otherwise start again."
      deadWays={
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-in" className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white">
            Sign in
          </Link>
          <Link href="/sign-up" className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 font-medium">
            Start again
          </Link>
        </div>
      }
    >
      {(link) => <Details token={link.token} email={link.data.email} timeZones={timeZones} />}
    </EmailedLink>
  );
}

function Details({ token, email, timeZones }: { token: string; email: string; timeZones: string[] }) {
  const trpc = useTRPC();
  const finish = useMutation(trpc.auth.finishSignUp.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/account").then((schemas) => schemas.ZFinishSignUpSchema),
    toInput: (data) => ({ token, ...Object.fromEntries(data) }),
    mutate: (input) => finish.mutateAsync(input),
    onSuccess: (created, input) => signInAndGo({ email: created.email, password: input.password }, "/caseload", "/sign-in"),
  });
  return (
    <>
      <AuthHeading title="Finish creating your account">
        You&apos;ll sign in with <strong>{email}</strong>.
      </AuthHeading>
      <Form onSubmit={onSubmit} className="flex flex-col gap-4">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        <TextField label="Your name" name="name" autoComplete="name" required errors={errors.fieldErrors.name} />
        <NewPasswordField label="Password" name="password" errors={errors.fieldErrors.password} />
        <TimeZoneField timeZones={timeZones} errors={errors.fieldErrors.timeZone} />
        <SubmitButton pendingLabel="Creating your account…">Create my account</SubmitButton>
      </Form>
    </>
  );
}
