"use client";

// The client's answer to a proposed handover: yes moves their work to the
// new clinician at once; "not now" keeps everything as it is.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";

export function HandoverAnswer({ handoverId, to, from }: { handoverId: string; to: string; from: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const isHydrated = useIsHydrated();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const onError = (failure: { message: string }) => setError(failure.message);
  // Who the client works with, and the notice on Today, changed with the answer.
  const forget = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.handover.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.engagement.pathKey() }),
    ]);
  const accept = useMutation(
    trpc.handover.accept.mutationOptions({
      onSuccess: async () => {
        await forget();
        router.push("/between-sessions");
      },
      onError,
    }),
  );
  const decline = useMutation(
    trpc.handover.decline.mutationOptions({
      onSuccess: async () => {
        await forget();
        router.refresh();
      },
      onError,
    }),
  );
  const isPending = accept.isPending || decline.isPending || accept.isSuccess;
  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Button disabled={!isHydrated || isPending} onClick={() => accept.mutate({ handoverId })}>
          {accept.isPending ? "Moving your work…" : `Yes, carry on with ${to}`}
        </Button>
        <Button variant="secondary" disabled={!isHydrated || isPending} onClick={() => decline.mutate({ handoverId })}>
          Not now, stay with {from}
        </Button>
      </div>
    </div>
  );
}
