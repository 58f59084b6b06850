"use client";

import { lazy, Suspense, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { formatDate } from "@/lib/format";
import { OFF_TRACK_CHECKLIST } from "@/lib/measures/off-track";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import type { TMeasuresOverview } from "@/lib/trpc/types";

// The checklist form loads when the therapist opens it, not with the page (script budget).
const OffTrackReviewForm = lazy(() => import("./off-track-review-form").then((module) => ({ default: module.OffTrackReviewForm })));

type TSeries = TMeasuresOverview["series"][number];
type TWarning = NonNullable<TSeries["offTrack"]>;

/**
 * "This isn't working yet", in words, for each measure off track now
 * (lib/measures/off-track.ts), with what the therapist can do about it: think
 * it through with a short checklist, and put "About our work together" on
 * the next agenda. Computed on the server from the totals; it goes away by
 * itself once a newer answer no longer meets the rule.
 */
export function OffTrackWarnings({
  engagementId,
  series,
  clientName,
  canEdit,
  timeZone,
}: {
  engagementId: string;
  series: TSeries[];
  clientName: string;
  canEdit: boolean;
  timeZone: string;
}) {
  const warnings = series.flatMap((entry) => (entry.offTrack ? [entry.offTrack] : []));
  if (warnings.length === 0) return null;
  const firstName = clientName.split(" ")[0] ?? clientName;
  return (
    <section aria-labelledby="off-track" className="flex flex-col gap-3 rounded-xl border border-line bg-notice-soft p-4" data-testid="off-track">
      <h2 id="off-track" className="text-lg font-semibold">
        Not on track yet with {firstName}
      </h2>
      <p>
        Their answers suggest this isn&apos;t working yet. Clients who aren&apos;t improving are the ones measurement helps most,
        when it leads to a conversation.
      </p>
      <ul className="flex flex-col gap-4">
        {warnings.map((warning) => (
          <OffTrackItem key={warning.kind} engagementId={engagementId} warning={warning} canEdit={canEdit} timeZone={timeZone} />
        ))}
      </ul>
    </section>
  );
}

function OffTrackItem({ engagementId, warning, canEdit, timeZone }: { engagementId: string; warning: TWarning; canEdit: boolean; timeZone: string }) {
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
  const labels = new Map<string, string>(OFF_TRACK_CHECKLIST.map((item) => [item.key, item.label]));
  return (
    <li className="flex flex-col gap-2">
      <p className="font-medium">{warning.text}.</p>
      {warning.review ? (
        <div className="text-sm" data-testid="off-track-review">
          <p>
            You thought this through on {formatDate(warning.review.createdAt, timeZone)}
            {warning.review.items.length > 0 ? `: ${warning.review.items.map((key) => labels.get(key) ?? key).join("; ")}.` : "."}
          </p>
          {warning.review.note ? <p className="whitespace-pre-wrap text-ink-muted">{warning.review.note}</p> : null}
        </div>
      ) : null}
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setIsReviewing((open) => !open)} aria-expanded={isReviewing}>
            {isReviewing ? "Close the checklist" : "Think it through"}
          </Button>
          <Button
            variant="secondary"
            disabled={toAgenda.isPending}
            onClick={() => toAgenda.mutate({ engagementId, kind: warning.kind, idempotencyKey: crypto.randomUUID() })}
          >
            Add “About our work together” to the next agenda
          </Button>
        </div>
      ) : null}
      {status ? (
        <p role={status.isError ? "alert" : "status"} className={status.isError ? "font-medium text-danger" : ""}>
          {status.text}
        </p>
      ) : null}
      {isReviewing ? (
        <Suspense fallback={<p className="text-ink-muted">Loading the checklist…</p>}>
          <OffTrackReviewForm
            engagementId={engagementId}
            kind={warning.kind}
            onSaved={() => {
              setIsReviewing(false);
              router.refresh();
            }}
          />
        </Suspense>
      ) : null}
    </li>
  );
}
