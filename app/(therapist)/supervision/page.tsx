import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { requireUser } from "@/server/auth/session";
import { HydrateClient, serverCaller } from "@/server/api/rsc";
import { formatDate } from "@/lib/format";
import { AskSupervisionForm } from "@/components/supervision/ask-supervision-form";
import { RequestActions } from "@/components/supervision/request-actions";
import { Card, EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Supervision" };

const STATE_WORDS = { asked: "Waiting for the client", agreed: "Agreed", refused: "The client said not now", withdrawn: "Ended", ended: "Ran out" } as const;

/**
 * A supervisor's place (issue 29): the clients they may read now (only while
 * each agrees), their requests, and asking a colleague's client. Drawn on the
 * server; the form and the buttons refresh it.
 */
export default async function SupervisionPage() {
  const user = await requireUser({ role: "therapist", returnTo: "/supervision" });
  const mine = await serverCaller()
    .then((caller) => caller.supervision.mine())
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
      throw error;
    });
  if (!mine) {
    return (
      <HydrateClient>
        <h1 className="text-2xl font-semibold">Supervision</h1>
        <p>Supervision is for supervisors in a practice. Your practice&apos;s owner or an admin can give you that role.</p>
      </HydrateClient>
    );
  }
  const current = mine.requests.filter((request) => request.canView);
  const others = mine.requests.filter((request) => !request.canView);
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold">Supervision</h1>
      <p className="text-ink-muted">
        You see a colleague&apos;s client&apos;s records only while the client agrees, read-only, and never the clinician&apos;s private
        notes unless they share one with you. Every time you look, it shows in the client&apos;s access log under your name.
      </p>
      <Card title="Clients you may see now">
        {current.length === 0 ? (
          <EmptyState>No client has agreed yet.</EmptyState>
        ) : (
          <ul className="flex flex-col gap-3">
            {current.map((request) => (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <Link href={`/supervision/${request.id}`} className="font-medium text-brand-strong underline">
                    {request.clientName}
                  </Link>{" "}
                  <span className="text-sm text-ink-muted">
                    with {request.clinicianName} · until {formatDate(request.until, user.timeZone)}
                  </span>
                </span>
                <RequestActions requestId={request.id} actions={["withdraw"]} labels={{ withdraw: "End" }} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Ask to see a client's records">
        <AskSupervisionForm candidates={mine.candidates} />
      </Card>
      <Card title="Your requests">
        {others.length === 0 ? (
          <EmptyState>Nothing else yet.</EmptyState>
        ) : (
          <ul className="flex flex-col gap-3">
            {others.map((request) => (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{request.clientName}</span>{" "}
                  <span className="text-sm text-ink-muted">
                    with {request.clinicianName} · {STATE_WORDS[request.state]}
                    {request.state === "asked" ? ` · until ${formatDate(request.until, user.timeZone)} if they agree` : ""}
                  </span>
                </span>
                {request.state === "asked" ? <RequestActions requestId={request.id} actions={["withdraw"]} labels={{ withdraw: "Withdraw" }} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </HydrateClient>
  );
}
