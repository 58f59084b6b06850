"use client";

// One message as either person sees it: who wrote it and when, its words (or
// "Message withdrawn"), its voice memo, and what can be done with it now:
// the author may withdraw it while the server says so (withdrawableUntil),
// and either person may bring it to the next session's agenda.
import Link from "next/link";
import { useEffect, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { MESSAGE_WITHDRAW_MINUTES } from "@/lib/constants/message";
import { formatShortDateTime } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc/types";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { VoiceMemoPlayer } from "@/components/voice/voice-memo-player";

export type TMessageView = RouterOutputs["message"]["list"]["items"][number];

/**
 * True until `until` passes: the server decided it could be withdrawn when
 * it answered; this hides the button at the end of the window without a
 * reload (the server refuses afterwards in any case).
 */
function useStillBefore(until: Date | null): boolean {
  const [passed, setPassed] = useState<number | null>(null);
  const untilMs = until ? new Date(until).getTime() : null;
  useEffect(() => {
    if (untilMs === null) return;
    const timer = setTimeout(() => setPassed(untilMs), Math.max(0, untilMs - Date.now()));
    return () => clearTimeout(timer);
  }, [untilMs]);
  return untilMs !== null && passed !== untilMs;
}

export function MessageItem({
  message,
  canAct,
  isSeen,
  timeZone,
  onChanged,
}: {
  message: TMessageView;
  /** The work is still going on: agenda and withdrawing are possible. */
  canAct: boolean;
  /** My latest message that the other person has read up to. */
  isSeen: boolean;
  timeZone: string;
  onChanged: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const canWithdraw = useStillBefore(message.withdrawableUntil) && canAct;
  const withdraw = useMutation(trpc.message.withdraw.mutationOptions({ onSuccess: onChanged }));
  const toAgenda = useMutation(trpc.message.toAgenda.mutationOptions({ onSuccess: onChanged }));
  const createdAt = new Date(message.createdAt);
  const who = message.isMine ? "You" : message.authorName;

  return (
    <article
      aria-label={`${who}, ${formatShortDateTime(createdAt, timeZone)}`}
      className={`flex flex-col gap-2 rounded-xl border px-4 py-3 ${
        message.isMine ? "ml-6 border-brand/30 bg-brand-soft sm:ml-16" : "mr-6 border-line bg-surface sm:mr-16"
      }`}
    >
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold">{who}</span>
        <time dateTime={createdAt.toISOString()} className="text-ink-muted">
          {formatShortDateTime(createdAt, timeZone)}
        </time>
      </header>
      {message.isWithdrawn ? (
        <p className="italic text-ink-muted">Message withdrawn</p>
      ) : (
        <>
          {message.text ? <p className="whitespace-pre-wrap break-words">{message.text}</p> : null}
          {message.voiceMemos.map((memo) => (
            <VoiceMemoPlayer key={memo.id} memo={memo} timeZone={timeZone} />
          ))}
        </>
      )}
      {toAgenda.isError ? <Alert tone="error">{toAgenda.error.message}</Alert> : null}
      {message.isWithdrawn ? null : (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {message.agendaSessionId ? (
            <Link href={`/sessions/${message.agendaSessionId}`} className="inline-flex min-h-11 items-center text-brand-strong underline">
              On the agenda
            </Link>
          ) : canAct ? (
            <Button variant="quiet" disabled={toAgenda.isPending} onClick={() => toAgenda.mutate({ messageId: message.id })}>
              {toAgenda.isPending ? "Adding…" : "Add to next session's agenda"}
            </Button>
          ) : null}
          {canWithdraw ? (
            <ConfirmAction
              variant="quiet"
              label="Withdraw"
              title="Withdraw this message?"
              description={`Its words go for both of you, and “Message withdrawn” shows in their place. You can do this for ${MESSAGE_WITHDRAW_MINUTES} minutes after sending.`}
              confirmLabel="Yes, withdraw it"
              mutation={withdraw}
              input={{ messageId: message.id }}
            />
          ) : null}
        </div>
      )}
      {isSeen ? <p className="self-end text-sm text-ink-muted">Seen</p> : null}
    </article>
  );
}
