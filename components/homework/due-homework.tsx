"use client";

import Link from "next/link";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/card";

/** The client's homework for now: what's due today, and anything still open. No streaks, no guilt. */
export function DueHomework() {
  const trpc = useTRPC();
  const { data: due } = useSuspenseQuery(trpc.homework.due.queryOptions());
  if (due.length === 0) {
    return <EmptyState>Nothing to do right now. Anything your therapist suggests trying will appear here.</EmptyState>;
  }
  return (
    <ul className="flex flex-col gap-2" aria-label="Homework to do">
      {due.map((item) => (
        <li key={item.id}>
          <Link
            href={item.assignment.isExercise ? `/homework/${item.assignment.id}/entries/${item.id}` : `/homework/${item.assignment.id}`}
            className="flex flex-col gap-0.5 rounded-lg border border-line px-3 py-2 hover:border-brand">
            <span className="font-medium">{item.assignment.title}</span>
            <span className="text-sm text-ink-muted">
              {item.isOverdue
                ? `Still open from ${formatDate(new Date(`${item.dueOn}T12:00:00Z`), "UTC")}. You can still record it.`
                : "For today"}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
