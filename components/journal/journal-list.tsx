"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { VoiceMemoPlayer } from "@/components/voice/voice-memo-player";

/** Every entry says who can read it; sharing and unsharing take effect at once. */
export function JournalList({ therapists, timeZone }: { therapists: { engagementId: string; name: string }[]; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: entries } = useSuspenseQuery(trpc.journal.mine.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.journal.mine.queryKey() });
  const setSharing = useMutation(trpc.journal.setSharing.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.journal.delete.mutationOptions({ onSuccess: refresh }));

  if (entries.length === 0) return <EmptyState>No entries yet. What you write stays private unless you share it.</EmptyState>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Journal entries">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-ink-muted">{formatDateTime(entry.createdAt, timeZone)}</span>
            {entry.mood !== null ? <span className="text-ink-muted">· mood {entry.mood}/10</span> : null}
            <span className={`rounded-full px-2.5 py-0.5 font-medium ${entry.visibility === "shared" ? "bg-brand-soft text-brand-strong" : "bg-canvas text-ink"}`}>
              {entry.visibility === "shared" && entry.sharedEngagement
                ? `Shared with ${entry.sharedEngagement.therapist.name}`
                : "Private: only you"}
            </span>
          </div>
          {entry.body ? <p className="whitespace-pre-line">{entry.body}</p> : null}
          {entry.voiceMemos.map((memo) => (
            <VoiceMemoPlayer key={memo.id} memo={memo} timeZone={timeZone} />
          ))}
          <div className="flex flex-wrap gap-2">
            {entry.visibility === "shared" ? (
              <Button variant="secondary" onClick={() => setSharing.mutate({ entryId: entry.id, engagementId: null })}>
                Make private
              </Button>
            ) : (
              therapists.map((therapist) => (
                <Button
                  key={therapist.engagementId}
                  variant="secondary"
                  onClick={() => setSharing.mutate({ entryId: entry.id, engagementId: therapist.engagementId })}
                >
                  Share with {therapist.name}
                </Button>
              ))
            )}
            <ConfirmAction
              variant="quiet"
              label="Delete"
              title="Delete this entry?"
              description="It will be gone for good."
              confirmLabel="Delete entry"
              mutation={remove}
              input={{ entryId: entry.id }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
