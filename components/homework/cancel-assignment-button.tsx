"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function CancelAssignmentButton({ assignmentId, engagementId }: { assignmentId: string; engagementId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.homework.cancel.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.homework.byId.queryKey({ assignmentId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.homework.list.queryKey({ engagementId }) }),
        ]),
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
