"use client";

// One conversation between sessions (issue 25), for either person: oldest at
// the top, newest at the bottom, older pages on request ("Show earlier
// messages", by the server's cursor), and the box to write in at the foot.
//
// Live: the conversation's topic (app/api/live/conversations/<id>) says only
// "something changed"; the rules and the messages are then re-read. While
// the page is open and visible, whatever the other person sent is marked
// read (message.markRead), which also clears this conversation from the
// bell and moves the other person's "Seen".
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useMutation, useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@/lib/trpc/types";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate, useShowMore } from "@/components/trpc/use-invalidate";
import { LiveStatus } from "@/components/live/live-status";
import { useLiveTopic } from "@/components/live/use-live-topic";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { EmptyState } from "@/components/ui/card";
import { Composer } from "./composer";
import { MessageItem, type TMessageView } from "./message-item";

const nextPage = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

/**
 * Marks the conversation read now, and again whenever `newestFromOther`
 * changes, once the page is visible. When that cleared notifications, this
 * page's bell is re-read: on a page just opened, the bell's live stream may
 * not yet have been listening when the server said so.
 */
function useMarkRead(engagementId: string, newestFromOther: string | null) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const markRead = useMutation(
    trpc.message.markRead.mutationOptions({
      onSuccess: ({ cleared }) => {
        if (cleared > 0) void invalidate(trpc.notifications.pathKey());
      },
    }),
  );
  const { mutate } = markRead;
  useEffect(() => {
    const mark = () => mutate({ engagementId });
    if (document.visibilityState === "visible") {
      mark();
      return;
    }
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", onVisible);
      mark();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [engagementId, newestFromOther, mutate]);
}

/** Says "New message from …" to screen readers when the other person's newest message changes while the page is open. */
function useArrivalNotice(newest: TMessageView | undefined): string {
  const [firstSeen] = useState(newest?.id ?? null);
  if (!newest || newest.isMine || newest.id === firstSeen) return "";
  return `New message from ${newest.authorName}`;
}

type TConversationFrame = RouterOutputs["message"]["conversation"];

