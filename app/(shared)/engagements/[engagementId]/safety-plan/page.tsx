import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { flushPageAudit, serverCaller } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { crisisResourcesText } from "@/server/env";
import { formatDateTime } from "@/lib/format";
import { PrintButton } from "@/components/account/print-button";
import { SafetyPlanEditor } from "@/components/safety-plan/safety-plan-editor";
import { SafetyPlanView } from "@/components/safety-plan/safety-plan-view";
import { VersionHistory } from "@/components/safety-plan/version-history";

export const metadata: Metadata = { title: "Safety plan" };

/**
 * A client's safety plan, for the client and their therapist (issue 26).
 * Drawn on the server as plain HTML: once open it reads, scrolls and prints
 * with the network gone. The form loads only when someone opens it; the
 * history of changes sits below, print hides everything but the plan.
 */
export default async function SafetyPlanPage({ params }: PageProps<"/engagements/[engagementId]/safety-plan">) {
  const { engagementId } = await params;
  const user = await requireUser({ returnTo: `/engagements/${encodeURIComponent(engagementId)}/safety-plan` });
  const caller = await serverCaller();
  const [engagement, plan, versions] = await Promise.all([
    orNotFound(caller.engagement.byId({ engagementId })),
    orNotFound(caller.safetyPlan.get({ engagementId })),
    orNotFound(caller.safetyPlan.versions({ engagementId })),
  ]);
  await flushPageAudit();
  const isClient = user.role === "client";
  const name = engagement.counterpart.name;
  const crisisText = crisisResourcesText(user);
  return (
    <>
      <Link href={isClient ? "/between-sessions" : `/clients/${engagement.id}`} className="text-brand-strong underline print:hidden">
        ← {isClient ? "Today" : name}
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{isClient ? "My safety plan" : `${name}'s safety plan`}</h1>
        <p className="print:hidden">
          {isClient
            ? `What you can do, step by step, when things get hard. You and ${name} can both change it; each of you sees what the other changed.`
            : `${name}'s own plan for a crisis, written together. You can both change it; each change is kept and ${name} is told.`}
        </p>
        <p role="note" className="rounded-lg bg-notice-soft px-4 py-3 font-medium print:bg-transparent print:p-0">
          Alliance isn&apos;t watched in real time. If you&apos;re in danger now, call your local emergency number or a
          number from step 5.
        </p>
        {plan.updatedBy && plan.updatedAt ? (
          <p className="text-sm text-ink-muted">
            Last changed by {plan.updatedBy.name}, {formatDateTime(plan.updatedAt, user.timeZone)}.
          </p>
        ) : null}
      </div>
      {!plan.canEdit ? (
        <p className="rounded-lg bg-notice-soft px-4 py-3 print:hidden">
          {engagement.status === "ended" ? "This work together has ended, so the plan is read-only. You can still read and print it." : `Once ${name} accepts the invitation, you can write the plan together here.`}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3 print:hidden">
        {plan.canEdit ? (
          <SafetyPlanEditor
            engagementId={engagement.id}
            version={plan.version}
            content={plan.content}
            label={plan.version === 0 ? (isClient ? "Write my plan" : "Start the plan") : isClient ? "Change my plan" : "Change the plan"}
          />
        ) : null}
        <PrintButton />
      </div>
      <SafetyPlanView content={plan.content} crisisText={crisisText} />
      <VersionHistory versions={versions} timeZone={user.timeZone} />
    </>
  );
}
