import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { flushPageAudit, serverCaller } from "@/server/api/rsc";
import { unreadMessagesLabel } from "@/lib/constants/message";
import { EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Messages" };

/**
 * The client's conversations (one per therapist whose messages are on, or
 * were): straight into the one there is, a list when there are several,
 * and a word on what this is when there are none yet. Drawn on the server:
 * names and counts only.
 */
export default async function MessagesPage() {
  await requireUser({ role: "client", returnTo: "/messages" });
  const conversations = await (await serverCaller()).message.mine();
  await flushPageAudit();
  if (conversations.length === 1) redirect(`/messages/${conversations[0]!.engagementId}`);
  return (
    <>
      <h1 className="text-2xl font-semibold">Messages</h1>
      {conversations.length === 0 ? (
        <EmptyState>When your therapist turns messages on, you can write to each other here between sessions.</EmptyState>
      ) : (
        <ul aria-label="Conversations" className="flex flex-col gap-3">
          {conversations.map((conversation) => {
            const unread = unreadMessagesLabel(conversation.unread);
            return (
              <li key={conversation.engagementId}>
                <Link
                  href={`/messages/${conversation.engagementId}`}
                  className="flex flex-wrap items-center gap-3 rounded-xl border border-line bg-surface px-4 py-3 hover:border-brand"
                >
                  <span className="font-medium">{conversation.therapistName}</span>
                  {unread ? <strong className="rounded-full bg-notice-soft px-2 font-medium">{unread}</strong> : null}
                  {conversation.isOpen ? null : <span className="text-ink-muted">Closed · you can still read it</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
