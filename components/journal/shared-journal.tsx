"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/card";
import { VoiceMemoPlayer } from "@/components/voice/voice-memo-player";

/** Only what the client chose to share, while they still share it. */
export function SharedJournal({ engagementId, timeZone }: { engagementId: string; timeZone: string }) {
  const trpc = useTRPC();
  const { data: entries } = useSuspenseQuery(trpc.journal.shared.queryOptions({ engagementId }));
  if (entries.length === 0) return <EmptyState>Nothing shared from the journal. Entries are private unless your client shares one.</EmptyState>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Shared journal entries">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-lg border border-line p-3">
          <p className="text-sm text-ink-muted">
            {formatDateTime(entry.createdAt, timeZone)}
            {entry.mood !== null ? ` · mood ${entry.mood}/10` : ""}
          </p>
          {entry.body ? <p className="whitespace-pre-line">{entry.body}</p> : null}
          {entry.voiceMemos.map((memo) => (
            <VoiceMemoPlayer key={memo.id} memo={memo} timeZone={timeZone} />
          ))}
        </li>
      ))}
    </ul>
  );
}
