"use client";

// One line on the client's Today: a change of therapist waiting for their
// answer, or, after they said yes, who has their records now.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

export function HandoverNotice() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.handover.notices.queryOptions());
  if (!data) return null;
  const [waiting] = data.waiting;
  const [recent] = data.recent;
  if (waiting) {
    return (
      <p className="rounded-lg bg-notice-soft px-4 py-3">
        {waiting.from} has proposed that {waiting.to} carries on your work with you.{" "}
        <Link href={`/handovers/${waiting.id}`} className="font-medium text-brand-strong underline">
          Read it and decide
        </Link>
      </p>
    );
  }
  if (recent) {
    return (
      <p className="rounded-lg bg-brand-soft px-4 py-3" role="status">
        Your records are now with <strong>{recent.to}</strong>. {recent.from}&apos;s private notes stayed with {recent.from} unless they told you otherwise.
      </p>
    );
  }
  return null;
}
