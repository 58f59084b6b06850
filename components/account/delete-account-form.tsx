"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { CurrentPasswordField } from "./account-fields";

export function DeleteAccountForm() {
  const trpc = useTRPC();
  const remove = useMutation(trpc.account.deleteAccount.mutationOptions());

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/account-deletion").then((schemas) => schemas.ZDeleteAccountSchema),
    mutate: (input) => remove.mutateAsync(input),
    // The account is gone and its sessions with it; this clears the cookie too.
    onSuccess: () => signOut({ callbackUrl: "/goodbye" }),
  });
  const openWork = errors.fieldErrors.engagements?.[0];

  return (
    <Form onSubmit={onSubmit} isPending={remove.isSuccess} className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {openWork ? (
        <Alert tone="error">
          {openWork}{" "}
          <Link href="/caseload" className="font-medium underline">
            Go to your caseload
          </Link>
        </Alert>
      ) : null}
      <CurrentPasswordField label="Your password" name="password" hint="To make sure it's really you." errors={errors.fieldErrors.password} />
      <SubmitButton variant="danger" pendingLabel="Deleting…" className="self-start">
        Delete my account
      </SubmitButton>
    </Form>
  );
}
