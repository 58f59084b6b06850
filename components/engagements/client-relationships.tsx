"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { Card } from "@/components/ui/card";
import { EndEngagementButton } from "./end-engagement-button";

/** The client's side: who their therapist is (and a way to end the work), and past work together (read-only). The next session is at the top of their home (components/today/next-session.tsx). */
export function ClientRelationships({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const { data: engagements } = useSuspenseQuery(trpc.engagement.list.queryOptions());
  const current = engagements.filter((engagement) => engagement.status === "active");
  const past = engagements.filter((engagement) => engagement.status === "ended");

  return (
    <>
      {current.map((engagement) => (
        <Card key={engagement.id} title="Your therapist">
          <div className="flex flex-col gap-2">
            <p>
              You&apos;re working with <strong>{engagement.counterpart.name}</strong>
              {engagement.startedAt ? ` since ${formatDate(engagement.startedAt, timeZone)}` : ""}.
            </p>
            <div>
              <EndEngagementButton engagementId={engagement.id} otherName={engagement.counterpart.name} />
            </div>
          </div>
        </Card>
      ))}
      {past.length > 0 ? (
        <Card title="Earlier work together">
          <ul className="flex flex-col gap-2">
            {past.map((engagement) => (
              <li key={engagement.id}>
                {engagement.counterpart.name}
                {engagement.endedAt ? (
                  <span className="text-ink-muted"> · ended {formatDate(engagement.endedAt, timeZone)} · read-only</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
