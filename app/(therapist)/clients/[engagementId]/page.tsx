import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { EngagementHeader } from "@/components/engagements/engagement-header";
import { EndEngagementButton } from "@/components/engagements/end-engagement-button";
import { RecordLinks } from "@/components/engagements/record-links";
import { NeedsAttention } from "@/components/engagements/needs-attention";
import { ClientSectionLinks } from "@/components/engagements/client-section-links";
import { SectionAnchorRedirect } from "@/components/engagements/section-anchor-redirect";
import { PreviousNotes } from "@/components/handovers/previous-notes";
import { SupervisorsOfClient } from "@/components/supervision/supervisors-of-client";

export const metadata: Metadata = { title: "Client" };

/**
 * "What needs me?" first: urgent answers, off-track warnings and what is new
 * since the last session; every other part of the work (goals, homework,
 * sessions, feedback and questionnaires, messages, the shared journal) one
 * tap away on its own page (lib/engagements/client-sections.ts).
 */
export default async function ClientPage({ params }: PageProps<"/clients/[engagementId]">) {
  const { engagementId } = await params;
  const user = await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}` });
  const queryClient = getQueryClient();
  const caller = serverCaller();
  const [engagement, progress, attention, supervision] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    // Drawn on the server: fetched with the rest, not sent to the browser.
    caller.then((server) => server.engagement.progress({ engagementId })).catch(() => null),
    caller.then((server) => server.engagement.attention({ engagementId })).catch(() => null),
    // Who supervises this client (issue 29).
    caller.then((server) => server.supervision.forEngagement({ engagementId })).catch(() => []),
  ]);
  return (
    <HydrateClient>
      <SectionAnchorRedirect engagementId={engagement.id} />
      <Link href="/caseload" className="text-brand-strong underline">
        ← Caseload
      </Link>
      <EngagementHeader engagementId={engagement.id} timeZone={user.timeZone} />
      {engagement.status === "ended" ? (
        <p className="rounded-lg bg-notice-soft px-4 py-3">This work together has ended. Its records are read-only.</p>
      ) : null}
      {engagement.status === "invited" ? (
        <p className="rounded-lg bg-notice-soft px-4 py-3">
          {engagement.counterpart.name} hasn&apos;t accepted the invitation yet. You can resend or withdraw it from your
          caseload.
        </p>
      ) : (
        <NeedsAttention engagement={engagement} progress={progress} attention={attention} timeZone={user.timeZone} />
      )}
      <ClientSectionLinks engagementId={engagement.id} clientName={engagement.counterpart.name} isInvited={engagement.status === "invited"} />
      {engagement.status === "invited" ? null : <RecordLinks engagementId={engagement.id} />}
      {engagement.status === "ended" ? <PreviousNotes engagementId={engagement.id} clientName={engagement.counterpart.name} timeZone={user.timeZone} /> : null}
      <SupervisorsOfClient requests={supervision} timeZone={user.timeZone} />
      {engagement.status === "active" ? (
        <div className="flex flex-wrap items-center gap-4 border-t border-line pt-4">
          <Link href={`/clients/${engagement.id}/hand-over`} className="text-brand-strong underline">
            Hand over to a colleague
          </Link>
          <EndEngagementButton engagementId={engagement.id} otherName={engagement.counterpart.name} />
        </div>
      ) : null}
    </HydrateClient>
  );
}
