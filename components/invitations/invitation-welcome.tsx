"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useCheckedFragmentToken } from "@/components/ui/use-fragment-token";
import { formErrorsFromServer } from "@/lib/field-errors";
import { AcceptNewForm, type TInvitee } from "./accept-new-form";
import { signInPath } from "@/lib/auth/signed-out";

/**
 * A signed-out visitor on an invitation. With the proof from the e-mailed
 * link (/invite/<token>#<proof>) they may learn what comes next for that
 * address: set up, or sign in. Without one (a link copied from the
 * therapist's screen) everyone sees the same page, whether or not the address
 * has an account, and can have a link e-mailed to it (server/invitations).
 */
export function InvitationWelcome({ token, maskedEmail, suggestedName, timeZones }: TInvitee & { maskedEmail: string }) {
  const trpc = useTRPC();
  const open = useMutation(trpc.invitation.open.mutationOptions());
  const link = useCheckedFragmentToken(open, (proof) => open.mutate({ token, proof }));

  if (link.state === "checking") {
    return (
      <p className="text-ink-muted" role="status">
        Getting your invitation ready…
      </p>
    );
  }
  const opening = link.state === "checked" ? { ...link.data, proof: link.token } : { state: "needs-proof" as const };
  switch (opening.state) {
    case "set-up":
      return <AcceptNewForm token={token} proof={opening.proof} email={opening.email} suggestedName={suggestedName} timeZones={timeZones} />;
    case "sign-in":
      return (
        <>
          <p className="mb-4">You already have an Alliance account with {opening.email}. Sign in to accept.</p>
          <SignInToAccept token={token} />
        </>
      );
    case "therapist-address":
      return (
        <p>
          The address {opening.email} belongs to a therapist account, and one account can&apos;t be both. Ask the therapist who
          invited you to use a different address.
        </p>
      );
    default:
      return <AskForLink token={token} maskedEmail={maskedEmail} />;
  }
}

function SignInToAccept({ token }: { token: string }) {
  return (
    <Link
      href={signInPath({ next: `/invite/${token}` })}
      className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white"
    >
      Sign in to accept
    </Link>
  );
}

/** The same for every address: an e-mail to it decides what comes next. */
function AskForLink({ token, maskedEmail }: { token: string; maskedEmail: string }) {
  const trpc = useTRPC();
  const emailLink = useMutation(trpc.invitation.emailLink.mutationOptions());
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4">
      <NoScriptNotice>Alliance needs JavaScript for this. Turn it on in your browser&apos;s settings, then reload this page.</NoScriptNotice>
      <p>
        This invitation was sent to <strong>{maskedEmail}</strong>. To keep your account yours, we&apos;ll e-mail a link to
        that address: open it to set up your account, or to sign in if you already use Alliance.
      </p>
      {emailLink.error ? <Alert tone="error">{formErrorsFromServer(emailLink.error).formError}</Alert> : null}
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <Button
        className="self-start"
        disabled={emailLink.isPending}
        onClick={() => emailLink.mutate({ token }, { onSuccess: (answer) => setSent(answer.message) })}
      >
        {emailLink.isPending ? "Sending…" : sent ? "Send it again" : "E-mail me the link"}
      </Button>
      <p className="text-ink-muted">
        Already use Alliance with that address?{" "}
        <Link href={signInPath({ next: `/invite/${token}` })} className="font-medium text-brand-strong underline">
          Sign in to accept
        </Link>
      </p>
    </div>
  );
}
