import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { requireUser } from "@/server/auth/session";
import { serverCaller } from "@/server/api/rsc";
import { Card, EmptyState } from "@/components/ui/card";
import { OutcomeTables } from "@/components/practice/outcome-tables";

export const metadata: Metadata = { title: "The practice's outcomes" };

/** Owners and admins: de-identified figures, drawn on the server (no script of its own). */
export default async function PracticeOutcomesPage() {
  await requireUser({ role: "therapist", returnTo: "/practice/outcomes" });
  const report = await serverCaller()
    .then((caller) => caller.outcomes.report())
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
      throw error;
    });
  return (
    <div className="flex flex-col gap-4">
      <Link href="/practice" className="text-brand-strong underline">
        ← Practice
      </Link>
      <h1 className="text-2xl font-semibold">{report ? `Outcomes at ${report.practiceName}` : "The practice's outcomes"}</h1>
      {report ? (
        <>
          <p className="text-ink-muted">
            How clients of the practice are doing, without anyone&apos;s name or words: counts, medians and shares only. A figure that
            rests on fewer than {report.minCell} clients is not shown (“fewer than {report.minCell}”), and where that would let the
            practice&apos;s total give it away, one more is held back too.
          </p>
          <OutcomeTables report={report} />
        </>
      ) : (
        <Card>
          <EmptyState>Only the practice&apos;s owner or an admin can see its outcomes.</EmptyState>
        </Card>
      )}
    </div>
  );
}
