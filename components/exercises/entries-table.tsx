// An exercise's sent entries as a table, newest first, one row per entry
// linking to it (issue 23). A server component: no JavaScript shipped. On a
// phone the table scrolls sideways inside its own labelled region, so the
// page never does (the region is `relative`: otherwise the cells' sr-only
// words, positioned absolutely, escape it and widen the page).
import Link from "next/link";
import type { RouterOutputs } from "@/lib/trpc/types";
import { SLEEP_EFFICIENCY_KEY, SLEEP_TOTAL_KEY } from "@/lib/exercises/figures";
import { minutesInWords } from "@/lib/exercises/entry-draft";
import { skillLabel } from "@/lib/exercises/skill";
import { formatDate } from "@/lib/format";
import { answerText } from "./answer-text";

type TEntriesPage = RouterOutputs["exercise"]["entries"];

export function dayText(date: string): string {
  return formatDate(new Date(`${date}T12:00:00Z`), "UTC");
}

const CELL = "py-2 pr-4 align-top";

function Empty() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">Left empty</span>
    </>
  );
}

export function EntriesTable({ data, assignmentId }: { data: TEntriesPage; assignmentId: string }) {
  const hasSleep = data.entries.some((entry) => SLEEP_TOTAL_KEY in entry.figures);
  const captionId = `entries-caption-${assignmentId}`;
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="relative overflow-x-auto rounded-lg focus-visible:outline-3 focus-visible:outline-brand">
      <table className="min-w-full text-left text-sm">
        <caption id={captionId} className="pb-2 text-left text-ink-muted">
          Entries sent, newest first{data.pageCount > 1 ? ` (page ${data.page} of ${data.pageCount})` : ""}
        </caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="sticky left-0 bg-surface py-2 pr-4 font-semibold">
              Day
            </th>
            {data.columns.map((column) => (
              <th key={column.key} scope="col" className="min-w-40 py-2 pr-4 font-semibold">
                {column.label}
              </th>
            ))}
            {hasSleep ? (
              <>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  Total sleep
                </th>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  Sleep efficiency
                </th>
              </>
            ) : null}
            <th scope="col" className="py-2 pr-4 font-semibold">
              Skill note
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Reply
            </th>
          </tr>
        </thead>
        <tbody>
          {data.entries.map((entry) => {
            const total = entry.figures[SLEEP_TOTAL_KEY];
            const efficiency = entry.figures[SLEEP_EFFICIENCY_KEY];
            return (
              <tr key={entry.id} className="border-b border-line">
                <th scope="row" className={`${CELL} sticky left-0 bg-surface font-normal whitespace-nowrap`}>
                  <Link href={`/homework/${assignmentId}/entries/${entry.occurrenceId}`} className="text-brand-strong underline">
                    {dayText(entry.dueOn)}
                  </Link>
                </th>
                {data.columns.map((column) => {
                  const text = answerText(column, entry.answers[column.key], data.ladder);
                  return (
                    <td key={column.key} className={`${CELL} whitespace-pre-line break-words`}>
                      {text || <Empty />}
                    </td>
                  );
                })}
                {hasSleep ? (
                  <>
                    <td className={`${CELL} whitespace-nowrap`}>{typeof total === "number" ? minutesInWords(total) : <Empty />}</td>
                    <td className={`${CELL} whitespace-nowrap`}>{typeof efficiency === "number" ? `${efficiency}%` : <Empty />}</td>
                  </>
                ) : null}
                <td className={CELL}>{skillLabel(entry.skillRating) ?? <Empty />}</td>
                <td className={CELL}>{entry.hasReply ? "Replied" : <Empty />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
