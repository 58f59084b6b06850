import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { HydrateClient, serverCaller } from "@/server/api/rsc";
import { formatDate } from "@/lib/format";
import { RequestActions } from "@/components/supervision/request-actions";
import { Card, EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sharing your records" };

const STATE_WORDS = {
  asked: "Waiting for your answer",
  agreed: "You agreed",
  refused: "You said not now",
  withdrawn: "Stopped",
  ended: "Ended",
} as const;

/**
 * A supervisor asks to see a client's records (issue 29): who, why, what
 * they would and would never see, for how long; the client agrees, says not
 * now, or later stops sharing, which takes effect at once.
 */
export default async function RecordSharingPage() {
  const user = await requireUser({ role: "client", returnTo: "/record-sharing" });
  const { requests, sees, neverSees } = await serverCaller().then((caller) => caller.supervision.forClient());
  return (
    <HydrateClient>
      <Link href="/account" className="text-brand-strong underline">
        ← Account
      </Link>
      <h1 className="text-2xl font-semibold">Sharing your records</h1>
      <p className="text-ink-muted">
        Sometimes a more experienced therapist at your therapist&apos;s practice, a supervisor, helps them with their work. They can only see
        your records if you say yes, and you can stop at any time. Saying no changes nothing about your therapy.
      </p>
      {requests.length === 0 ? <EmptyState>Nobody has asked to see your records.</EmptyState> : null}
      {requests.map((request) => (
        <Card key={request.id} title={`${request.supervisorName} asks to see your records`}>
          <div className="flex flex-col gap-3">
            <p className="text-sm font-medium">{STATE_WORDS[request.state]}</p>
            <p>
              <span className="font-medium">Who: </span>
              {request.supervisorName}, a supervisor at your therapist&apos;s practice. Your therapist is {request.therapistName}.
            </p>
            <div>
              <p className="font-medium">Why, in their words:</p>
              <blockquote className="whitespace-pre-line border-l-4 border-line pl-3">{request.reason}</blockquote>
            </div>
            <div>
              <p className="font-medium">What they would see, without changing anything:</p>
              <ul className="ml-5 list-disc">
                {sees.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
            <div>
              <p className="font-medium">What they would never see:</p>
              <ul className="ml-5 list-disc">
                {neverSees.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
            <p>
              <span className="font-medium">For how long: </span>
              until {formatDate(request.until, user.timeZone)}, unless you stop it sooner. Each time they look, it shows in{" "}
              <Link href="/access-log" className="text-brand-strong underline">
                who has looked at your records
              </Link>
              .
            </p>
            {request.state === "asked" ? <RequestActions requestId={request.id} actions={["agree", "refuse"]} /> : null}
            {request.state === "agreed" ? <RequestActions requestId={request.id} actions={["withdraw"]} /> : null}
          </div>
        </Card>
      ))}
    </HydrateClient>
  );
}
