"use client";

import { lazy, Suspense, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { formatDate } from "@/lib/format";
import type { TMeasureKind } from "@/lib/measures/instruments";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";

// The checklist form loads when the therapist opens it, not with the page (script budget).
const OffTrackReviewForm = lazy(() => import("./off-track-review-form").then((module) => ({ default: module.OffTrackReviewForm })));

/** What the therapist can do about an off-track warning: think it through, and put "About our work together" on the next agenda. */
export function OffTrackActions({ engagementId, kind, timeZone }: { engagementId: string; kind: TMeasureKind; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isReviewing, setIsReviewing] = useState(false);
  const [status, setStatus] = useState<{ text: string; isError: boolean }>();
  const toAgenda = useMutation(
    trpc.measure.offTrackToAgenda.mutationOptions({
      onSuccess: (item) => setStatus({ text: `Added to the agenda of the session on ${formatDate(item.startsAt, timeZone)}.`, isError: false }),
      onError: (error) => setStatus({ text: error.message, isError: true }),
    }),
  );
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setIsReviewing((open) => !open)} aria-expanded={isReviewing}>
          {isReviewing ? "Close the checklist" : "Think it through"}
        </Button>
        <Button
          variant="secondary"
          disabled={toAgenda.isPending}
          onClick={() => toAgenda.mutate({ engagementId, kind, idempotencyKey: crypto.randomUUID() })}
        >
          Add “About our work together” to the next agenda
        </Button>
      </div>
      {status ? (
        <p role={status.isError ? "alert" : "status"} className={status.isError ? "font-medium text-danger" : ""}>
          {status.text}
        </p>
      ) : null}
      {isReviewing ? (
        <Suspense fallback={<p className="text-ink-muted">Loading the checklist…</p>}>
          <OffTrackReviewForm
            engagementId={engagementId}
            kind={kind}
            onSaved={() => {
              setIsReviewing(false);
              router.refresh();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
