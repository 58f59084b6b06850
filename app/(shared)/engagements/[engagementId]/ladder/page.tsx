import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { flushPageAudit, serverCaller } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { MAX_LADDER_STEPS } from "@/lib/schemas/exercise";
import { LadderView } from "@/components/exercises/ladder/ladder-view";

export const metadata: Metadata = { title: "Ladder" };

/**
 * The exposure ladder of one engagement, for its client and its therapist.
 * Drawn on the server (the list and the charts), so nothing is handed to the
 * browser's cache: the forms refresh the page after a change.
 */
export default async function LadderPage({ params }: PageProps<"/engagements/[engagementId]/ladder">) {
  const { engagementId } = await params;
  const user = await requireUser({ returnTo: `/engagements/${encodeURIComponent(engagementId)}/ladder` });
  const caller = await serverCaller();
  const [engagement, steps] = await Promise.all([
    orNotFound(caller.engagement.byId({ engagementId })),
    orNotFound(caller.exercise.ladder({ engagementId })),
  ]);
  await flushPageAudit();
  const isTherapist = user.role === "therapist";
  const name = engagement.counterpart.name;
  const canEdit = engagement.status === "active";
  return (
    <>
      <Link href={isTherapist ? `/clients/${engagement.id}` : "/between-sessions"} className="text-brand-strong underline">
        ← {isTherapist ? name : "Today"}
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{isTherapist ? `${name}'s ladder` : "Your ladder"}</h1>
        <p>
          A ladder is a list of situations ranked from easiest to hardest. You practise from the bottom up, at your own
          pace: stay with a step until it feels a little easier, then try the next one.
        </p>
        <p className="text-ink-muted">
          {isTherapist
            ? `You and ${name} can both add, change and remove steps. Each practice ${name} sends with a ladder exercise shows under its step.`
            : `You and ${name} can both add, change and remove steps. Each time you send a ladder exercise, it shows under its step.`}
        </p>
      </div>
      {canEdit ? null : (
        <p className="rounded-lg bg-notice-soft px-4 py-3">
          {engagement.status === "ended"
            ? "This work together has ended, so the ladder is read-only."
            : `Once ${name} accepts the invitation, you can build the ladder together here.`}
        </p>
      )}
      <LadderView engagementId={engagement.id} steps={steps} canEdit={canEdit} maxSteps={MAX_LADDER_STEPS} timeZone={user.timeZone} />
    </>
  );
}
