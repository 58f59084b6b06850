import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { flushPageAudit, serverCaller } from "@/server/api/rsc";
import { orNotFound } from "@/server/api/load";
import { Card, EmptyState } from "@/components/ui/card";
import { EntriesTable } from "@/components/exercises/entries-table";
import { EntryCharts } from "@/components/exercises/entry-charts";

export const metadata: Metadata = { title: "Entries and charts" };

/** ?page=N, a whole number from 1; anything else is the first page. */
function pageFrom(value: string | string[] | undefined): number {
  const page = typeof value === "string" && /^\d{1,5}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(page, 1), 10_000);
}

export default async function EntriesPage({ params, searchParams }: PageProps<"/homework/[assignmentId]/entries">) {
  const [{ assignmentId }, query] = await Promise.all([params, searchParams]);
  const page = pageFrom(query.page);
  const base = `/homework/${encodeURIComponent(assignmentId)}/entries`;
  const user = await requireUser({ returnTo: page > 1 ? `${base}?page=${page}` : base });
  const data = await orNotFound(serverCaller().then((caller) => caller.exercise.entries({ assignmentId, page })));
  await flushPageAudit();
  // Only an exercise has entries to read back.
  if (data.columns.length === 0 && data.total === 0) notFound();
  const isClient = user.role === "client";
  const pageHref = (to: number) => (to <= 1 ? base : `${base}?page=${to}`);

  return (
    <>
      <Link href={`/homework/${assignmentId}`} className="text-brand-strong underline">
        ← {data.assignment.title}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{data.assignment.title}: all entries</h1>
        <p className="text-ink-muted">
          {isClient
            ? "Everything you've sent for this exercise, newest first, and how the numbers moved across entries."
            : "Every entry sent for this exercise, newest first, and how the numbers moved across entries."}
        </p>
      </div>
      {data.total === 0 ? (
        <EmptyState>
          {isClient
            ? "Nothing sent yet. Each one you send will appear here, and any numbers in it are drawn as charts."
            : "Nothing sent yet. Entries appear here once they're sent; anything still being written stays private until then."}
        </EmptyState>
      ) : (
        <>
          <Card title={`Entries (${data.total})`}>
            {data.entries.length === 0 ? (
              <EmptyState>
                There are no entries on this page.{" "}
                <Link href={base} className="text-brand-strong underline">
                  Go to the newest
                </Link>
              </EmptyState>
            ) : (
              <EntriesTable data={data} assignmentId={assignmentId} />
            )}
            {data.pageCount > 1 ? (
              <nav aria-label="Pages of entries" className="mt-3 flex flex-wrap items-center gap-4">
                {page > 1 ? (
                  <Link href={pageHref(page - 1)} className="inline-flex min-h-11 items-center text-brand-strong underline">
                    Newer
                  </Link>
                ) : null}
                <span className="text-sm text-ink-muted">
                  Page {Math.min(page, data.pageCount)} of {data.pageCount}
                </span>
                {page < data.pageCount ? (
                  <Link href={pageHref(page + 1)} className="inline-flex min-h-11 items-center text-brand-strong underline">
                    Older
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </Card>
          <Card title="Over time">
            {data.charts.length === 0 ? (
              <EmptyState>This exercise has no numbers to draw yet.</EmptyState>
            ) : (
              <EntryCharts fields={data.columns} charts={data.charts} />
            )}
          </Card>
        </>
      )}
    </>
  );
}
