import type { Metadata } from "next";
import { maxMemoSeconds } from "@/server/voice/settings";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { flushPageAudit, serverCaller } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { now } from "@/server/clock";
import { localDay } from "@/lib/time/zones";
import { formatDateTime } from "@/lib/format";
import { skillLabel } from "@/lib/exercises/skill";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState } from "@/components/ui/card";
import { dayText } from "@/components/exercises/entries-table";
import { EntryForm } from "@/components/exercises/entry-form";
import { EntryReadBack } from "@/components/exercises/entry-read-back";
import { EntryReplyForm } from "@/components/exercises/entry-reply-form";
import { SkillNoteForm } from "@/components/exercises/skill-note-form";

export const metadata: Metadata = { title: "Exercise" };

export default async function EntryPage({ params, searchParams }: PageProps<"/homework/[assignmentId]/entries/[occurrenceId]">) {
  const [{ assignmentId, occurrenceId }, query] = await Promise.all([params, searchParams]);
  const path = `/homework/${encodeURIComponent(assignmentId)}/entries/${encodeURIComponent(occurrenceId)}`;
  const user = await requireUser({ returnTo: path });
  const entry = await orNotFound(serverCaller().then((caller) => caller.exercise.entry({ occurrenceId })));
  await flushPageAudit();
  if (entry.assignment.id !== assignmentId) notFound();

  const isClient = user.role === "client";
  const { therapist, client } = entry.people;
  const { opensOn, dueOn } = entry.occurrence;
  const homeworkHref = `/homework/${assignmentId}`;
  const ladderHref = `/engagements/${entry.engagementId}/ladder`;
  const ladderNames = Object.fromEntries((entry.ladder ?? []).map((step) => [step.id, step.text]));
  const isOpen = opensOn <= localDay(now(), user.timeZone);
  const skill = skillLabel(entry.skillRating);
  const completion = entry.completion;

  return (
    <>
      <Link href={homeworkHref} className="text-brand-strong underline">
        ← {entry.assignment.title}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{entry.assignment.title}</h1>
        <p className="text-ink-muted">
          {opensOn === dueOn ? `For ${dayText(dueOn)}` : `For ${dayText(opensOn)} to ${dayText(dueOn)}`}
          {isClient ? "" : ` · ${client} · form version ${entry.formVersion}`}
        </p>
      </div>

      {entry.state === "sent" && isClient && query.sent ? (
        <Alert tone="success">
          Thank you for taking the time. It&apos;s with {therapist} now, and you can look at it together at your next session.
        </Alert>
      ) : null}

      {entry.state !== "sent" ? (
        <Card title="What to do">
          <p className="whitespace-pre-line">{entry.assignment.instructions}</p>
        </Card>
      ) : null}

      {entry.state === "sent" && entry.answers ? (
        <>
          <Card title={isClient ? "What you sent" : `What ${client} sent`}>
            {entry.sentAt ? <p className="mb-3 text-sm text-ink-muted">Sent {formatDateTime(entry.sentAt, user.timeZone)}</p> : null}
            <EntryReadBack form={entry.form} answers={entry.answers} ladder={ladderNames} />
          </Card>
          <Card title="How the skill went">
            {skill ? (
              <p className="mb-3">
                <span className="font-medium">{isClient ? `${therapist}'s note:` : "Your note:"}</span> {skill}
              </p>
            ) : isClient ? (
              <p className="text-ink-muted">{therapist} hasn&apos;t added a note on this one.</p>
            ) : null}
            {!isClient && entry.isActive ? <SkillNoteForm occurrenceId={occurrenceId} initial={entry.skillRating} clientName={client} /> : null}
          </Card>
          <Card title="Reply">
            {completion?.feedback ? (
              <p className="mb-3 whitespace-pre-line rounded-lg bg-brand-soft px-3 py-2">
                <span className="font-medium">{isClient ? therapist : "Your reply"}:</span> {completion.feedback}
              </p>
            ) : isClient ? (
              <p className="text-ink-muted">No reply yet. {therapist} may reply here, or talk it through with you at your next session.</p>
            ) : null}
            {!isClient && entry.isActive ? <EntryReplyForm occurrenceId={occurrenceId} assignmentId={assignmentId} initial={completion?.feedback ?? null} /> : null}
          </Card>
        </>
      ) : completion ? (
        // Recorded without an entry: the day was marked as not done (the "what got in the way" path).
        <Card title="This day">
          <p>{isClient ? "You marked this one as not done this time. That's fine." : `${client} marked this one as not done this time.`}</p>
          {completion.obstacle ? (
            <p className="mt-2 whitespace-pre-line">
              <span className="font-medium">What got in the way:</span> {completion.obstacle}
            </p>
          ) : null}
          {completion.feedback ? (
            <p className="mt-2 whitespace-pre-line rounded-lg bg-brand-soft px-3 py-2">
              <span className="font-medium">{isClient ? therapist : "Your reply"}:</span> {completion.feedback}
            </p>
          ) : null}
          {!isClient && entry.isActive ? (
            <div className="mt-3">
              <EntryReplyForm occurrenceId={occurrenceId} assignmentId={assignmentId} initial={completion.feedback} />
            </div>
          ) : null}
        </Card>
      ) : !isClient ? (
        <EmptyState>Nothing sent for this day yet.</EmptyState>
      ) : !entry.isActive ? (
        <EmptyState>This homework isn&apos;t running any more, so there&apos;s nothing to fill in. What was sent before is kept.</EmptyState>
      ) : !isOpen ? (
        <EmptyState>This one opens on {dayText(opensOn)}. It will be ready for you then.</EmptyState>
      ) : (
        <Card>
          <EntryForm
            occurrenceId={occurrenceId}
            assignmentId={assignmentId}
            form={entry.form}
            initialAnswers={entry.answers}
            therapistName={therapist}
            ladder={entry.ladder}
            ladderHref={ladderHref}
            maxMemoSeconds={maxMemoSeconds()}
          />
        </Card>
      )}

      <p>
        <Link href={`${homeworkHref}/entries`} className="text-brand-strong underline">
          All entries and charts
        </Link>
      </p>
    </>
  );
}
