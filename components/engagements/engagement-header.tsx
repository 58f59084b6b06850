"use client";

import Link from "next/link";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { EngagementStatusBadge } from "./status-badge";

/**
 * The top of a client's page: who, since when, and the next session with
 * what the client has put on its agenda. Read from the engagement's cached
 * header (prefetched with the page), so scheduling, moving or cancelling a
 * session below updates it at once, without a reload.
 */
export function EngagementHeader({ engagementId, timeZone }: { engagementId: string; timeZone: string }) {
  const trpc = useTRPC();
  const { data: engagement } = useSuspenseQuery(trpc.engagement.byId.queryOptions({ engagementId }));
  const next = engagement.nextSession;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{engagement.counterpart.name}</h1>
        <EngagementStatusBadge status={engagement.status} />
      </div>
      <p className="text-ink-muted">
        {engagement.startedAt ? `Working together since ${formatDate(engagement.startedAt, timeZone)}. ` : null}
        {next ? null : "No session scheduled."}
      </p>
      {next ? (
        <Link href={`/sessions/${next.id}`} className="self-start rounded-xl border border-brand bg-brand-soft px-4 py-3">
          <span className="font-medium">Next session {formatDateTime(next.startsAt, timeZone)}</span>
          <span className="block text-sm">
            {next.newAgendaItems === 1 ? "1 new agenda item from your client" : `${next.newAgendaItems} new agenda items from your client`} · open
            the brief
          </span>
        </Link>
      ) : null}
    </>
  );
}
