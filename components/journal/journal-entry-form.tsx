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
  const create = useMutation(
    trpc.journal.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.journal.mine.queryKey() }) }),
  );
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/journal").then((schemas) => schemas.ZCreateJournalEntrySchema),
    onStart: () => setSaved(undefined),
    mutate: (input) => create.mutateAsync(input),
    onSuccess: (_entry, input, form) => {
      const mood = input.mood;
      setSaved({ isShared: Boolean(input.shareWithEngagementId), isLow: typeof mood === "number" && mood <= LOW_MOOD });
      form.reset();
      setEntryCount((count) => count + 1);
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
    </Form>
  );
}
