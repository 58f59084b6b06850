"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatDate } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc/types";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { InviteLinkPanel, type TInviteLink } from "@/components/invitations/invite-link";

type TEngagement = RouterOutputs["engagement"]["list"][number];

export function PendingInvitation({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<TInviteLink>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.engagement.list.queryKey() });
  const resend = useMutation(trpc.invitation.resend.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: refresh }));
  const invitation = engagement.invitation;

  return (
    <div className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      <div className="flex flex-col gap-1">
        <span className="text-lg font-medium">{engagement.counterpart.name}</span>
        {invitation ? (
          <span className="text-ink-muted">
            {invitation.email} · invited {formatDate(invitation.sentAt, timeZone)} ·{" "}
            {invitation.isExpired ? (
              <strong className="font-medium text-danger">link expired</strong>
            ) : (
              `link works until ${formatDate(invitation.expiresAt, timeZone)}`
            )}
          </span>
        ) : null}
      </div>
      {link ? <InviteLinkPanel link={link} name={engagement.counterpart.name} timeZone={timeZone} /> : null}
      {resend.error ? <Alert tone="error">{resend.error.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={resend.isPending}
          onClick={() => resend.mutate({ engagementId: engagement.id }, { onSuccess: setLink })}
        >
          {resend.isPending ? "Making a new link…" : "Resend with a new link"}
        </Button>
        <ConfirmAction
          label="Withdraw"
          title={`Withdraw the invitation to ${engagement.counterpart.name}?`}
          description="The link they have will stop working. You can invite them again later."
          confirmLabel="Withdraw invitation"
          mutation={revoke}
          input={{ engagementId: engagement.id }}
        />
      </div>
    </div>
  );
}
