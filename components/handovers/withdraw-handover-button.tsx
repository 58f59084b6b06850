"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Taking a proposal back before the client answers: nothing had moved, nothing moves. */
export function WithdrawHandoverButton({ handoverId, to }: { handoverId: string; to: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const withdraw = useMutation(trpc.handover.withdraw.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <ConfirmAction
      variant="secondary"
      label="Withdraw the proposal"
      title={`Withdraw the proposal to hand over to ${to}?`}
      description={<p>The client&apos;s work stays with its current clinician. You can propose again later.</p>}
      confirmLabel="Yes, withdraw it"
      mutation={withdraw}
      input={{ handoverId }}
    />
  );
}
