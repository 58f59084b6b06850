"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function CancelAssignmentButton({ assignmentId, engagementId }: { assignmentId: string; engagementId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(trpc.homework.cancel.mutationOptions());
  return (
    <ConfirmButton
      variant="quiet"
      label="Cancel this homework"
      title="Cancel this homework?"
      description="Days your client already recorded are kept. Days still to come are removed."
      confirmLabel="Yes, cancel it"
      onConfirm={async () => {
        await cancel.mutateAsync({ assignmentId });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.homework.byId.queryKey({ assignmentId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.homework.list.queryKey({ engagementId }) }),
        ]);
      }}
    />
  );
}
