import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { ROLE_LABELS } from "@/lib/constants/practice";
import { PracticePeople } from "@/components/practice/practice-people";
import { PracticeSettingsForm } from "@/components/practice/practice-settings-form";

export const metadata: Metadata = { title: "Practice" };

/**
 * The practice (issue 29): its people for every member; for an owner or
 * admin, its settings, its invitations and links to its outcomes and to the
 * clients whose clinician has left. Nothing here shows a client's records.
 */
export default async function PracticePage() {
  const user = await requireUser({ role: "therapist", returnTo: "/practice" });
  const queryClient = getQueryClient();
  const practice = await queryClient.fetchQuery(trpc.practice.overview.queryOptions());
  if (practice.runsPractice) await queryClient.prefetchQuery(trpc.practice.settings.queryOptions());
  return (
    <HydrateClient>
      <div>
        <h1 className="text-2xl font-semibold">{practice.name}</h1>
        <p className="text-ink-muted">
          {practice.practiceId === null
            ? "Your practice. It's just you for now: invite colleagues to work under one roof, each with their own clients."
            : `You're the practice's ${ROLE_LABELS[practice.myRole].toLowerCase()}. Colleagues see each other's names and roles, never each other's clients' records.`}
        </p>
        {practice.runsPractice ? (
          <p className="mt-2">
            <Link href="/practice/outcomes" className="text-brand-strong underline">
              Outcomes
            </Link>
            <span className="text-ink-muted"> · how clients across the practice are doing, with no names</span>
            <br />
            <Link href="/practice/handovers" className="text-brand-strong underline">
              Clients to hand over
            </Link>
            <span className="text-ink-muted"> · clients whose clinician has left, for a colleague to carry on</span>
          </p>
        ) : null}
      </div>
      <PracticePeople timeZone={user.timeZone} />
      {practice.runsPractice ? <PracticeSettingsForm /> : null}
    </HydrateClient>
  );
}
