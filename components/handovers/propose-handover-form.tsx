"use client";

// Proposing that a colleague carries on a client's work (issue 29): who, a
// word to the client, and (for the clinician themselves) whether their
// private notes go too. Nothing moves until the client agrees.
import { useId, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { FieldShell, CONTROL, TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { MAX_HANDOVER_MESSAGE_CHARS } from "@/lib/constants/handover";

type TColleague = { id: string; name: string };

export function ProposeHandoverForm({
  engagementId,
  clientName,
  colleagues,
  mayHandOverNotes,
  onProposed,
}: {
  engagementId: string;
  clientName: string;
  colleagues: TColleague[];
  /** Only the clinician who wrote the private notes may hand them over; an admin never can. */
  mayHandOverNotes: boolean;
  onProposed?: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const headingId = useId();
  const propose = useMutation(trpc.handover.propose.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/handover").then((schemas) => schemas.ZProposeHandoverSchema),
    toInput: (data) => ({
      engagementId,
      toTherapistId: data.get("toTherapistId") ?? "",
      message: data.get("message") ?? "",
      includePrivateNotes: data.get("includePrivateNotes") === "on",
    }),
    mutate: (input) => propose.mutateAsync(input),
    onSuccess: () => {
      onProposed?.();
      startRefresh(() => router.refresh());
    },
  });
  if (colleagues.length === 0) {
    return <p className="text-ink-muted">There is nobody else in your practice who works with clients yet.</p>;
  }
  return (
    <Form onSubmit={onSubmit} isPending={isRefreshing} className="flex flex-col gap-4" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold">
        Propose a colleague for {clientName}
      </h2>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <FieldShell label="Who would carry on the work" errors={errors.fieldErrors.toTherapistId}>
        {(control) => (
          <select {...control} name="toTherapistId" className={CONTROL} defaultValue="">
            <option value="" disabled>
              Choose a colleague
            </option>
            {colleagues.map((colleague) => (
              <option key={colleague.id} value={colleague.id}>
                {colleague.name}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <TextAreaField
        label="A word to the client (optional)"
        hint={`${clientName} reads this with the proposal. Say why, in plain words.`}
        name="message"
        maxLength={MAX_HANDOVER_MESSAGE_CHARS}
        errors={errors.fieldErrors.message}
      />
      {mayHandOverNotes ? (
        <FieldShell
          label="Private notes"
          hint="Your private session notes stay yours unless you choose this. The client is told either way; the handover is recorded in the audit trail."
          errors={errors.fieldErrors.includePrivateNotes}
        >
          {(control) => (
            <span className="flex items-center gap-2">
              <input {...control} type="checkbox" name="includePrivateNotes" className="size-5" />
              <span>Also hand over my private notes (private: only the new clinician would read them)</span>
            </span>
          )}
        </FieldShell>
      ) : (
        <p className="text-sm text-ink-muted">The previous clinician&apos;s private notes stay theirs: only they can hand them over.</p>
      )}
      <p className="text-sm text-ink-muted">
        {clientName} is asked first. Nothing moves unless they agree; until then you can withdraw the proposal.
      </p>
      <SubmitButton className="self-start" pendingLabel="Proposing…">
        Propose the handover
      </SubmitButton>
    </Form>
  );
}
