"use client";

// The therapist's "Messages" on a client's page: how many of the client's
// messages wait unread, the way into the conversation, and this client's
// rules in words. Read from the engagement's cached header, which carries
// the rules and the count (server/engagements/header.ts), so the panel adds
// no statement to the page; the form to change the rules loads when opened.
import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { unreadMessagesLabel } from "@/lib/constants/message";
import { useTRPC } from "@/components/trpc/provider";

const MessageSettingsForm = lazy(() => import("./message-settings-form").then((module) => ({ default: module.MessageSettingsForm })));

export function MessagesPanel({ engagementId }: { engagementId: string }) {
  const trpc = useTRPC();
  const { data: engagement } = useSuspenseQuery(trpc.engagement.byId.queryOptions({ engagementId }));
  const [isOpen, setIsOpen] = useState(false);
  const { messages } = engagement;
  const name = engagement.counterpart.name;
  const unread = unreadMessagesLabel(messages.unread);
  const rules =
    messages.mode === "off" ? "Messages are off." : messages.mode === "reply_only" ? `${name} replies to your messages only.` : `${name} can write any time.`;

  if (engagement.status === "invited") return <p className="text-ink-muted">Once {name} accepts, you can turn messages on here.</p>;
  return (
    <div className="flex flex-col gap-3">
      <p className="flex flex-wrap items-center gap-3">
        <Link href={`/messages/${engagementId}`} className="font-medium text-brand-strong underline">
          Open the conversation
        </Link>
        {unread ? <strong className="rounded-full bg-brand-soft px-3 py-0.5 font-medium text-brand-strong">{unread}</strong> : null}
      </p>
      {engagement.status === "ended" ? (
        <p className="text-ink-muted">The work has ended: the conversation stays readable and closed.</p>
      ) : (
        <>
          <p>
            {rules}
            {messages.mode !== "off" && messages.replyTime ? <span className="text-ink-muted"> Reply time: “{messages.replyTime}”</span> : null}
          </p>
          <details className="border-t border-line pt-2" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
            <summary className="cursor-pointer py-2 font-medium text-brand-strong">Change message settings</summary>
            <div className="mt-3">
              {isOpen ? (
                <Suspense fallback={<p className="text-ink-muted">Loading…</p>}>
                  <MessageSettingsForm engagementId={engagementId} clientName={name} current={messages} />
                </Suspense>
              ) : null}
            </div>
          </details>
        </>
      )}
    </div>
  );
}
