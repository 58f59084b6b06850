import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { flushPageAudit, getQueryClient, trpc } from "@/server/api/rsc";
import { CLIENT_EXPORT_INTRO, ClientExportView } from "@/components/account/export-view";
import { PrintButton } from "@/components/account/print-button";

export const metadata: Metadata = { title: "Everything about you" };

/** The client's export as a page to read, print or save as PDF (the download holds the same, with the voice memos' recordings). */
export default async function ExportPage() {
  const user = await requireUser({ role: "client", returnTo: "/account/export" });
  const data = await getQueryClient().fetchQuery(trpc.dataExport.mine.queryOptions());
  await flushPageAudit();
  return (
    <>
      <Link href="/account" className="text-brand-strong underline print:hidden">
        ← Account
      </Link>
      <h1 className="text-2xl font-semibold">Everything Alliance holds about you</h1>
      <p className="text-ink-muted print:hidden">{CLIENT_EXPORT_INTRO}</p>
      <div className="flex flex-wrap gap-3 print:hidden">
        <PrintButton />
        <a href="/api/account/export" download className="inline-flex min-h-11 items-center text-brand-strong underline">
          Download everything (.zip: your record, a printable copy and your voice memos)
        </a>
      </div>
      <ClientExportView data={data} timeZone={user.timeZone} />
    </>
  );
}
