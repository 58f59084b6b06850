"use client";

import { useState } from "react";
import { formatDate } from "@/lib/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type TInviteLink = {
  inviteUrl: string;
  expiresAt: Date;
  delivery: "queued" | "outbox";
};

const DELIVERY: Record<TInviteLink["delivery"], string> = {
  queued: "We're e-mailing it to them too; if it hasn't arrived in a while, copy the link and share it with them yourself.",
  outbox:
    "E-mail isn't set up on this server, so nothing is sent: copy the link and share it with them yourself. (A copy goes to the server's outbox folder.)",
};

/** The invitation link, shown once right after it is made: it can't be shown again later. */
export function InviteLinkPanel({ link, name, timeZone }: { link: TInviteLink; name: string; timeZone: string }) {
  const [isCopied, setIsCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(link.inviteUrl).then(
      () => setIsCopied(true),
      () => setIsCopied(false),
    );
  }

  return (
    <Alert tone="success">
      <p className="font-medium">Invitation ready for {name}.</p>
      <p className="mt-1">
        The link works once, until {formatDate(link.expiresAt, timeZone)}. {DELIVERY[link.delivery]}
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor="invite-link">
          Invitation link
        </label>
        <input
          id="invite-link"
          readOnly
          value={link.inviteUrl}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-11 w-full rounded-lg border border-line bg-surface px-3 font-mono text-sm text-ink"
        />
        <Button variant="secondary" onClick={copy}>
          {isCopied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </Alert>
  );
}
