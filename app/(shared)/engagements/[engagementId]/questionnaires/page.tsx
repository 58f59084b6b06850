import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { MeasureHistory } from "@/components/measures/measure-history";
import { UrgentFlags } from "@/components/measures/urgent-flags";

export const metadata: Metadata = { title: "Questionnaires over time" };

export default async function QuestionnairesPage({ params }: PageProps<"/engagements/[engagementId]/questionnaires">) {
  const { engagementId } = await params;
  const user = await requireUser({ returnTo: `/engagements/${encodeURIComponent(engagementId)}/questionnaires` });
  const queryClient = getQueryClient();
  const engagement = await orNotFound(queryClient.fetchQuery(trpc.engagement.byId.queryOptions({ engagementId })));
  const { measures } = await serverCaller().then((caller) => caller.engagement.progress({ engagementId }));
  const isTherapist = user.role === "therapist";
  return (
    <HydrateClient>
      <Link href={isTherapist ? `/clients/${engagementId}` : "/progress"} className="text-brand-strong underline">
        ← {isTherapist ? engagement.counterpart.name : "Progress"}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">Questionnaires over time</h1>
        <p className="text-ink-muted">
          {isTherapist
            ? `${engagement.counterpart.name}'s PHQ-9 and GAD-7 totals, with each question's answer.`
            : `Your totals with ${engagement.counterpart.name}. They're one way of noticing change, alongside how you feel things are going.`}
        </p>
      </div>
      {isTherapist ? <UrgentFlags engagementId={engagementId} flags={measures.flags} clientName={engagement.counterpart.name} timeZone={user.timeZone} /> : null}
      <MeasureHistory series={measures.series} timeZone={user.timeZone} showItems={isTherapist} />
    </HydrateClient>
  );
}
