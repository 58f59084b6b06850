"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/constants/practice";
import { signInAndGo } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { NewPasswordField, TimeZoneField } from "@/components/account/account-fields";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { AuthHeading } from "@/components/auth/auth-frame";
import { EmailedLink } from "@/components/auth/emailed-link";

type TViewer = { id: string; email: string; name: string } | null;

/** Joining a practice from the e-mailed link (/join#<token>). */
export function JoinPracticeForm({ timeZones, viewer }: { timeZones: string[]; viewer: TViewer }) {
  const trpc = useTRPC();
  const check = useMutation(trpc.practice.checkJoinLink.mutationOptions());
  return (
    <EmailedLink
      title="Join a practice"
      check={check}
      deadReason="It may have been used already, withdrawn, or be more than 7 days old. Ask whoever invited you to send a new one."
      deadWays={
        <Link href="/sign-in" className="inline-flex min-h-11 items-center self-start rounded-lg bg-brand px-4 font-medium text-white">
          Sign in
        </Link>
      }
    >
      {(link) => {
        const { data } = link;
        const heading = (
          <AuthHeading title={`Join ${data.practiceName}`}>
            {data.inviterName} invited you to join as {data.role === "admin" ? "an" : "a"} {ROLE_LABELS[data.role].toLowerCase()}.{" "}
            {ROLE_DESCRIPTIONS[data.role]}
          </AuthHeading>
        );
        if (viewer) {
          return (
            <>
              {heading}
              <JoinAsSignedIn token={link.token} viewer={viewer} invitedEmail={data.email} />
            </>
          );
        }
        if (data.hasAccount) {
          return (
            <>
              {heading}
              <p className="mb-4">
                There&apos;s already an account for <strong>{data.email}</strong>. Sign in with it, then open the link in the e-mail again to
                join.
              </p>
              <Link href="/sign-in" className="inline-flex min-h-11 items-center self-start rounded-lg bg-brand px-4 font-medium text-white">
                Sign in
              </Link>
            </>
          );
        }
        return (
          <>
            {heading}
            <JoinAsNew token={link.token} email={data.email} inviteeName={data.inviteeName} timeZones={timeZones} />
          </>
        );
      }}
    </EmailedLink>
  );
}

function JoinAsNew({ token, email, inviteeName, timeZones }: { token: string; email: string; inviteeName: string; timeZones: string[] }) {
  const trpc = useTRPC();
  const join = useMutation(trpc.practice.joinNew.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/practice").then((schemas) => schemas.ZJoinAsNewSchema),
    toInput: (data) => ({ token, ...Object.fromEntries(data) }),
    mutate: (input) => join.mutateAsync(input),
    onSuccess: (joined, input) => signInAndGo({ email: joined.email, password: input.password }, "/practice", "/sign-in"),
  });
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Set up your account">
      <p>
        Set up your account. You&apos;ll sign in with <strong>{email}</strong>.
      </p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextField label="Your name" name="name" autoComplete="name" defaultValue={inviteeName} required errors={errors.fieldErrors.name} />
      <NewPasswordField label="Password" name="password" errors={errors.fieldErrors.password} />
      <TimeZoneField timeZones={timeZones} errors={errors.fieldErrors.timeZone} />
      <SubmitButton pendingLabel="Setting up your account…">Join the practice</SubmitButton>
    </Form>
  );
}

function JoinAsSignedIn({ token, viewer, invitedEmail }: { token: string; viewer: NonNullable<TViewer>; invitedEmail: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const join = useMutation(trpc.practice.joinExisting.mutationOptions({ onSuccess: () => router.push("/practice") }));
  if (viewer.email !== invitedEmail) {
    return (
      <>
        <p className="mb-4">
          You&apos;re signed in as {viewer.email}, but this invitation is for <strong>{invitedEmail}</strong>. Sign out, then open the link again.
        </p>
        <SignOutButton userId={viewer.id} />
      </>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p>You&apos;re signed in as {viewer.name}. Joining works only while you have no clients or colleagues where you are now.</p>
      {join.error ? <Alert tone="error">{join.error.message}</Alert> : null}
      <Button className="self-start" disabled={join.isPending} onClick={() => join.mutate({ token })}>
        {join.isPending ? "Joining…" : "Join the practice"}
      </Button>
    </div>
  );
}
