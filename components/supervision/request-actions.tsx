"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";

type TAction = "agree" | "refuse" | "withdraw";

/**
 * The buttons on a supervision request. The client: Agree / Not now while
 * asked, Stop sharing once agreed. The supervisor or clinician: End.
 * The page is drawn on the server: a refresh shows the new state.
 */
export function RequestActions({ requestId, actions, labels }: { requestId: string; actions: TAction[]; labels?: Partial<Record<TAction, string>> }) {
  const trpc = useTRPC();
  // A tap before the page is interactive would be lost.
  const isHydrated = useIsHydrated();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const answer = useMutation(trpc.supervision.answer.mutationOptions({ onSuccess: () => router.refresh() }));
  const withdraw = useMutation(trpc.supervision.withdraw.mutationOptions({ onSuccess: () => router.refresh() }));
  const isPending = answer.isPending || withdraw.isPending;
  async function run(action: TAction) {
    setError(undefined);
    try {
      if (action === "withdraw") await withdraw.mutateAsync({ requestId });
      else await answer.mutateAsync({ requestId, answer: action });
    } catch (caught) {
      setError((caught as Error).message || "That didn't work. Please try again.");
    }
  }
  const words: Record<TAction, string> = { agree: "Agree", refuse: "Not now", withdraw: "Stop sharing", ...labels };
  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button key={action} variant={action === "agree" ? "primary" : "secondary"} disabled={!isHydrated || isPending} onClick={() => void run(action)}>
            {words[action]}
          </Button>
        ))}
      </div>
    </div>
  );
}
