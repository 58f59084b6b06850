"use client";

// "For today" on the client's home: everything waiting for them, one line
// each: feedback on a session just had, questionnaires their therapist asked
// for, then homework and exercises (today's, and any still open). The first
// few show; the rest are one tap away, so the first screen of a phone keeps
// room for the quick entry below. No counts of what was missed, no streaks.
import Link from "next/link";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatShortDate, formatShortDateTime } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/card";

/** How many lines show before "N more for today": the one or two things that matter today. */
export const DUE_SHOWN = 2;

export type TFeedbackDue = { sessionId: string; startsAt: Date; with: string };
export type TQuestionnaireDue = { id: string; name: string; isStarted: boolean; dueBy: Date | null };

type TRow = { key: string; href: string; title: string; detail: string };

export function DueToday({ feedback, questionnaires, timeZone }: { feedback: TFeedbackDue[]; questionnaires: TQuestionnaireDue[]; timeZone: string }) {
  const trpc = useTRPC();
  const { data: homework } = useSuspenseQuery(trpc.homework.due.queryOptions());
  const rows: TRow[] = [
    ...feedback.map((session) => ({
      key: `feedback-${session.sessionId}`,
      href: `/sessions/${session.sessionId}`,
      title: "Give feedback on your last session",
      detail: `${formatShortDateTime(session.startsAt, timeZone)} with ${session.with}`,
    })),
    ...questionnaires.map((measure) => ({
      key: `measure-${measure.id}`,
      href: `/questionnaires/${measure.id}`,
      title: measure.isStarted ? `Carry on with the ${measure.name}` : `Start the ${measure.name}`,
      detail: `About two minutes${measure.dueBy ? `, best by ${formatShortDate(measure.dueBy, timeZone)}` : ""}`,
    })),
    ...homework.map((item) => ({
      key: `homework-${item.id}`,
      href: item.assignment.isExercise ? `/homework/${item.assignment.id}/entries/${item.id}` : `/homework/${item.assignment.id}`,
      title: item.assignment.title,
      detail: item.isOverdue ? `Open since ${formatShortDate(new Date(`${item.dueOn}T12:00:00Z`), "UTC")}, you can still record it` : "For today",
    })),
  ];
  if (rows.length === 0) {
    return <EmptyState>Nothing to do right now. Anything your therapist suggests trying will appear here.</EmptyState>;
  }
  const shown = rows.slice(0, DUE_SHOWN);
  const more = rows.slice(DUE_SHOWN);
  return (
    <div className="flex flex-col gap-2">
      <DueList label="For today" rows={shown} />
      {more.length > 0 ? (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-strong underline">
            {more.length} more for today
          </summary>
          <DueList label="More for today" rows={more} />
        </details>
      ) : null}
    </div>
  );
}

function DueList({ label, rows }: { label: string; rows: TRow[] }) {
  return (
    <ul className="flex flex-col gap-2" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key}>
          <Link href={row.href} className="flex flex-col rounded-lg border border-line px-3 py-2 hover:border-brand">
            <span className="font-medium">{row.title}</span>
            <span className="truncate text-sm text-ink-muted">{row.detail}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
