"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { EmailLinkForm } from "./email-link-form";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  return (
    <EmailLinkForm
      schema={() => import("@/lib/schemas/password-reset").then((schemas) => schemas.ZRequestPasswordResetSchema)}
      send={(input) => request.mutateAsync(input)}
      noScript="Alliance needs JavaScript for this. Turn it on in your browser's settings, then reload this page."
      label="Email"
      submitLabel="Send me a link"
      againLabel="Send another link"
    />
  );
}
