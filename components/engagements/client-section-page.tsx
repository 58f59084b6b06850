import Link from "next/link";
import type { ReactNode } from "react";
import type { RouterOutputs } from "@/lib/trpc/types";

/** A part of a client's page on its own page: back to the client, whose it is, and whether it can still change. */
export function ClientSectionPage({
  engagement,
  title,
  children,
}: {
  engagement: RouterOutputs["engagement"]["byId"];
  title: string;
  children: ReactNode;
}) {
  return (
    <>
      <Link href={`/clients/${engagement.id}`} className="text-brand-strong underline">
        ← {engagement.counterpart.name}
      </Link>
      <h1 className="text-2xl font-semibold">
        {title} <span className="font-normal text-ink-muted">· {engagement.counterpart.name}</span>
      </h1>
      {engagement.status === "ended" ? (
        <p className="rounded-lg bg-notice-soft px-4 py-3">This work together has ended. Its records are read-only.</p>
      ) : null}
      {children}
    </>
  );
}
