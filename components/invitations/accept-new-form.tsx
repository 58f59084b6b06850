"use client";

import { useMutation } from "@tanstack/react-query";
import { signInAndGo } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { NewPasswordField, TimeZoneField } from "@/components/account/account-fields";

/** What the invitation page passes on to setting up an account. */
export type TInvitee = { token: string; suggestedName: string; timeZones: string[] };

export function AcceptNewForm({
  token,
  proof,
  email,
  suggestedName,
  timeZones,
}: TInvitee & {
  /** From the e-mailed link: whoever holds it reads the invited inbox. */
  proof: string;
  email: string;
}) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.acceptNew.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/invitation").then((schemas) => schemas.ZAcceptInvitationNewSchema),
    toInput: (data) => ({ token, proof, ...Object.fromEntries(data) }),
    mutate: (input) => accept.mutateAsync(input),
    onSuccess: (_accepted, input) => signInAndGo({ email, password: input.password }, "/between-sessions", "/sign-in"),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      <NoScriptNotice>
        Alliance needs JavaScript to set up your account. Turn it on in your browser&apos;s settings, then reload this page.
      </NoScriptNotice>
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
      <SubmitButton pendingLabel="Setting up…">Accept and set up my account</SubmitButton>
    </Form>
  );
}
