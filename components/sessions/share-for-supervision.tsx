"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";

/**
 * The therapist's choice to show their private note to a supervisor their
 * client agreed to (issue 29). Off unless they turn it on, note by note.
 */
export function ShareForSupervision({ sessionId, sharedAt }: { sessionId: string; sharedAt: Date | null }) {
  const trpc = useTRPC();
  // A tap before the page is interactive would be lost.
  const isHydrated = useIsHydrated();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const share = useMutation(
    trpc.supervision.shareNote.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.session.byId.queryKey({ sessionId }) }),
    }),
  );
  const isShared = sharedAt !== null;
  async function toggle() {
    setError(undefined);
    try {
      await share.mutateAsync({ sessionId, isShared: !isShared });
    } catch (caught) {
      setError((caught as Error).message || "That didn't work. Please try again.");
    }
  }
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line px-3 py-2">
      <p className="text-sm">
        {isShared ? (
          <span className="font-medium">Shared for supervision: a supervisor your client agreed to can read this note.</span>
        ) : (
          <>Private: not shared for supervision. A supervisor never sees it unless you share it.</>
        )}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant="quiet" className="self-start" disabled={!isHydrated || share.isPending} onClick={() => void toggle()}>
        {isShared ? "Stop sharing for supervision" : "Share this note for supervision"}
      </Button>
    </div>
  );
}
