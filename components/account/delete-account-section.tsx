import Link from "next/link";
import { FORMER_CLIENT_NAME, FORMER_THERAPIST_NAME } from "@/lib/constants/account-deletion";
import type { RouterOutputs } from "@/lib/trpc/types";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DeleteAccountForm } from "./delete-account-form";

/**
 * The account page's last section: what deleting does, in plain words, before
 * the password is asked for. The rules themselves are in
 * server/account/deletion.ts; this only says them. The page reads the
 * summary (`account.deletionSummary`) on the server.
 */
export function DeleteAccountSection({ summary }: { summary: RouterOutputs["account"]["deletionSummary"] }) {
  return (
    <Card title="Delete your account">
      {summary.role === "client" ? <ClientExplanation therapistNames={summary.therapistNames} /> : <TherapistExplanation />}
      {summary.role === "therapist" && summary.openEngagementCount > 0 ? (
        <Alert tone="info">
          You&apos;re still working with (or have invited) {summary.openEngagementCount}{" "}
          {summary.openEngagementCount === 1 ? "client" : "clients"}. End that work, or withdraw the invitation, on{" "}
          <Link href="/caseload" className="font-medium underline">
            your caseload
          </Link>{" "}
          first. Then you can delete your account here.
        </Alert>
      ) : (
        <DeleteAccountForm />
      )}
    </Card>
  );
}

function ClientExplanation({ therapistNames }: { therapistNames: string[] }) {
  const therapists = therapistNames.length > 0 ? therapistNames.join(" and ") : "your therapist";
  return (
    <div className="mb-5 flex flex-col gap-3">
      <p>You can leave Alliance whenever you want. Before you do, here is what happens:</p>
      <ul className="flex list-disc flex-col gap-2 pl-5">
        <li>You won&apos;t be able to sign in again. This can&apos;t be undone.</li>
        <li>
          <strong>Deleted:</strong> your private journal entries, the takeaways you kept to yourself, your
          check-ins, your questionnaire answers and any exercise you started but didn&apos;t send. They&apos;re removed for
          good.
        </li>
        <li>
          <strong>Kept:</strong> what you shared in your work with {therapists}: goals and ratings, homework
          responses and the exercises you sent, your ladder, agenda items, session feedback, and any journal entries or takeaways you chose to share. It
          stays in their record, shown as &ldquo;{FORMER_CLIENT_NAME}&rdquo; instead of your name, because
          therapists have to keep records of their work.
        </li>
        <li>Your work together on Alliance ends, so nothing new can be added to it.</li>
      </ul>
      <p className="text-ink-muted">
        If you&apos;d like a copy of what you wrote, download your data before you delete your account.
      </p>
    </div>
  );
}

function TherapistExplanation() {
  return (
    <div className="mb-5 flex flex-col gap-3">
      <p>Before you delete your account, here is what happens:</p>
      <ul className="flex list-disc flex-col gap-2 pl-5">
        <li>You won&apos;t be able to sign in again. This can&apos;t be undone.</li>
        <li>
          <strong>Deleted:</strong> your homework templates and your private session notes. Nobody else could ever
          read them, so nothing would be kept for anyone. If your professional rules ask you to keep records, export
          each client&apos;s record first.
        </li>
        <li>
          <strong>Kept:</strong> what you shared with each client (goals, homework and your replies, session
          summaries) stays readable for them, shown as &ldquo;{FORMER_THERAPIST_NAME}&rdquo;.
        </li>
      </ul>
    </div>
  );
}
