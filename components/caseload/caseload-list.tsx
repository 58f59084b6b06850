"use client";

import Link from "next/link";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/card";
import { EngagementStatusBadge } from "@/components/engagements/status-badge";

export function CaseloadList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const { data: engagements } = useSuspenseQuery(trpc.engagement.list.queryOptions());

  if (engagements.length === 0) {
    return (
      <EmptyState>
        Your clients will appear here once you invite them, each with their next session, new agenda items, homework
        done and how their goals are going.
      </EmptyState>
    );
  }

  return (
    <ul className="flex flex-col gap-3" aria-label="Clients">
      {engagements.map((engagement) => (
        <li key={engagement.id}>
          <Link
            href={`/clients/${engagement.id}`}
            className="flex flex-col gap-1 rounded-xl border border-line bg-surface p-4 hover:border-brand sm:flex-row sm:items-center sm:justify-between"
          >
            <span className="flex items-center gap-3">
              <span className="text-lg font-medium">{engagement.counterpart.name}</span>
              <EngagementStatusBadge status={engagement.status} />
            </span>
            <span className="text-ink-muted">
              {engagement.nextSession
                ? `Next session ${formatDateTime(engagement.nextSession.startsAt, timeZone)}`
                : "No session scheduled"}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
