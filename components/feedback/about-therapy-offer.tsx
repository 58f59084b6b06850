"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const ITEM = "I'd like to talk about how our sessions are going for me.";

/** Offered when recent feedback or check-ins dipped: one tap puts it on the next agenda. */
export function AboutTherapyOffer({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const add = useMutation(trpc.session.addAgendaItem.mutationOptions());
  if (add.isSuccess) return <Alert tone="success">Added to your next session&apos;s agenda. You can change the wording there.</Alert>;
  return (
    <div className="flex flex-col gap-2">
      <p>
        Things seem to have been harder lately. Would it help to talk with your therapist about how your sessions are
        going? Many people find that conversation useful.
      </p>
      {add.error ? <Alert tone="error">{add.error.message}</Alert> : null}
      <Button
        variant="secondary"
        className="self-start"
        disabled={add.isPending}
        onClick={() => add.mutate({ sessionId, text: ITEM, kind: "about_therapy", idempotencyKey })}
      >
        Add “{ITEM}” to the next agenda
      </Button>
    </div>
  );
}
