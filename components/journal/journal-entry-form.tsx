"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { CrisisResources } from "@/components/feedback/crisis-resources";
import { Alert } from "@/components/ui/alert";
import { TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { LazyMemoField } from "@/components/voice/lazy-memo-field";
import { OutboxItems } from "@/components/offline/outbox-items";
import { useOutbox } from "@/components/offline/use-outbox";

/** A low mood gently brings up where to find help now. */
const LOW_MOOD = 2;
const SELECT = "min-h-11 w-full rounded-lg border border-line bg-surface px-3";

export function JournalEntryForm({
  therapists,
  crisisText,
  maxMemoSeconds,
}: {
  therapists: { engagementId: string; name: string }[];
  crisisText: string;
  maxMemoSeconds: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<{ isShared: boolean; isLow: boolean }>();
  /** A new memo field after each saved entry. */
  const [entryCount, setEntryCount] = useState(0);
  /** One per entry: the same entry sent twice (a retry, the outbox) is kept once. */
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const outbox = useOutbox("journal");
  const create = useMutation(
    // "always": offline, fail at once so the entry goes to the outbox, rather than wait unseen in memory.
    trpc.journal.create.mutationOptions({ networkMode: "always", onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.journal.mine.queryKey() }) }),
  );
  function next(form: HTMLFormElement) {
    form.reset();
    setEntryCount((count) => count + 1);
    setIdempotencyKey(crypto.randomUUID());
  }
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/journal").then((schemas) => schemas.ZCreateJournalEntrySchema),
    onStart: () => setSaved(undefined),
    mutate: (input) => create.mutateAsync({ ...input, idempotencyKey }),
    onSuccess: (_entry, input, form) => {
      const mood = input.mood;
      setSaved({ isShared: Boolean(input.shareWithEngagementId), isLow: typeof mood === "number" && mood <= LOW_MOOD });
      next(form);
    },
    whenUnreached: async (input, form) => {
      if (!outbox.keep) throw new Error("Not signed in.");
      await outbox.keep("journal.create", { ...input, idempotencyKey }, input.body);
      next(form);
    },
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {saved ? <Alert tone="success">{saved.isShared ? "Saved and shared." : "Saved. Only you can see it."}</Alert> : null}
      {saved?.isLow ? <CrisisResources text={crisisText} hasPlanLink /> : null}
      <TextAreaField label="Write something" hint="Or say it: record a voice memo below." name="body" rows={4} maxLength={20000} errors={errors.fieldErrors.body} />
      <LazyMemoField key={entryCount} maxSeconds={maxMemoSeconds} whoHears="Like the words, the memo is private unless you share the entry." idPrefix="journal-memo" />
      {errors.fieldErrors.voiceMemoId ? <span className="text-sm font-medium text-danger">{errors.fieldErrors.voiceMemoId[0]}</span> : null}
      <label className="flex flex-col gap-1.5">
        <span className="font-medium">Mood right now (optional)</span>
        <select name="mood" className={SELECT} defaultValue="">
          <option value="">Rather not say</option>
          {Array.from({ length: 11 }, (_, value) => (
            <option key={value} value={value}>
              {value === 0 ? "0 (very low)" : value === 10 ? "10 (very good)" : value}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1.5">
        <span className="font-medium">Who can read it</span>
        <select name="shareWithEngagementId" className={SELECT} defaultValue="">
          <option value="">Private: only me</option>
          {therapists.map((therapist) => (
            <option key={therapist.engagementId} value={therapist.engagementId}>
              Share with {therapist.name}
            </option>
          ))}
        </select>
        {errors.fieldErrors.shareWithEngagementId ? (
          <span className="text-sm font-medium text-danger">{errors.fieldErrors.shareWithEngagementId[0]}</span>
        ) : null}
      </label>
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save entry
      </SubmitButton>
      <OutboxItems kind="journal" />
    </Form>
  );
}
