"use client";

// The previous clinician's own private notes from work they handed over
// (issue 29): theirs, read-only, on their ended engagement's page.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

export function PreviousNotes({ engagementId, clientName, timeZone }: { engagementId: string; clientName: string; timeZone: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.handover.previousNotes.queryOptions({ engagementId }));
  if (!data?.to) return null;
  return (
    <Card title={`Your private notes from your work with ${clientName}`}>
      <p className="mb-3 text-sm text-ink-muted">
        {clientName}&apos;s work moved to {data.to}. These notes are private and stay yours; read-only.
      </p>
      {data.notes.length === 0 ? (
        <p className="text-ink-muted">You wrote no private notes.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {data.notes.map((note) => (
            <li key={note.id} className="flex flex-col gap-1">
              <span className="text-sm text-ink-muted">
                Session of <DateTime at={note.sessionStartsAt} timeZone={timeZone} />
                {note.isHandedOver ? ` · handed over to ${data.to}` : " · private to you"}
              </span>
              <p className="whitespace-pre-wrap">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
