"use client";

import Link from "next/link";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClassName } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { EndEngagementButton } from "./end-engagement-button";

/** The client's side: who their therapist is, the next session, and past work together (read-only). */
export function ClientRelationships({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const { data: engagements } = useSuspenseQuery(trpc.engagement.list.queryOptions());
  const current = engagements.filter((engagement) => engagement.status === "active");
  const past = engagements.filter((engagement) => engagement.status === "ended");

  return (
    <>
      {current.length === 0 ? (
        <Card title="Your therapist">
          <EmptyState>
            When your therapist invites you and you accept, your sessions with them will appear here.
          </EmptyState>
        </Card>
      ) : null}
      {current.map((engagement) => (
        <Card key={engagement.id} title="Your therapist">
          <div className="flex flex-col gap-2">
            <p>
              You&apos;re working with <strong>{engagement.counterpart.name}</strong>
              {engagement.startedAt ? ` since ${formatDate(engagement.startedAt, timeZone)}` : ""}.
            </p>
            <p>
              {engagement.nextSession
                ? `Your next session is ${formatDateTime(engagement.nextSession.startsAt, timeZone)}.`
                : "Nothing is booked yet; your therapist will schedule your next session."}
            </p>
            {engagement.nextSession ? (
              <Link href={`/sessions/${engagement.nextSession.id}`} className={buttonClassName("primary", "self-start")}>
                Prepare for your next session
              </Link>
            ) : null}
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
