// The practice's outcomes as two tables (server/practices/outcomes.ts): a row
// per clinician and one for the practice. Rendered on the server; a hidden
// figure reads "fewer than 5", never a number.
import type { ReactNode } from "react";
import type { TOutcomeCell as TCell, TOutcomeReport, TOutcomeRow } from "@/lib/trpc/types";
import { INSTRUMENTS, type TMeasureKind } from "@/lib/measures/instruments";
import { Card } from "@/components/ui/card";

const KINDS = Object.keys(INSTRUMENTS) as TMeasureKind[];

function Figure({ cell, minCell, format }: { cell: TCell; minCell: number; format: (value: number) => string }) {
  if (!cell.isShown) return <span className="text-ink-muted">fewer than {minCell}</span>;
  return <>{format(cell.value)}</>;
}

const count = (value: number) => value.toLocaleString("en-GB");
const share = (value: number) => `${Math.round(value * 100)}%`;
const points = (value: number) => (value === 0 ? "no change" : `${value > 0 ? "+" : "−"}${Math.abs(Math.round(value * 10) / 10)} points`);
const score = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

function rowName(row: TOutcomeRow): ReactNode {
  if (!row.clinician) return <strong>The whole practice</strong>;
  return (
    <>
      {row.clinician.name}
      {row.clinician.hasLeft ? <span className="text-ink-muted"> (has left)</span> : null}
    </>
  );
}

function Table({ caption, headings, rows }: { caption: string; headings: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            {headings.map((heading) => (
              <th key={heading} scope="col" className="px-2 py-2 font-medium text-ink-muted">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-line last:border-b-0">
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="px-2 py-2 font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className="px-2 py-2 tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OutcomeTables({ report }: { report: TOutcomeReport }) {
  const all = [...report.rows, report.practice];
  const keyOf = (row: TOutcomeRow) => row.clinician?.id ?? "practice";
  const fig = (cell: TCell, format: (value: number) => string) => <Figure cell={cell} minCell={report.minCell} format={format} />;
  return (
    <>
      {KINDS.map((kind) => (
        <Card key={kind} title={`${INSTRUMENTS[kind].name}: first answer to latest`}>
          <p className="mb-3 text-sm text-ink-muted">
            Clients with two or more {INSTRUMENTS[kind].name} answers. A fall is an improvement; a change of {INSTRUMENTS[kind].reliableChange}{" "}
            points or more either way is a reliable one, not noise.
          </p>
          <Table
            caption={`${INSTRUMENTS[kind].name} change per clinician and for the practice`}
            headings={["Clinician", "Clients", "Median change", "Reliably better", "Reliably worse"]}
            rows={all.map((row) => ({
              key: keyOf(row),
              cells: [
                rowName(row),
                fig(row.measures[kind].clients, count),
                fig(row.measures[kind].medianChange, points),
                fig(row.measures[kind].reliablyImproved, share),
                fig(row.measures[kind].reliablyDeteriorated, share),
              ],
            }))}
          />
        </Card>
      ))}
      <Card title="Homework and session feedback">
        <p className="mb-3 text-sm text-ink-muted">
          Homework: of the days homework was due up to today, the share done or partly done. Feedback: the mean answer, 0 to 10, to each
          question clients answer after a session.
        </p>
        <Table
          caption="Questionnaires answered, homework done and session feedback per clinician and for the practice"
          headings={["Clinician", "Clients who answered a questionnaire", "Clients with homework", "Homework done", "Clients who gave feedback", "Felt heard", "Worked on what they wanted", "Approach fit", "Overall"]}
          rows={all.map((row) => ({
            key: keyOf(row),
            cells: [
              rowName(row),
              fig(row.clientsWithMeasures, count),
              fig(row.homework.clients, count),
              fig(row.homework.doneShare, share),
              fig(row.feedback.clients, count),
              fig(row.feedback.feltHeard, score),
              fig(row.feedback.workedOnWanted, score),
              fig(row.feedback.approachFit, score),
              fig(row.feedback.overall, score),
            ],
          }))}
        />
      </Card>
    </>
  );
}
