"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function CancelAssignmentButton({ assignmentId, engagementId }: { assignmentId: string; engagementId: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const cancel = useMutation(
    trpc.homework.cancel.mutationOptions({
      onSuccess: () => invalidate(trpc.homework.byId.queryKey({ assignmentId }), trpc.homework.list.queryKey({ engagementId })),
    }),
  );
  return (
    <ConfirmAction
      variant="quiet"
      label="Cancel this homework"
      title="Cancel this homework?"
      description="Days your client already recorded are kept. Days still to come are removed."
      confirmLabel="Yes, cancel it"
      mutation={cancel}
      input={{ assignmentId }}
    />
  );
}
