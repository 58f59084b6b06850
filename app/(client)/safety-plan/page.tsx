import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { flushPageAudit, serverCaller } from "@/server/api/rsc";
import { crisisResourcesText } from "@/server/env";
import { CrisisResources } from "@/components/feedback/crisis-resources";
import { EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "My safety plan" };

/**
 * "My safety plan" in the client's navigation: straight to the plan of the
 * work they are in now (or, with none active, the last that ended), a list
 * when there are several, and the crisis resources when there is none yet.
 */
export default async function MySafetyPlanPage() {
  const user = await requireUser({ role: "client", returnTo: "/safety-plan" });
  const engagements = await (await serverCaller()).engagement.list();
  await flushPageAudit();
  const active = engagements.filter((engagement) => engagement.status === "active");
  const ended = engagements.filter((engagement) => engagement.status === "ended");
  const choices = active.length > 0 ? active : ended.slice(-1);
  if (choices.length === 1) redirect(`/engagements/${choices[0]!.id}/safety-plan`);
  return (
    <>
      <h1 className="text-2xl font-semibold">My safety plan</h1>
      {choices.length === 0 ? (
        <EmptyState>When you start working with a therapist in Alliance, you can write a safety plan together here.</EmptyState>
      ) : (
        <ul aria-label="Safety plans" className="flex flex-col gap-3">
          {choices.map((engagement) => (
            <li key={engagement.id}>
              <Link href={`/engagements/${engagement.id}/safety-plan`} className="flex rounded-xl border border-line bg-surface px-4 py-3 hover:border-brand">
                With {engagement.counterpart.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <CrisisResources text={crisisResourcesText(user)} />
    </>
  );
}
