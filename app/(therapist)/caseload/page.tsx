import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { CaseloadList } from "@/components/caseload/caseload-list";
import { InviteClientForm } from "@/components/invitations/invite-client-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Caseload" };

export default async function CaseloadPage() {
  const user = await requireUser({ role: "therapist", returnTo: "/caseload" });
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.engagement.list.queryOptions()),
    queryClient.prefetchQuery(trpc.goal.caseload.queryOptions()),
    queryClient.prefetchQuery(trpc.homework.caseload.queryOptions()),
    queryClient.prefetchQuery(trpc.feedback.caseloadSignals.queryOptions()),
    queryClient.prefetchQuery(trpc.measure.caseload.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">Your caseload</h1>
        <p className="text-ink-muted">Who needs you before their next session.</p>
      </div>
      <Card title="Invite a client">
        <InviteClientForm timeZone={user.timeZone} />
      </Card>
      <CaseloadList timeZone={user.timeZone} />
    </HydrateClient>
  );
}
