import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { HydrateClient, serverCaller } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { crisisResourcesText } from "@/server/env";
import { INSTRUMENTS } from "@/lib/measures/instruments";
import { formatDate, formatDateTime } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { MeasureForm } from "@/components/measures/measure-form";

export const metadata: Metadata = { title: "A short questionnaire" };

export default async function QuestionnairePage({ params }: PageProps<"/questionnaires/[measureId]">) {
  const { measureId } = await params;
  const user = await requireUser({ role: "client", returnTo: `/questionnaires/${encodeURIComponent(measureId)}` });
  const form = await orNotFound(serverCaller().then((caller) => caller.measure.form({ measureId })));
  const instrument = INSTRUMENTS[form.kind];
  const historyHref = `/engagements/${form.engagementId}/questionnaires`;
  return (
    <HydrateClient>
      <Link href="/between-sessions" className="text-brand-strong underline">
        ← Today
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{instrument.name}</h1>
        <p className="text-ink-muted">
          {form.therapistName} asked you to fill this in: {instrument.about}. It takes about two minutes. There are no
          right or wrong answers. Your answers are kept as you go, so you can stop and come back.
        </p>
        {form.period?.dueBy ? (
          <p className="text-ink-muted">
            Best done by {formatDate(form.period.dueBy, user.timeZone)}, before your session
            {form.period.closesAt ? ` on ${formatDateTime(form.period.closesAt, user.timeZone)}` : ""}.
          </p>
        ) : null}
      </div>
      <Card>
        {form.completed ? (
          <p>
            You&apos;ve already filled this one in, on {formatDate(form.completed.completedAt, user.timeZone)}. Thank you.
            Your total was {form.completed.total} out of {instrument.maxTotal} ({form.completed.band.label.toLocaleLowerCase()}).{" "}
            <Link href={historyHref} className="text-brand-strong underline">
              Your answers over time
            </Link>
          </p>
        ) : form.period ? (
          <MeasureForm
            measureId={form.id}
            kind={form.kind}
            therapistName={form.therapistName}
            initial={form.draft}
            crisisText={crisisResourcesText(user)}
            historyHref={historyHref}
          />
        ) : (
          <p>
            There&apos;s nothing to fill in just now.{" "}
            {form.isActive ? "When the next one opens, you'll find it on your between-sessions page." : "This work together has ended."}{" "}
            <Link href={historyHref} className="text-brand-strong underline">
              Your answers over time
            </Link>
          </p>
        )}
      </Card>
    </HydrateClient>
  );
}
