// The client's export as a readable page: the same data as the JSON download
// (server/export/client-export.ts), in plain sections, made to print well.
// Text people wrote is rendered as text, never as HTML.
import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc/types";

type TClientExport = RouterOutputs["dataExport"]["mine"];
type TEngagement = TClientExport["engagements"][number];

const STATUS_WORDS: Record<string, string> = {
  not_recorded: "Not recorded",
  done: "Done",
  partly_done: "Partly done",
  skipped: "Skipped",
};

const AUTHOR = (who: { name: string; role: string }) => (who.role === "client" ? "You" : who.name);

function When({ iso, timeZone, dateOnly = false }: { iso: string | null; timeZone: string; dateOnly?: boolean }) {
  if (!iso) return null;
  const at = new Date(iso);
  return <time dateTime={iso}>{dateOnly ? formatDate(at, timeZone) : formatDateTime(at, timeZone)}</time>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 break-inside-avoid-page border-t border-line pt-4">
      <h3 className="text-lg font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function Written({ children }: { children: string }) {
  return <p className="whitespace-pre-wrap">{children}</p>;
}

function Goals({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  if (engagement.goals.length === 0) return <p className="text-ink-muted">No goals.</p>;
  return (
    <ul className="flex flex-col gap-4">
      {engagement.goals.map((goal, index) => (
        <li key={index} className="flex flex-col gap-1">
          <h4 className="font-semibold">
            {goal.title} <span className="font-normal text-ink-muted">({goal.status})</span>
          </h4>
          {goal.description ? <Written>{goal.description}</Written> : null}
          {goal.whyItMatters ? <p>Why it matters: {goal.whyItMatters}</p> : null}
          {goal.steps.length ? (
            <>
              <p className="font-medium">Steps</p>
              <ol className="list-decimal pl-6">
                {goal.steps.map((step, stepIndex) => (
                  <li key={stepIndex}>
                    {step.text} {step.doneAt ? "(done)" : null}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {goal.ratings.length ? (
            <>
              <p className="font-medium">Ratings (0–10)</p>
              <ul className="pl-6">
                {goal.ratings.map((rating, ratingIndex) => (
                  <li key={ratingIndex}>
                    <When iso={rating.at} timeZone={timeZone} dateOnly /> — {AUTHOR(rating.by)}: {rating.value}
                    {rating.note ? ` — ${rating.note}` : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {goal.statusHistory.length ? (
            <>
              <p className="font-medium">Status history</p>
              <ul className="pl-6">
                {goal.statusHistory.map((change, changeIndex) => (
                  <li key={changeIndex}>
                    <When iso={change.at} timeZone={timeZone} dateOnly /> — {AUTHOR(change.by)}: {change.from ?? "new"} → {change.to}
                    {change.note ? ` — ${change.note}` : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Homework({ engagement }: { engagement: TEngagement }) {
  if (engagement.homework.length === 0) return <p className="text-ink-muted">No homework.</p>;
  return (
    <ul className="flex flex-col gap-4">
      {engagement.homework.map((assignment, index) => (
        <li key={index} className="flex flex-col gap-1">
          <h4 className="font-semibold">
            {assignment.title}{" "}
            <span className="font-normal text-ink-muted">
              ({assignment.schedule.startsOn} to {assignment.schedule.endsOn}
              {assignment.status === "cancelled" ? ", cancelled" : ""})
            </span>
          </h4>
          <Written>{assignment.instructions}</Written>
          <ul className="flex flex-col gap-2 pl-6">
            {assignment.occurrences
              .filter((occurrence) => occurrence.status !== "not_recorded")
              .map((occurrence, occurrenceIndex) => (
                <li key={occurrenceIndex}>
                  <p className="font-medium">
                    {occurrence.dueOn}: {STATUS_WORDS[occurrence.status] ?? occurrence.status}
                    {occurrence.difficulty !== null ? ` · how hard ${occurrence.difficulty}/4` : ""}
                    {occurrence.helpfulness !== null ? ` · how helpful ${occurrence.helpfulness}/4` : ""}
                  </p>
                  {occurrence.response ? <Written>{occurrence.response}</Written> : null}
                  {occurrence.obstacle ? <p>What got in the way: {occurrence.obstacle}</p> : null}
                  {occurrence.therapistReply ? (
                    <p>
                      Reply from {occurrence.therapistReply.by ?? "your therapist"}: {occurrence.therapistReply.text}
                    </p>
                  ) : null}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Sessions({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  if (engagement.sessions.length === 0) return <p className="text-ink-muted">No sessions.</p>;
  return (
    <ul className="flex flex-col gap-4">
      {engagement.sessions.map((session) => (
        <li key={session.id} className="flex flex-col gap-1">
          <h4 className="font-semibold">
            <When iso={session.startsAt} timeZone={timeZone} /> <span className="font-normal text-ink-muted">({session.status})</span>
          </h4>
          {session.agenda.length ? (
            <>
              <p className="font-medium">Agenda</p>
              <ul className="pl-6">
                {session.agenda.map((item, itemIndex) => (
                  <li key={itemIndex}>
                    {AUTHOR(item.author)}: {item.text} <span className="text-ink-muted">({item.status})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {session.notes.map((note) => (
            <div key={note.kind}>
              <p className="font-medium">{note.kind === "shared_summary" ? "Shared summary" : "Your takeaways"}</p>
              <Written>{note.text}</Written>
            </div>
          ))}
          {session.feedback ? (
            <p>
              Your feedback: felt heard {session.feedback.feltHeard}, worked on what you wanted {session.feedback.workedOnWanted}, approach
              fit {session.feedback.approachFit}, overall {session.feedback.overall} (out of 10)
              {session.feedback.comment ? ` — ${session.feedback.comment}` : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function CheckIns({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  if (engagement.checkIns.length === 0) return <p className="text-ink-muted">No check-ins.</p>;
  return (
    <ul className="pl-6">
      {engagement.checkIns.map((checkIn, index) => (
        <li key={index}>
          <When iso={checkIn.at} timeZone={timeZone} dateOnly />: personally {checkIn.personal}, relationships {checkIn.relationships},
          work/school/social {checkIn.workSchoolSocial}, overall {checkIn.overall} (out of 10)
        </li>
      ))}
    </ul>
  );
}

function Questionnaires({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  if (engagement.questionnaires.length === 0) return <p className="text-ink-muted">No questionnaires.</p>;
  return (
    <ul className="flex flex-col gap-2 pl-6">
      {engagement.questionnaires.map((questionnaire, index) => (
        <li key={index}>
          <span className="font-medium">{questionnaire.name}</span>, {questionnaire.schedule}, from{" "}
          <When iso={questionnaire.assignedAt} timeZone={timeZone} dateOnly />
          {questionnaire.responses.length === 0 ? " · not filled in" : null}
          <ul className="pl-6">
            {questionnaire.responses.map((response, responseIndex) => (
              <li key={responseIndex}>
                <When iso={response.at} timeZone={timeZone} dateOnly />: total {response.total} ({response.severity}); answers{" "}
                {response.answers.join(", ")}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function ClientExportView({ data, timeZone }: { data: TClientExport; timeZone: string }) {
  return (
    <div className="flex flex-col gap-6">
      <p>
        {data.person.name} ({data.person.email}) · made <When iso={data.exportedAt} timeZone={timeZone} />
      </p>
      {data.engagements.map((engagement) => (
        <article key={engagement.id} className="flex flex-col gap-4">
          <h2 className="text-xl font-semibold">
            With {engagement.therapist.name}
            {engagement.status === "ended" ? " (ended)" : ""}
          </h2>
          <p className="text-ink-muted">
            {engagement.startedAt ? (
              <>
                From <When iso={engagement.startedAt} timeZone={timeZone} dateOnly />
              </>
            ) : null}
            {engagement.endedAt ? (
              <>
                {" "}
                to <When iso={engagement.endedAt} timeZone={timeZone} dateOnly />
              </>
            ) : null}
          </p>
          <Section title="Goals">
            <Goals engagement={engagement} timeZone={timeZone} />
          </Section>
          <Section title="Homework">
            <Homework engagement={engagement} />
          </Section>
          <Section title="Sessions">
            <Sessions engagement={engagement} timeZone={timeZone} />
          </Section>
          <Section title="Check-ins">
            <CheckIns engagement={engagement} timeZone={timeZone} />
          </Section>
          <Section title="Questionnaires">
            <Questionnaires engagement={engagement} timeZone={timeZone} />
          </Section>
        </article>
      ))}
      <article className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">Your journal</h2>
        {data.journal.length === 0 ? <p className="text-ink-muted">No journal entries.</p> : null}
        <ul className="flex flex-col gap-4">
          {data.journal.map((entry, index) => (
            <li key={index} className="flex flex-col gap-1 break-inside-avoid-page">
              <p className="font-medium">
                <When iso={entry.writtenAt} timeZone={timeZone} />
                {entry.mood !== null ? ` · mood ${entry.mood}/10` : ""} ·{" "}
                {entry.visibility === "shared" && entry.sharedWith ? `shared with ${entry.sharedWith}` : "private"}
              </p>
              <Written>{entry.text}</Written>
            </li>
          ))}
        </ul>
      </article>
    </div>
  );
}
