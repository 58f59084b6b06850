"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Ending is for either party; afterwards both keep read-only access. */
export function EndEngagementButton({ engagementId, otherName }: { engagementId: string; otherName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const end = useMutation(
    trpc.engagement.end.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.engagement.pathKey() });
        router.refresh();
      },
    }),
  );

  return (
    <ConfirmAction
      variant="quiet"
      label="End this work together"
      title={`End your work together with ${otherName}?`}
      description={
        <p>
          Everything you shared stays readable for both of you, but nothing new can be added. This can&apos;t be
          undone; a new invitation would start afresh.
        </p>
      }
      confirmLabel="Yes, end it"
      mutation={end}
      input={{ engagementId }}
    />
  );
}
