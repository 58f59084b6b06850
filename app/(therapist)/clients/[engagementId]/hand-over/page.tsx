import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { Card } from "@/components/ui/card";
import { ClientSectionPage } from "@/components/engagements/client-section-page";
import { ProposeHandoverForm } from "@/components/handovers/propose-handover-form";
import { WithdrawHandoverButton } from "@/components/handovers/withdraw-handover-button";

export const metadata: Metadata = { title: "Hand over" };

/**
 * Handing a client over to a colleague (issue 29): choose who, a word to the
 * client, and whether your private notes go too. The client decides.
 */
export default async function HandOverPage({ params }: PageProps<"/clients/[engagementId]/hand-over">) {
  const { engagementId } = await params;
  await requireUser({ role: "therapist", returnTo: `/clients/${encodeURIComponent(engagementId)}/hand-over` });
  const queryClient = getQueryClient();
  const [engagement, options] = await Promise.all([
    orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId }))),
    orNotFound(queryClient.fetchQuery(trpc.handover.options.queryOptions({ engagementId }))),
  ]);
  const name = engagement.counterpart.name;
  return (
    <HydrateClient>
      <ClientSectionPage engagement={engagement} title="Hand over to a colleague">
        <Card>
          <div className="flex flex-col gap-2">
            <p>
              If someone else in your practice should carry on with {name}, propose them here. {name} is asked in plain
              words and decides. If they agree, their goals, homework, exercises, sessions, questionnaires, safety plan
              and the journal entries they shared move to the new clinician with their history. Your messages stay
              with this work, which then ends and stays readable.
            </p>
            <p className="text-sm text-ink-muted">Your private notes stay yours, readable by you alone, unless you choose to hand them over.</p>
          </div>
        </Card>
        {engagement.status !== "active" ? (
          <p className="text-ink-muted">Only current work with a client can be handed over.</p>
        ) : options.open ? (
          <Card title="Waiting for an answer">
            <div className="flex flex-col gap-3">
              <p>
                You proposed that <strong>{options.open.to}</strong> carries on with {name}. Nothing moves until {name}{" "}
                agrees.
              </p>
              <div>
                <WithdrawHandoverButton handoverId={options.open.id} to={options.open.to} />
              </div>
            </div>
          </Card>
        ) : (
          <Card>
            <ProposeHandoverForm engagementId={engagement.id} clientName={name} colleagues={options.colleagues} mayHandOverNotes />
          </Card>
        )}
      </ClientSectionPage>
    </HydrateClient>
  );
}
