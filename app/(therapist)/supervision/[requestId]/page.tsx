import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { HydrateClient, serverCaller } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { formatDate } from "@/lib/format";
import { SupervisionView } from "@/components/supervision/supervision-view";

export const metadata: Metadata = { title: "Supervision: read-only" };

/**
 * One client's records, read-only, while they agree (issue 29). Not found
 * the moment they withdraw, the agreement runs out, or either clinician
 * leaves the practice. Each load is in the client's access log.
 */
export default async function SupervisedRecordPage({ params }: PageProps<"/supervision/[requestId]">) {
  const { requestId } = await params;
  const user = await requireUser({ role: "therapist", returnTo: `/supervision/${encodeURIComponent(requestId)}` });
  const view = await orNotFound(serverCaller().then((caller) => caller.supervision.view({ requestId })));
  return (
    <HydrateClient>
      <Link href="/supervision" className="text-brand-strong underline">
        ← Supervision
      </Link>
      <h1 className="text-2xl font-semibold">{view.clientName}</h1>
      <p className="rounded-lg bg-notice-soft px-4 py-3">
        <span className="font-semibold">Read-only, with the client&apos;s agreement</span>, until {formatDate(view.until, user.timeZone)}. Their
        clinician is {view.clinicianName}. The client can stop sharing at any time, and sees each time you look.
      </p>
      <SupervisionView view={view} timeZone={user.timeZone} />
    </HydrateClient>
  );
}
