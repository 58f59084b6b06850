import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { auth } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { listTimeZones } from "@/lib/time/zones";
import { AcceptExistingButton } from "@/components/invitations/accept-existing-button";
import { InvitationWelcome } from "@/components/invitations/invitation-welcome";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your invitation" };

const UNUSABLE = {
  invalid: {
    title: "This link doesn't work",
    body: "It may be incomplete, or it was replaced by a newer invitation. Ask your therapist to send you a new one.",
  },
  expired: { title: "This invitation has expired", body: "Ask your therapist to send you a new one." },
  accepted: { title: "This invitation has already been used", body: "If it was you, sign in to continue." },
  withdrawn: {
    title: "This invitation was withdrawn",
    body: "Your therapist withdrew it. If you think that's a mistake, ask them about it.",
  },
} as const;

async function loadPreview(token: string) {
  try {
    return await getQueryClient().fetchQuery(trpc.invitation.preview.queryOptions({ token }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { state: "invalid" as const };
    throw error;
  }
}

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const [preview, user] = await Promise.all([loadPreview(token), auth()]);

  if (preview.state !== "valid") {
    const message = UNUSABLE[preview.state];
    return (
      <Card>
        <h1 className="mb-2 text-2xl font-semibold">{message.title}</h1>
        <p className="mb-4 text-ink-muted">
          {"therapistName" in preview ? `The invitation came from ${preview.therapistName}. ` : null}
          {message.body}
        </p>
        <Link href="/sign-in" className="font-medium text-brand-strong underline">
          Go to sign in
        </Link>
      </Card>
    );
  }

  const greeting = (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{preview.therapistName} invited you to Alliance</h1>
      <p className="mb-5 text-ink-muted">
        Alliance is a private space for the work you do together between sessions: things to try, what you&apos;d like
        to talk about next time, and the goals you set together. What you write here is only shared when you choose.
      </p>
    </>
  );

  if (user && preview.isForViewer && user.role === "therapist") {
    return (
      <Card>
        {greeting}
        <p>
          This invitation is for the address of your therapist account, and one account can&apos;t be both. Ask{" "}
          {preview.therapistName} to invite a different address.
        </p>
      </Card>
    );
  }

  if (user && !preview.isForViewer) {
    // Says nothing about the invited address: only that it is not this account's.
    return (
      <Card>
        {greeting}
        <p className="mb-4">
          This invitation isn&apos;t for the account you&apos;re signed in with. Sign out, then open this link again.
        </p>
        <SignOutButton userId={user.id} />
      </Card>
    );
  }

  if (user) {
    return (
      <Card>
        {greeting}
        <AcceptExistingButton token={token} />
      </Card>
    );
  }

  return (
    <Card>
      {greeting}
      <InvitationWelcome token={token} maskedEmail={preview.maskedEmail} suggestedName={preview.inviteeName} timeZones={listTimeZones()} />
    </Card>
  );
}
