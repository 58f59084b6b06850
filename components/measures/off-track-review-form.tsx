"use client";

import { useMutation } from "@tanstack/react-query";
import { OFF_TRACK_CHECKLIST, OFF_TRACK_NOTE_MAX } from "@/lib/measures/off-track";
import type { TMeasureKind } from "@/lib/measures/instruments";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";
import { TextAreaField } from "@/components/ui/field";
import { useFormSubmit } from "@/components/ui/use-form-submit";

/**
 * The checklist to think an off-track warning through, in Alliance's words
 * (lib/measures/off-track.ts): the items ticked and a short note are saved
 * sealed and audited, for the therapist only. Loaded on demand.
 */
export function OffTrackReviewForm({ engagementId, kind, onSaved }: { engagementId: string; kind: TMeasureKind; onSaved: () => void }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.measure.saveOffTrackReview.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/measure").then((schemas) => schemas.ZOffTrackReviewSchema),
    toInput: (data) => ({ engagementId, kind, items: data.getAll("items"), note: data.get("note") ?? "" }),
    mutate: (input) => save.mutateAsync(input),
    onSuccess: () => onSaved(),
  });
  const itemsErrorId = `${engagementId}-${kind}-items-error`;
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-3" aria-label="Think it through">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <fieldset
        className="flex flex-col gap-1"
        aria-invalid={errors.fieldErrors.items?.length ? true : undefined}
        aria-describedby={errors.fieldErrors.items?.length ? itemsErrorId : undefined}
      >
        <legend className="font-medium">What have you thought through?</legend>
        {OFF_TRACK_CHECKLIST.map((item) => (
          <label key={item.key} className="flex min-h-11 cursor-pointer items-center gap-2">
            <input type="checkbox" name="items" value={item.key} />
            {item.label}
          </label>
        ))}
        {errors.fieldErrors.items?.length ? (
          <p id={itemsErrorId} className="text-sm font-medium text-danger">
            {errors.fieldErrors.items[0]}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="A short note (only you see it)"
        name="note"
        maxLength={OFF_TRACK_NOTE_MAX}
        errors={errors.fieldErrors.note}
      />
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save what I thought through
      </SubmitButton>
    </Form>
  );
}