export function Conversation({
  engagementId,
  viewerRole,
  timeZone,
  maxMemoSeconds,
}: {
  engagementId: string;
  viewerRole: "therapist" | "client";
  timeZone: string;
  /** A client may send a voice memo; absent for a therapist. */
  maxMemoSeconds?: number;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  // The engagement's header (prefetched with the page) says whether the work goes on: ending it closes the box live.
  const { data: engagement } = useSuspenseQuery(trpc.engagement.byId.queryOptions({ engagementId }));
  const { data: conversation } = useSuspenseQuery(trpc.message.conversation.queryOptions({ engagementId }));
  const list = useSuspenseInfiniteQuery(trpc.message.list.infiniteQueryOptions({ engagementId }, { getNextPageParam: nextPage }));
  const earlier = useShowMore(trpc.message.list.infiniteQueryKey({ engagementId }), list);
  const status = engagement.status;
  const refresh = () =>
    invalidate(
      trpc.message.conversation.queryKey({ engagementId }),
      trpc.message.list.infiniteQueryKey({ engagementId }),
      trpc.engagement.byId.queryKey({ engagementId }),
    );
  const { status: liveStatus } = useLiveTopic(`/api/live/conversations/${engagementId}`, () => void refresh());

  // The server pages newest first; people read oldest first.
  const newestFirst = list.data.pages.flatMap((page) => page.items);
  const messages = [...newestFirst].reverse();
  const newestFromOther = newestFirst.find((message) => !message.isMine) ?? null;
  useMarkRead(engagementId, newestFromOther?.id ?? null);
  const arrival = useArrivalNotice(newestFromOther ?? undefined);

  // "Seen" goes under the latest of my messages the other person has read up to.
  const otherReadAt = conversation.otherReadAt ? new Date(conversation.otherReadAt).getTime() : null;
  const seenId =
    otherReadAt === null
      ? null
      : (newestFirst.find((message) => message.isMine && !message.isWithdrawn && new Date(message.createdAt).getTime() <= otherReadAt)?.id ?? null);

  const isActive = status === "active";
  const endRef = useRef<HTMLDivElement>(null);
  // On opening, the newest message and the box are what matter: bring them into view, once
  // (a later render, e.g. older messages loaded above, must not pull the reader back down).
  const hasScrolled = useRef(false);
  const count = messages.length;
  useEffect(() => {
    if (hasScrolled.current) return;
    hasScrolled.current = true;
    if (count > 3) endRef.current?.scrollIntoView({ block: "end" });
  }, [count]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3">
        <LoadMoreButton hasMore={list.hasNextPage} isLoading={earlier.isLoading} onClick={earlier.showMore}>
          Show earlier messages
        </LoadMoreButton>
        {messages.length === 0 ? (
          <EmptyState>No messages yet.</EmptyState>
        ) : (
          <ol aria-label="Messages, oldest first" className="flex flex-col gap-3">
            {messages.map((message) => (
              <li key={message.id}>
                <MessageItem message={message} canAct={isActive} isSeen={message.id === seenId} timeZone={timeZone} onChanged={refresh} />
              </li>
            ))}
          </ol>
        )}
        <p className="sr-only" aria-live="polite">
          {arrival}
        </p>
      </div>
      <div ref={endRef} className="flex flex-col gap-3 border-t border-line pt-4">
        {viewerRole === "therapist" && status === "active" ? <TherapistRules conversation={conversation} engagementId={engagementId} /> : null}
        {viewerRole === "client" && conversation.replyTime && conversation.writing.may !== "none" ? (
          <p className="rounded-lg bg-canvas px-4 py-3">
            <span className="font-medium">About replies:</span> {conversation.counterpartName} says “{conversation.replyTime}”
          </p>
        ) : null}
        {conversation.writing.may === "none" ? (
          <WhyNotWriting conversation={conversation} viewerRole={viewerRole} status={status} engagementId={engagementId} />
        ) : (
          <Composer
            engagementId={engagementId}
            writing={conversation.writing}
            replyTo={conversation.latestTherapistMessage}
            therapistName={conversation.counterpartName}
            maxMemoSeconds={maxMemoSeconds}
            timeZone={timeZone}
            onSent={refresh}
          />
        )}
        <LiveStatus status={liveStatus} />
      </div>
    </div>
  );
}

/** What the therapist's client may do here, and their own pause, said above the therapist's box. */
function TherapistRules({ conversation, engagementId }: { conversation: TConversationFrame; engagementId: string }) {
  if (conversation.mode === "off") return null;
  const name = conversation.counterpartName;
  return (
    <p className="text-sm text-ink-muted">
      {conversation.mode === "reply_only" ? `${name} can reply to your messages only.` : `${name} can write any time.`}{" "}
      {conversation.pauseNotice !== null ? (
        <>
          You&apos;ve paused messages, so {name} sees your notice instead of the box (
          <Link href="/account" className="text-brand-strong underline">
            your account
          </Link>
          ).{" "}
        </>
      ) : null}
      <Link href={`/clients/${engagementId}/messages`} className="text-brand-strong underline">
        Message settings
      </Link>
    </p>
  );
}

/** The box's place when nobody may write now: the reason, in the words that fit who is reading. */
function WhyNotWriting({
  conversation,
  viewerRole,
  status,
  engagementId,
}: {
  conversation: TConversationFrame;
  viewerRole: "therapist" | "client";
  status: "invited" | "active" | "ended";
  engagementId: string;
}) {
  const name = conversation.counterpartName;
  if (status === "invited") {
    return <p className="rounded-lg bg-notice-soft px-4 py-3">Once {name} accepts the invitation, you can turn messages on from their page.</p>;
  }
  if (status === "active" && viewerRole === "client" && conversation.pauseNotice !== null) {
    return (
      <div role="status" className="rounded-lg border border-line bg-notice-soft px-4 py-3">
        <p className="font-medium">{name} has paused messages for now.</p>
        <p className="mt-1 whitespace-pre-wrap">“{conversation.pauseNotice}”</p>
      </div>
    );
  }
  if (status === "active" && viewerRole === "therapist" && conversation.mode === "off") {
    return (
      <p className="rounded-lg bg-notice-soft px-4 py-3">
        Messages are off for {name}.{" "}
        <Link href={`/clients/${engagementId}/messages`} className="text-brand-strong underline">
          Turn them on from {name}&apos;s page
        </Link>
        .
      </p>
    );
  }
  return <p className="rounded-lg bg-notice-soft px-4 py-3">{conversation.writing.reason}</p>;
}
