import { formatDate } from "@/lib/format";
import { OFF_TRACK_CHECKLIST } from "@/lib/measures/off-track";
import type { TMeasuresOverview } from "@/lib/trpc/types";
import { OffTrackActions } from "./off-track-actions";

type TSeries = TMeasuresOverview["series"][number];

/**
 * "This isn't working yet", in words, for each measure off track now
 * (lib/measures/off-track.ts), with what the therapist can do about it
 * (./off-track-actions.tsx). Computed on the server from the totals; it goes
 * away by itself once a newer answer no longer meets the rule. A server
 * component: the words cost the page no script.
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
  const labels = new Map<string, string>(OFF_TRACK_CHECKLIST.map((item) => [item.key, item.label]));
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
          <li key={warning.kind} className="flex flex-col gap-2">
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
            {canEdit ? <OffTrackActions engagementId={engagementId} kind={warning.kind} timeZone={timeZone} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
