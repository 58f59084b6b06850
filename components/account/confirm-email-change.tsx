"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

/**
 * The token arrives in the fragment (/confirm-email#<token>), which browsers
 * never send to a server; it is read once and cleared from the address bar.
 * Opening the page changes nothing (mail scanners open links): the button does.
 */
export function ConfirmEmailChange() {
  const trpc = useTRPC();
  const [token, setToken] = useState<string | null>(null);
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const confirm = useMutation(trpc.account.confirmEmailChange.mutationOptions());

  // Kept across React's development double-run of effects, which would otherwise find the fragment already cleared.
  const fromLink = useRef<string | null>(null);

  useEffect(() => {
    fromLink.current ??= window.location.hash.slice(1);
    if (window.location.hash) window.history.replaceState(null, "", window.location.pathname);
    // Read after hydration: the server never sees the fragment.
    setToken(fromLink.current);
  }, []);

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/email-change").then((schemas) => schemas.ZConfirmEmailChangeSchema),
    toInput: () => ({ token: token ?? "" }),
    mutate: (input) => confirm.mutateAsync(input),
    onSuccess: (result) => setChangedTo(result.email),
  });

  if (changedTo) {
    return (
      <>
        <Alert tone="success">Done. You now sign in with {changedTo}.</Alert>
        <Link href="/sign-in" className="mt-4 inline-block font-medium text-brand-strong underline">
          Go to Alliance
        </Link>
      </>
    );
  }
  if (token === "") {
    return <Alert tone="error">This link is incomplete. Try opening it from the e-mail again.</Alert>;
  }
  const problem = errors.formError ?? errors.fieldErrors.token?.[0];
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      {problem ? (
        <Alert tone="error">
          {problem} You can ask for a new link on your{" "}
          <Link href="/account" className="font-medium underline">
            account page
          </Link>
          .
        </Alert>
      ) : null}
      <SubmitButton pendingLabel="Confirming…" disabled={token === null} className="self-start">
        Confirm my new address
      </SubmitButton>
    </Form>
  );
}
