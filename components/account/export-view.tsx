// The client's export as a readable page: the same data as the download's
// JSON (server/export/client-export.ts), in plain sections, made to print
// well. Rendered at /account/export and, as a file of its own, inside the
// download (export-document.tsx). Text people wrote is rendered as text,
// never as HTML.
import { SafetyPlanView } from "@/components/safety-plan/safety-plan-view";
import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatMemoLength } from "@/lib/voice/limits";
import type { RouterOutputs } from "@/lib/trpc/types";

type TClientExport = RouterOutputs["dataExport"]["mine"];
type TEngagement = TClientExport["engagements"][number];
type TExercise = NonNullable<TEngagement["homework"][number]["occurrences"][number]["exercise"]>;
type TExerciseAnswer = TExercise["answers"][number];
type TVoiceMemo = TClientExport["voiceMemos"][number];
type TMessage = TEngagement["conversation"]["messages"][number];


/** What the export holds, in the client's words: the page and the printable file both say it. */
export const CLIENT_EXPORT_INTRO =
  "Your goals, homework and exercises (unsent ones too), your ladder, your safety plan, sessions, feedback, check-ins, your whole journal, private entries included, your voice memos, your messages with your therapist, and who asked to see your records or proposed a change of therapist. Keep a copy somewhere only you can reach. Your therapist's private notes are not part of it.";

const MEMO_PLACE_WORDS: Record<TVoiceMemo["placedIn"], string> = {
  journal: "On a journal entry",
  agenda: "On a session's agenda",
  homework: "On a homework day",
  message: "In a message to your therapist",
  "not placed yet": "Not placed yet: private, only you can hear it",
};

const STATUS_WORDS: Record<string, string> = {
  not_recorded: "Not recorded",
  done: "Done",
  partly_done: "Partly done",
  skipped: "Skipped",
};


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

/** Records of one kind, an item each, or `none` said plainly when there are none. */
function Records<TItem>({
  items,
  none,
  listClassName = "flex flex-col gap-4",
  itemClassName = "flex flex-col gap-1",
  children,
}: {
  items: TItem[];
  none: string;
  listClassName?: string;
  itemClassName?: string;
  children: (item: TItem) => ReactNode;
}) {
  if (items.length === 0) return <p className="text-ink-muted">{none}</p>;
  return (
    <ul className={listClassName}>
      {items.map((item, index) => (
        <li key={index} className={itemClassName}>
          {children(item)}
        </li>
      ))}
    </ul>
  );
}

/** A titled list inside a record (a goal's steps, a session's agenda…); nothing when it is empty. */
function SubList<TItem>({
  title,
  items,
  isNumbered = false,
  children,
}: {
  title: string;
  items: TItem[];
  isNumbered?: boolean;
  children: (item: TItem) => ReactNode;
}) {
  if (items.length === 0) return null;
  const List = isNumbered ? "ol" : "ul";
  return (
    <>
      <p className="font-medium">{title}</p>
      <List className={isNumbered ? "list-decimal pl-6" : "pl-6"}>
        {items.map((item, index) => (
          <li key={index}>{children(item)}</li>
        ))}
      </List>
    </>
  );
}

