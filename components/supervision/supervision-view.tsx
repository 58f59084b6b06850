import type { ReactNode } from "react";
import type { TSupervisionView } from "@/lib/trpc/types";
import { formatDate, formatDateTime } from "@/lib/format";
import { isContactSection, SAFETY_PLAN_SECTIONS } from "@/lib/constants/safety-plan";
import { Card, EmptyState } from "@/components/ui/card";

const COMPLETION_WORDS = { done: "Done", partly_done: "Partly done", skipped: "Skipped" } as const;

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return <Card title={title}>{count === 0 ? <EmptyState>Nothing here yet.</EmptyState> : children}</Card>;
}

/**
 * A supervisor's read-only view of one client's records, while the client
 * agrees (issue 29). Drawn on the server: no buttons, nothing to change.
 */
export function SupervisionView({ view, timeZone }: { view: TSupervisionView; timeZone: string }) {
  return (
    <div className="flex flex-col gap-5">
      <Section title="Goals" count={view.goals.length}>
        <ul className="flex flex-col gap-3" aria-label="Goals">
          {view.goals.map((goal) => (
            <li key={goal.id} className="flex flex-col gap-1">
              <span className="font-medium">{goal.title}</span>
              <span className="text-sm text-ink-muted">
                {goal.status}
                {goal.latest.client ? ` · client rates it ${goal.latest.client.value}/10` : ""}
                {goal.latest.therapist ? ` · therapist rates it ${goal.latest.therapist.value}/10` : ""}
              </span>
              {goal.steps.length ? (
                <ul className="ml-4 list-disc text-sm">
                  {goal.steps.map((step) => (
                    <li key={step.id}>
                      {step.text}
                      {step.isDone ? " (done)" : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Homework" count={view.homework.length}>
        <ul className="flex flex-col gap-3">
          {view.homework.map((assignment) => (
            <li key={assignment.id} className="flex flex-col gap-1">
              <span className="font-medium">{assignment.title}</span>
              <span className="text-sm text-ink-muted">
                {assignment.progress.done} of {assignment.progress.due} done so far
              </span>
              {assignment.occurrences.flatMap((occurrence) =>
                occurrence.completion ? (
                  <p key={occurrence.id} className="text-sm">
                    {occurrence.dueOn}: {COMPLETION_WORDS[occurrence.completion.status]}
                    {occurrence.completion.response ? ` — ${occurrence.completion.response}` : ""}
                  </p>
                ) : [],
              )}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Sessions" count={view.sessions.length}>
        <ul className="flex flex-col gap-4">
          {view.sessions.map((session) => (
            <li key={session.id} className="flex flex-col gap-1">
              <span className="font-medium">
                {formatDateTime(session.startsAt, timeZone)} · {session.status}
              </span>
              {session.agenda.length ? (
                <ul className="ml-4 list-disc text-sm">
                  {session.agenda.map((item) => (
                    <li key={item.id}>{item.text}</li>
                  ))}
                </ul>
              ) : null}
              {session.summary ? <p className="whitespace-pre-line text-sm">Summary shared with the client: {session.summary.body}</p> : null}
              {session.sharedPrivateNote ? (
                <p className="whitespace-pre-line rounded-lg bg-notice-soft px-3 py-2 text-sm">
                  <span className="font-medium">The clinician&apos;s private note, shared for supervision: </span>
                  {session.sharedPrivateNote.body}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Questionnaire scores" count={view.scores.length}>
        <ul className="flex flex-col gap-1">
          {view.scores.map((score) => (
            <li key={score.id}>
              {score.name}: {score.total ?? "—"}
              {score.completedAt ? <span className="text-sm text-ink-muted"> · {formatDate(score.completedAt, timeZone)}</span> : null}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Journal entries the client shared" count={view.journal.length}>
        <ul className="flex flex-col gap-3">
          {view.journal.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-1">
              <span className="text-sm text-ink-muted">{formatDate(entry.sharedAt ?? entry.createdAt, timeZone)}</span>
              <p className="whitespace-pre-line">{entry.body}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Safety plan" count={view.safetyPlan ? 1 : 0}>
        {view.safetyPlan ? (
          <dl className="flex flex-col gap-2">
            {SAFETY_PLAN_SECTIONS.map((section) => {
              const content = view.safetyPlan!.content;
              const lines = isContactSection(section.key)
                ? content[section.key].map((contact) => (contact.phone ? `${contact.name}, ${contact.phone}` : contact.name))
                : content[section.key];
              return lines.length ? (
                <div key={section.key}>
                  <dt className="font-medium">{section.title}</dt>
                  {lines.map((line, index) => (
                    <dd key={index} className="ml-4 text-sm">
                      {line}
                    </dd>
                  ))}
                </div>
              ) : null;
            })}
          </dl>
        ) : null}
      </Section>
    </div>
  );
}
