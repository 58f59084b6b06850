"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AGENDA_KINDS, AGENDA_KIND_LABELS, CONVERSATION_STARTERS } from "@/lib/constants/session";
import { formErrorsFromServer, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { CrisisResources } from "@/components/feedback/crisis-resources";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { LazyMemoField } from "@/components/voice/lazy-memo-field";
import { OutboxItems } from "@/components/offline/outbox-items";
import { useOutbox } from "@/components/offline/use-outbox";
import { isUnreached } from "@/lib/offline/errors";

type TKind = (typeof AGENDA_KINDS)[number];

/** Add an item in your own words, or start from one of the conversation starters and edit it. */
export function AddAgendaItem({
  sessionId,
  showStarters,
  crisisText,
  maxMemoSeconds,
}: {
  sessionId: string;
  showStarters: boolean;
  crisisText: string;
  /** A client may say it instead: a voice memo with the item. */
  maxMemoSeconds?: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [kind, setKind] = useState<TKind>("topic");
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [hasRaisedStruggle, setHasRaisedStruggle] = useState(false);
  const [voiceMemoId, setVoiceMemoId] = useState<string | null>(null);
  /** A fresh memo field after each item added. */
  const [itemCount, setItemCount] = useState(0);
  const outbox = useOutbox("agenda", sessionId);
  const add = useMutation(
    trpc.session.addAgendaItem.mutationOptions({
      // "always": offline, fail at once so the item goes to the outbox, rather than wait unseen in memory.
      networkMode: "always",
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.session.byId.queryKey({ sessionId }) }),
    }),
  );

  async function onSubmit() {
    if (!text.trim() && !voiceMemoId) return setErrors({ fieldErrors: { text: ["Write a few words."] } });
    setErrors({ fieldErrors: {} });
    const input = { sessionId, text, kind, idempotencyKey, voiceMemoId: voiceMemoId ?? undefined };
    try {
      await add.mutateAsync(input);
    } catch (error) {
      // Offline: kept on this device and sent when the connection returns; the item shows below meanwhile.
      const isKept = outbox.keep && isUnreached(error) && (await outbox.keep("session.addAgendaItem", input, text || "Voice memo").then(() => true, () => false));
      if (!isKept) return setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
    if (kind === "struggling" && showStarters) setHasRaisedStruggle(true);
    setText("");
    setKind("topic");
    setIdempotencyKey(crypto.randomUUID());
    setVoiceMemoId(null);
    setItemCount((count) => count + 1);
  }

  return (
    <div className="flex flex-col gap-3">
      {hasRaisedStruggle ? <CrisisResources text={crisisText} hasPlanLink /> : null}
      {showStarters ? (
        <div className="flex flex-col gap-2">
          <p className="font-medium">Not sure how to put it? Start from one of these:</p>
          <div className="flex flex-wrap gap-2">
            {CONVERSATION_STARTERS.map((starter) => (
              <button
                key={starter.text}
                type="button"
                onClick={() => {
                  setText(starter.text);
                  setKind(starter.kind);
                }}
                className="min-h-11 rounded-lg border border-line bg-surface px-3 py-2 text-left hover:border-brand"
              >
                {starter.text}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <Form onSubmit={onSubmit} className="flex flex-col gap-3">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        <TextAreaField
          label="Add to the agenda"
          name="text"
          rows={2}
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={2000}
          errors={errors.fieldErrors.text}
        />
        {maxMemoSeconds ? (
          <LazyMemoField
            key={itemCount}
            maxSeconds={maxMemoSeconds}
            openLabel="Say it instead (voice memo)"
            whoHears="Your therapist can hear it, like the agenda itself."
            idPrefix="agenda-memo"
            onChange={setVoiceMemoId}
          />
        ) : null}
        {errors.fieldErrors.voiceMemoId ? <span className="text-sm font-medium text-danger">{errors.fieldErrors.voiceMemoId[0]}</span> : null}
        <SelectField
          label="What kind of item?"
          name="kind"
          options={AGENDA_KINDS}
          labels={AGENDA_KIND_LABELS}
          value={kind}
          onChange={(event) => setKind(event.target.value as TKind)}
        />
        <SubmitButton pendingLabel="Adding…" className="self-start">
          Add to agenda
        </SubmitButton>
      </Form>
      <OutboxItems kind="agenda" context={sessionId} />
    </div>
  );
}
