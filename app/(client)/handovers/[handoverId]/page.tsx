import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { Card } from "@/components/ui/card";
import { HandoverAnswer } from "@/components/handovers/handover-answer";

export const metadata: Metadata = { title: "A change of therapist" };

/**
 * The client's side of a proposed handover (issue 29), in plain words: who
 * would carry on, what moves, what stays private, and that nothing moves
 * unless they agree.
 */
export default async function HandoverPage({ params }: PageProps<"/handovers/[handoverId]">) {
  const { handoverId } = await params;
  await requireUser({ role: "client", returnTo: `/handovers/${encodeURIComponent(handoverId)}` });
  const queryClient = getQueryClient();
  const handover = await orNotFound(queryClient.fetchQuery(trpc.handover.byId.queryOptions({ handoverId })));
  const { from, to } = handover;
  return (
    <HydrateClient>
      <Link href="/between-sessions" className="text-brand-strong underline">
        ← Today
      </Link>
      <h1 className="text-2xl font-semibold">Carry on with {to}?</h1>
      {handover.status === "proposed" ? (
        <>
          <Card>
            <div className="flex flex-col gap-3">
              <p>
                {handover.proposedBy ? `${handover.proposedBy}, for your practice,` : from} suggests that <strong>{to}</strong>{" "}
                carries on your work with you{handover.proposedBy ? `, as ${from} is no longer with the practice` : ""}.
              </p>
              {handover.message ? (
                <blockquote className="border-l-4 border-line pl-3 whitespace-pre-wrap">{handover.message}</blockquote>
              ) : null}
              <p className="font-medium">Nothing changes unless you say yes.</p>
            </div>
          </Card>
          <Card title="If you say yes">
            <ul className="flex list-disc flex-col gap-1 pl-5">
              <li>
                {to} sees your goals, homework and exercises, sessions, questionnaires, safety plan and the journal
                entries you shared, with their history.
              </li>
              <li>Your messages with {from} stay where they are, and you can still read them.</li>
              <li>
                {handover.privateNotesGoToo
                  ? `${from} has chosen to pass their private session notes on to ${to}.`
                  : `${from}'s private session notes stay private to ${from}.`}
              </li>
              <li>Your private journal entries stay yours alone, as always.</li>
            </ul>
          </Card>
          <HandoverAnswer handoverId={handover.id} to={to} from={from} />
        </>
      ) : (
        <Card>
          <p>
            {handover.status === "accepted"
              ? `You said yes: ${to} has your records now.`
              : handover.status === "declined"
                ? `You chose to stay with ${from}. Nothing moved.`
                : "This proposal was withdrawn. Nothing moved."}
          </p>
        </Card>
      )}
    </HydrateClient>
  );
}