function Goals({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  return (
    <Records items={engagement.goals} none="No goals.">
      {(goal) => (
        <>
          <h4 className="font-semibold">
            {goal.title} <span className="font-normal text-ink-muted">({goal.status})</span>
          </h4>
          {goal.description ? <Written>{goal.description}</Written> : null}
          {goal.whyItMatters ? <p>Why it matters: {goal.whyItMatters}</p> : null}
          <SubList title="Steps" items={goal.steps} isNumbered>
            {(step) => (
              <>
                {step.text} {step.doneAt ? "(done)" : null}
              </>
            )}
          </SubList>
          <SubList title="Ratings (0–10)" items={goal.ratings}>
            {(rating) => (
              <>
                <When iso={rating.at} timeZone={timeZone} dateOnly /> — {AUTHOR(rating.by)}: {rating.value}
                {rating.note ? ` — ${rating.note}` : null}
              </>
            )}
          </SubList>
          <SubList title="Status history" items={goal.statusHistory}>
            {(change) => (
              <>
                <When iso={change.at} timeZone={timeZone} dateOnly /> — {AUTHOR(change.by)}: {change.from ?? "new"} → {change.to}
                {change.note ? ` — ${change.note}` : null}
              </>
            )}
          </SubList>
        </>
      )}
    </Records>
  );
}

/** One answer as text: a list of choices joined, a repeating part as its rows, an empty one said plainly. */
function AnswerText({ answer }: { answer: TExerciseAnswer["answer"] }) {
  if (answer === null) return <span className="text-ink-muted">left empty</span>;
  if (typeof answer === "number") return <>{answer}</>;
  if (typeof answer === "string") return <span className="whitespace-pre-wrap">{answer}</span>;
  if (answer.every((item) => typeof item === "string")) return <>{(answer as string[]).join(", ")}</>;
  return (
    <ol className="list-decimal pl-6">
      {(answer as TExerciseAnswer[][]).map((row, rowIndex) => (
        <li key={rowIndex}>
          {row.map((cell, cellIndex) => (
            <span key={cellIndex}>
              {cellIndex > 0 ? " · " : null}
              {cell.question}: <AnswerText answer={cell.answer} />
            </span>
          ))}
        </li>
      ))}
    </ol>
  );
}

/** An exercise as it was filled in, with the questions of the version it answered. */
function Exercise({ exercise, timeZone }: { exercise: TExercise; timeZone: string }) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-ink-muted">
        {exercise.state === "sent" ? (
          <>
            Exercise sent <When iso={exercise.sentAt} timeZone={timeZone} />
          </>
        ) : (
          <>
            Draft, not sent (only you can see it), last kept <When iso={exercise.lastSavedAt} timeZone={timeZone} />
          </>
        )}
        {exercise.skill ? ` · how the skill went: ${exercise.skill}` : null}
      </p>
      <dl className="flex flex-col gap-1">
        {exercise.answers.map((item, index) => (
          <div key={index}>
            <dt className="font-medium">{item.question}</dt>
            <dd>
              <AnswerText answer={item.answer} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Ladder({ engagement }: { engagement: TEngagement }) {
  return (
    <Records items={engagement.ladder} none="No ladder." listClassName="list-decimal pl-6" itemClassName="">
      {(step) => (
        <>
          {step.text} <span className="text-ink-muted">(expected anxiety {step.expectedAnxiety} out of 100)</span>
        </>
      )}
    </Records>
  );
}

function Homework({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  return (
    <Records items={engagement.homework} none="No homework.">
      {(assignment) => (
        <>
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
              .filter((occurrence) => occurrence.status !== "not_recorded" || occurrence.exercise !== null)
              .map((occurrence, occurrenceIndex) => (
                <li key={occurrenceIndex}>
                  <p className="font-medium">
                    {occurrence.dueOn}: {occurrence.status === "not_recorded" ? "Started, not sent yet" : (STATUS_WORDS[occurrence.status] ?? occurrence.status)}
                    {occurrence.difficulty !== null ? ` · how hard ${occurrence.difficulty}/4` : ""}
                    {occurrence.helpfulness !== null ? ` · how helpful ${occurrence.helpfulness}/4` : ""}
                  </p>
                  {occurrence.exercise ? <Exercise exercise={occurrence.exercise} timeZone={timeZone} /> : null}
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
        </>
      )}
    </Records>
  );
}

function Sessions({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  return (
    <Records items={engagement.sessions} none="No sessions.">
      {(session) => (
        <>
          <h4 className="font-semibold">
            <When iso={session.startsAt} timeZone={timeZone} /> <span className="font-normal text-ink-muted">({session.status})</span>
          </h4>
          <SubList title="Agenda" items={session.agenda}>
            {(item) => (
              <>
                {AUTHOR(item.author)}: {item.text} <span className="text-ink-muted">({item.status})</span>
              </>
            )}
          </SubList>
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
        </>
      )}
    </Records>
  );
}

function CheckIns({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  return (
    <Records items={engagement.checkIns} none="No check-ins." listClassName="pl-6" itemClassName="">
      {(checkIn) => (
        <>
          <When iso={checkIn.at} timeZone={timeZone} dateOnly />: personally {checkIn.personal}, relationships {checkIn.relationships},
          work/school/social {checkIn.workSchoolSocial}, overall {checkIn.overall} (out of 10)
        </>
      )}
    </Records>
  );
}

function Questionnaires({ engagement, timeZone }: { engagement: TEngagement; timeZone: string }) {
  return (
    <Records items={engagement.questionnaires} none="No questionnaires." listClassName="flex flex-col gap-2 pl-6" itemClassName="">
      {(questionnaire) => (
        <>
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
        </>
      )}
    </Records>
  );
}

/** Each memo with its recording's name in the download; in the download's own copy, a link to the recording beside it. */
function VoiceMemos({ memos, timeZone, isInArchive }: { memos: TVoiceMemo[]; timeZone: string; isInArchive: boolean }) {
  return (
    <Records items={memos} none="No voice memos." itemClassName="flex flex-col gap-1 break-inside-avoid-page">
      {(memo) => (
        <>
          <p className="font-medium">
            <When iso={memo.recordedAt} timeZone={timeZone} /> · {formatMemoLength(memo.lengthSeconds)} long · {MEMO_PLACE_WORDS[memo.placedIn]}
            {memo.placedAt ? (
              <>
                {" "}
                (<When iso={memo.placedAt} timeZone={timeZone} dateOnly />)
              </>
            ) : null}
          </p>
          {memo.note ? <Written>{memo.note}</Written> : null}
          <p className="text-ink-muted">
            The recording: {isInArchive ? <a href={memo.file}>{memo.file}</a> : <code>{memo.file}</code>}
            {isInArchive ? null : " in the download"}
          </p>
        </>
      )}
    </Records>
  );
}

/** `isInArchive`: rendered for the download, beside the recordings, so their names can be links. */
export function ClientExportView({ data, timeZone, isInArchive = false }: { data: TClientExport; timeZone: string; isInArchive?: boolean }) {
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
            <Homework engagement={engagement} timeZone={timeZone} />
          </Section>
          {engagement.ladder.length > 0 ? (
            <Section title="Your ladder">
              <Ladder engagement={engagement} />
            </Section>
          ) : null}
          {engagement.safetyPlan ? (
            <Section title="Your safety plan">
              <p className="text-ink-muted">
                Version {engagement.safetyPlan.version}, last changed by {engagement.safetyPlan.updatedBy.name}{" "}
                <When iso={engagement.safetyPlan.updatedAt} timeZone={timeZone} />. Every earlier version is in the JSON file.
              </p>
              <SafetyPlanView content={engagement.safetyPlan.sections} />
            </Section>
          ) : null}
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
        <Records items={data.journal} none="No journal entries." itemClassName="flex flex-col gap-1 break-inside-avoid-page">
          {(entry) => (
            <>
              <p className="font-medium">
                <When iso={entry.writtenAt} timeZone={timeZone} />
                {entry.mood !== null ? ` · mood ${entry.mood}/10` : ""} ·{" "}
                {entry.visibility === "shared" && entry.sharedWith ? `shared with ${entry.sharedWith}` : "private"}
              </p>
              <Written>{entry.text}</Written>
            </>
          )}
        </Records>
      </article>
      <article className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">Your voice memos</h2>
        <VoiceMemos memos={data.voiceMemos} timeZone={timeZone} isInArchive={isInArchive} />
      </article>
      <article className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">Who asked to see your records</h2>
        <Records items={data.recordSharing} none="No supervisor has asked to see your records." itemClassName="flex flex-col gap-1 break-inside-avoid-page">
          {(request) => (
            <>
              <p className="font-medium">
                {request.supervisor}, supervising {request.clinician} · asked <When iso={request.askedAt} timeZone={timeZone} dateOnly /> · until{" "}
                <When iso={request.until} timeZone={timeZone} dateOnly /> · {SHARING_STATUS[request.status]}
              </p>
              <Written>{request.reason}</Written>
            </>
          )}
        </Records>
      </article>
      <article className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">Changes of therapist</h2>
        <Records items={data.handovers} none="Nobody has proposed moving your work to another therapist." itemClassName="flex flex-col gap-1 break-inside-avoid-page">
          {(handover) => (
            <>
              <p className="font-medium">
                From {handover.from} to {handover.to} · proposed by {handover.proposedBy} <When iso={handover.proposedAt} timeZone={timeZone} dateOnly /> ·{" "}
                {HANDOVER_STATUS[handover.status]}
              </p>
              {handover.message ? <Written>{handover.message}</Written> : null}
            </>
          )}
        </Records>
      </article>
      <ClientExportMessages data={data} timeZone={timeZone} isInArchive={isInArchive} />
    </div>
  );
}

const SHARING_STATUS: Record<TClientExport["recordSharing"][number]["status"], string> = {
  asked: "waiting for your answer",
  agreed: "you agreed",
  refused: "you said no",
  withdrawn: "ended",
};

const HANDOVER_STATUS: Record<TClientExport["handovers"][number]["status"], string> = {
  proposed: "waiting for your answer",
  accepted: "you accepted",
  declined: "you said no",
  withdrawn: "withdrawn",
};

const AUTHOR = (who: { name: string; role: string }) => (who.role === "client" ? "You" : who.name);


/** One message: who and when, what it answered, its words (or that it was withdrawn), its recordings. */
function MessageRecord({
  message,
  numbers,
  files,
  timeZone,
  isInArchive,
}: {
  message: TMessage;
  numbers: ReadonlyMap<string, number>;
  files: ReadonlyMap<string, string>;
  timeZone: string;
  isInArchive: boolean;
}) {
  const answers = message.replyToId ? numbers.get(message.replyToId) : undefined;
  return (
    <>
      <p className="font-medium">
        {numbers.get(message.id)}. {AUTHOR(message.author)} · <When iso={message.sentAt} timeZone={timeZone} />
        {answers ? <span className="font-normal text-ink-muted"> · in reply to {answers}.</span> : null}
      </p>
      {message.withdrawnAt ? (
        <p className="text-ink-muted">
          {message.author.role === "client" ? "You" : message.author.name} withdrew this message (<When iso={message.withdrawnAt} timeZone={timeZone} />).
        </p>
      ) : message.text ? (
        <p className="whitespace-pre-wrap">{message.text}</p>
      ) : null}
      {message.voiceMemoIds.map((memoId) => {
        const file = files.get(memoId);
        return (
          <p key={memoId} className="text-ink-muted">
            A voice memo: {file ? isInArchive ? <a href={file}>{file}</a> : <code>{file}</code> : "no longer kept"}
          </p>
        );
      })}
    </>
  );
}

/**
 * The messages between sessions, one conversation per therapist, oldest
 * first and numbered, so "in reply to 3." reads on paper. Their words are
 * rendered as text.
 */
function ClientExportMessages({ data, timeZone, isInArchive = false }: { data: TClientExport; timeZone: string; isInArchive?: boolean }) {
  const conversations = data.engagements.filter((engagement) => engagement.conversation.messages.length > 0);
  const files = new Map(data.voiceMemos.map((memo) => [memo.id, memo.file]));
  return (
    <article className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">Your messages</h2>
      {conversations.length === 0 ? <p className="text-ink-muted">No messages.</p> : null}
      {conversations.map((engagement) => {
        const numbers = new Map(engagement.conversation.messages.map((message, index) => [message.id, index + 1]));
        return (
          <section key={engagement.id} className="flex flex-col gap-3 border-t border-line pt-4">
            <h3 className="text-lg font-semibold">
              With {engagement.therapist.name}
              {engagement.status === "ended" ? " (ended)" : ""}
            </h3>
            <ul className="flex flex-col gap-4">
              {engagement.conversation.messages.map((message) => (
                <li key={message.id} className="flex flex-col gap-1 break-inside-avoid-page">
                  <MessageRecord message={message} numbers={numbers} files={files} timeZone={timeZone} isInArchive={isInArchive} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </article>
  );
}

