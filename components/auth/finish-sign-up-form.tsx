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
import { NewPasswordField, TimeZoneField } from "@/components/account/account-fields";

/** Step two, from the e-mailed link (/sign-up/finish#<token>): the name, password and time zone. */
export function FinishSignUpForm({ timeZones }: { timeZones: string[] }) {
  const trpc = useTRPC();
  const check = useMutation(trpc.auth.checkSignUpLink.mutationOptions());
  const link = useCheckedFragmentToken(check, (token) => check.mutate({ token }));

  if (link.state === "checking") {
    return (
      <>
        <h1 className="mb-2 text-2xl font-semibold">Finish creating your account</h1>
        <NoScriptNotice>Alliance needs JavaScript for this. Turn it on in your browser&apos;s settings, then reload this page.</NoScriptNotice>
        <p className="text-ink-muted" role="status">
          Checking your link…
        </p>
      </>
    );
  }
  if (link.state !== "checked" || !link.data.isUsable) {
    return (
      <>
        <h1 className="mb-2 text-2xl font-semibold">This link doesn&apos;t work any more</h1>
        <p className="mb-4 text-ink-muted">
          It may have been used already, or be more than a day old. If you already finished, sign in; otherwise start again.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-in" className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white">
            Sign in
          </Link>
          <Link href="/sign-up" className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 font-medium">
            Start again
          </Link>
        </div>
      </>
    );
  }
  return <Details token={link.token} email={link.data.email} timeZones={timeZones} />;
}

function Details({ token, email, timeZones }: { token: string; email: string; timeZones: string[] }) {
  const trpc = useTRPC();
  const finish = useMutation(trpc.auth.finishSignUp.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/account").then((schemas) => schemas.ZFinishSignUpSchema),
    toInput: (data) => ({ token, ...Object.fromEntries(data) }),
    mutate: (input) => finish.mutateAsync(input),
    onSuccess: async (created, input) => {
      const result = await signInWithPassword({ email: created.email, password: input.password }).catch(() => null);
      window.location.assign(result && !result.error ? "/caseload" : "/sign-in");
    },
  });
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Finish creating your account</h1>
      <p className="mb-5 text-ink-muted">
        You&apos;ll sign in with <strong>{email}</strong>.
      </p>
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
