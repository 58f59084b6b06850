// Reading exercises back (issue 23): the table of an assignment's entries,
// the series its charts plot, and the brief's line per exercise. Sent entries
// only: a draft is the client's alone (./entries.ts).
//
// Each read is a fixed number of statements however many entries there are
// (docs/house-style.md, H13); answers are opened here, with their own form
// version, so an entry recorded before the template changed reads as it was
// recorded.
import type { TDb } from "../db/client";
import type { TExerciseField, TExerciseForm } from "../../lib/exercises/form-definition";
import { briefLine, figuresOf, numericSeries, type TSeries } from "../../lib/exercises/figures";
import { ENTRIES_PAGE_SIZE } from "../../lib/schemas/exercise";
import { dbToLocalDate } from "../../lib/homework/schedule";
import { openAssignmentText } from "../homework/sealing";
import { openDefinition } from "./forms";
import { formOpener, openEntryAnswers } from "./sealing";
import { ladderStepsOf } from "./ladder";

/** How many of the newest sent entries the charts read. */
export const CHART_ENTRIES = 120;

const ENTRY_SELECT = {
  id: true,
  occurrenceId: true,
  formId: true,
  answers: true,
  sentAt: true,
  skillRating: true,
  occurrence: { select: { dueOn: true, completion: { select: { feedbackAt: true } } } },
  form: { select: { id: true, version: true, definition: true } },
} as const;

type TEntryRow = { occurrenceId: string; formId: string; answers: string; form: { id: string; version: number; definition: string } };

/** Opens entries, each with its own form version (opened once per read). */
function opener() {
  const formOf = formOpener();
  return (entry: TEntryRow) => ({ form: formOf(entry.form), answers: openEntryAnswers(entry) });
}

/** The table's columns: every field of every version on the page, by key, newest version's label first. */
function columnsOf(forms: { version: number; form: TExerciseForm }[]): TExerciseField[] {
  const byKey = new Map<string, TExerciseField>();
  for (const { form } of [...forms].sort((a, b) => b.version - a.version)) {
    for (const field of form.fields) if (!byKey.has(field.key)) byKey.set(field.key, field);
  }
  return [...byKey.values()];
}

/**
 * An assignment's sent entries, newest first, one page at a time, with the
 * series and points its charts draw (the newest CHART_ENTRIES, oldest first).
 */
export async function entriesOf(db: TDb, assignment: { id: string; engagement: { id: string } }, page: number) {
  const where = { assignmentId: assignment.id, sentAt: { not: null } };
  const [total, rows, chartRows, header, ladder] = await Promise.all([
    db.exerciseEntry.count({ where }),
    db.exerciseEntry.findMany({ where, orderBy: { sentAt: "desc" }, skip: (page - 1) * ENTRIES_PAGE_SIZE, take: ENTRIES_PAGE_SIZE, select: ENTRY_SELECT }),
    db.exerciseEntry.findMany({ where, orderBy: { sentAt: "desc" }, take: CHART_ENTRIES, select: ENTRY_SELECT }),
    db.homeworkAssignment.findUniqueOrThrow({ where: { id: assignment.id }, select: { id: true, title: true, form: { select: { id: true, version: true, definition: true } } } }),
    ladderStepsOf(db, assignment.engagement.id),
  ]);
  const open = opener();
  const entries = rows.map((row) => {
    const { form, answers } = open(row);
    return {
      id: row.id,
      occurrenceId: row.occurrenceId,
      dueOn: dbToLocalDate(row.occurrence.dueOn),
      sentAt: row.sentAt!,
      formVersion: row.form.version,
      answers,
      figures: figuresOf(form, answers),
      skillRating: row.skillRating,
      hasReply: row.occurrence.completion?.feedbackAt != null,
    };
  });
  const chartEntries = chartRows.reverse().map((row) => ({ row, ...open(row) }));
  const seriesByKey = new Map<string, TSeries>();
  const currentForm = header.form ? openDefinition(header.form) : null;
  for (const source of [currentForm, ...chartEntries.map((entry) => entry.form)]) {
    if (source) for (const series of numericSeries(source)) if (!seriesByKey.has(series.key)) seriesByKey.set(series.key, series);
  }
  const charts = [...seriesByKey.values()].map((series) => ({
    ...series,
    points: chartEntries
      .map((entry) => ({ date: dbToLocalDate(entry.row.occurrence.dueOn), value: figuresOf(entry.form, entry.answers)[series.key] ?? null }))
      .filter((point): point is { date: string; value: number } => point.value !== null),
  }));
  const versions = new Map(rows.map((row) => [row.form.id, { version: row.form.version, form: open(row).form }]));
  if (header.form && currentForm) versions.set(header.form.id, { version: header.form.version, form: currentForm });
  return {
    assignment: openAssignmentText({ engagementId: assignment.engagement.id, assignmentId: header.id }, { id: header.id, title: header.title }),
    columns: columnsOf([...versions.values()]),
    entries,
    page,
    pageCount: Math.max(1, Math.ceil(total / ENTRIES_PAGE_SIZE)),
    total,
    charts: charts.filter((chart) => chart.points.length > 0),
    ladder: Object.fromEntries(ladder.map((step) => [step.id, step.text])),
  };
}

export type TEntriesPage = Awaited<ReturnType<typeof entriesOf>>;

/**
 * The pre-session brief's exercise lines: per assignment, the entries sent
 * in (since, until], in one line each ("Thought record: 3 done; belief fell
 * from 80 to 45 on average"), newest exercise first.
 */
export async function exerciseBrief(db: TDb, engagementId: string, since: Date, until: Date) {
  const rows = await db.exerciseEntry.findMany({
    where: { engagementId, sentAt: { gt: since, lte: until } },
    orderBy: { sentAt: "desc" },
    take: 200,
    select: { ...ENTRY_SELECT, assignment: { select: { id: true, title: true } } },
  });
  const open = opener();
  const byAssignment = new Map<string, { id: string; title: string; entries: ReturnType<ReturnType<typeof opener>>[] }>();
  for (const row of rows) {
    const group = byAssignment.get(row.assignment.id) ?? {
      id: row.assignment.id,
      title: openAssignmentText({ engagementId, assignmentId: row.assignment.id }, { title: row.assignment.title }).title,
      entries: [],
    };
    group.entries.push(open(row));
    byAssignment.set(row.assignment.id, group);
  }
  return [...byAssignment.values()].map((group) => ({ assignmentId: group.id, count: group.entries.length, line: briefLine(group.title, group.entries) }));
}
