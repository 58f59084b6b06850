import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { Card, EmptyState } from "@/components/ui/card";
import { ProposeHandoverForm } from "@/components/handovers/propose-handover-form";
import { WithdrawHandoverButton } from "@/components/handovers/withdraw-handover-button";

export const metadata: Metadata = { title: "Clients to hand over" };

/**
 * For the practice's owner or admin (issue 29): clients whose clinician has
 * left the practice, with a way to propose who carries on. You see names
 * only, never anyone's records; each client decides.
 */
export default async function PracticeHandoversPage() {
  await requireUser({ role: "therapist", returnTo: "/practice/handovers" });
  const queryClient = getQueryClient();
  const waiting = await queryClient.fetchQuery(trpc.handover.leftClients.queryOptions()).catch(() => null);
  return (
    <HydrateClient>
      <Link href="/practice" className="text-brand-strong underline">
        ← Practice
      </Link>
      <h1 className="text-2xl font-semibold">Clients to hand over</h1>
      {waiting === null ? (
        <EmptyState>Only the practice&apos;s owner or an admin can hand over the clients of a clinician who has left.</EmptyState>
      ) : waiting.clients.length === 0 ? (
        <EmptyState>No client is waiting: every client&apos;s clinician is still with the practice.</EmptyState>
      ) : (
        waiting.clients.map((client) => (
          <Card key={client.engagementId} title={`${client.clientName} · was with ${client.formerClinician}`}>
            {client.open ? (
              <div className="flex flex-col gap-3">
                <p>
                  Proposed to <strong>{client.open.to}</strong>; waiting for {client.clientName}&apos;s answer.
                </p>
                <div>
                  <WithdrawHandoverButton handoverId={client.open.id} to={client.open.to} />
                </div>
              </div>
            ) : (
              <ProposeHandoverForm
                engagementId={client.engagementId}
                clientName={client.clientName}
                colleagues={waiting.clinicians}
                mayHandOverNotes={false}
              />
            )}
          </Card>
        ))
      )}
    </HydrateClient>
  );
}
