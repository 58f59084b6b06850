"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { EmailLinkForm } from "./email-link-form";

/** Step one: the address. The same answer for every address; the e-mail says what comes next (server/auth/sign-up.ts). */
export function SignUpForm() {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  return (
    <EmailLinkForm
      schema={() => import("@/lib/schemas/account").then((schemas) => schemas.ZSignUpSchema)}
      send={(input) => signUp.mutateAsync(input)}
      noScript="Alliance needs JavaScript to create your account. Turn it on in your browser's settings, then reload this page."
      label="Work email"
      hint="We'll send a link there to finish: it keeps your account yours."
      submitLabel="Create therapist account"
      againLabel="Send the link again"
    />
  );
}
