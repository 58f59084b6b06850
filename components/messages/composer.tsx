"use client";

// The box to write a message in, within the conversation's rules
// (server/messages/messages.ts writingFor): anything (`start`), an answer to
// the therapist's latest message (`reply`, the client of a reply-only
// conversation), or nothing, with the reason (ended, off, paused). The server
// enforces the same rules; this only says them before anyone types.
//
// A draft carries one idempotency key (crypto.randomUUID), so a double tap or
// a retry sends it once; a new key comes with the next draft. Offline, the
// message is kept on this device and sent with that key when the connection
// returns (components/offline/).
import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { MAX_MESSAGE_CHARS, TOO_LONG_MESSAGE } from "@/lib/constants/message";
import { dateTimeFormat } from "@/lib/format";
import { formErrorsFromServer, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { CONTROL } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { LazyMemoField } from "@/components/voice/lazy-memo-field";
import { OutboxItems } from "@/components/offline/outbox-items";
import { useOutbox } from "@/components/offline/use-outbox";
import { isUnreached } from "@/lib/offline/errors";

const NO_ERRORS: TFormErrors = { fieldErrors: {} };
const COUNT_FORMAT = new Intl.NumberFormat("en-GB");

export type TComposerProps = {
  engagementId: string;
  /** What the server says this person may write now. */
  writing: { may: "start" | "reply" | "none"; reason: string | null };
  /** The therapist's latest message: what a reply-only client answers. */
  replyTo: { id: string; createdAt: Date } | null;
  therapistName: string;
  /** A client may say it instead (a voice memo); absent for a therapist. */
  maxMemoSeconds?: number;
  timeZone: string;
  /** Refetches the conversation once a message is sent. */
  onSent: () => Promise<void>;
};

function shortDate(at: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone }).format(at);
}

export function Composer({ engagementId, writing, replyTo, therapistName, maxMemoSeconds, timeZone, onSent }: TComposerProps) {
  const trpc = useTRPC();
  const id = useId();
  const [text, setText] = useState("");
  const [voiceMemoId, setVoiceMemoId] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<TFormErrors>(NO_ERRORS);
  /** A fresh memo field after each message sent. */
  const [sentCount, setSentCount] = useState(0);
  const outbox = useOutbox("message", engagementId);
  // "always": offline, fail at once so the message goes to the outbox, rather than wait unseen in memory.
  const send = useMutation(trpc.message.send.mutationOptions({ networkMode: "always" }));
  /** Kept on this device, also when writing has since closed: a refusal's words stay to copy. */
  const kept = <OutboxItems kind="message" context={engagementId} />;

  if (writing.may === "none") return kept;
  if (writing.may === "reply" && !replyTo) {
    return (
      <>
        {kept}
        <p className="rounded-lg bg-canvas px-4 py-3 text-ink-muted">When {therapistName} writes, you can reply here.</p>
      </>
    );
  }

  const length = text.trim().length;
  const isTooLong = length > MAX_MESSAGE_CHARS;
  const textErrors = isTooLong ? [TOO_LONG_MESSAGE] : errors.fieldErrors.text;

  async function onSubmit() {
    if (isTooLong) return;
    if (length === 0 && !voiceMemoId) return setErrors({ fieldErrors: { text: ["Write a few words first."] } });
    setErrors(NO_ERRORS);
    const input = {
      engagementId,
      text,
      idempotencyKey,
      replyToId: writing.may === "reply" ? replyTo?.id : undefined,
      voiceMemoId: voiceMemoId ?? undefined,
    };
    let isKept = false;
    try {
      await send.mutateAsync(input);
    } catch (error) {
      isKept = Boolean(outbox.keep && isUnreached(error) && (await outbox.keep("message.send", input, text || "Voice memo").then(() => true, () => false)));
      if (!isKept) return setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
    setText("");
    setVoiceMemoId(null);
    setIdempotencyKey(crypto.randomUUID());
    setSentCount((count) => count + 1);
    if (!isKept) await onSent();
  }

  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Write a message">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {writing.may === "reply" && replyTo ? (
        <p className="text-sm text-ink-muted">
          Replying to {therapistName}&apos;s message of{" "}
          <time dateTime={new Date(replyTo.createdAt).toISOString()}>{shortDate(new Date(replyTo.createdAt), timeZone)}</time>
        </p>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <label htmlFor={id} className="font-medium">
          {writing.may === "reply" ? "Your reply" : "Your message"}
        </label>
        <textarea
          id={id}
          name="text"
          rows={4}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (errors.fieldErrors.text) setErrors(NO_ERRORS);
          }}
          aria-invalid={textErrors?.length ? true : undefined}
          aria-describedby={textErrors?.length ? `${countId} ${errorId}` : countId}
          className={`${CONTROL} min-h-28`}
        />
        <p id={countId} className={`self-end text-sm ${isTooLong ? "font-medium text-danger" : "text-ink-muted"}`}>
          {COUNT_FORMAT.format(length)} / {COUNT_FORMAT.format(MAX_MESSAGE_CHARS)}
          <span className="sr-only"> characters</span>
        </p>
        {textErrors?.length ? (
          <p id={errorId} className="text-sm font-medium text-danger">
            {textErrors[0]}
          </p>
        ) : null}
      </div>
      {maxMemoSeconds ? (
        <LazyMemoField
          key={sentCount}
          maxSeconds={maxMemoSeconds}
          openLabel="Record a voice memo instead"
          whoHears={`${therapistName} can hear it, like the rest of this conversation.`}
          idPrefix="message-memo"
          onChange={setVoiceMemoId}
        />
      ) : null}
      {errors.fieldErrors.voiceMemoId ? <p className="text-sm font-medium text-danger">{errors.fieldErrors.voiceMemoId[0]}</p> : null}
      {errors.fieldErrors.replyToId ? <p className="text-sm font-medium text-danger">{errors.fieldErrors.replyToId[0]}</p> : null}
      <SubmitButton pendingLabel="Sending…" className="self-start" disabled={isTooLong}>
        Send
      </SubmitButton>
      {kept}
    </Form>
  );
}
