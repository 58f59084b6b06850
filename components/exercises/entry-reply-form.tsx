"use client";

// The therapist's reply on an entry's page: the homework reply form, and the
// server-drawn page drawn again once the reply is kept.
import { useRouter } from "next/navigation";
import { ReplyForm } from "@/components/homework/reply-form";

export function EntryReplyForm(props: { occurrenceId: string; assignmentId: string; initial: string | null }) {
  const router = useRouter();
  return <ReplyForm {...props} onReplied={() => router.refresh()} />;
}
