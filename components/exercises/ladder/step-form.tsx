"use client";

// Adding a step to the ladder, or changing one: the situation in a few words
// and the anxiety it is expected to bring (0–100). Saving refreshes the page,
// which is drawn on the server (the list, its order and the charts), so the
// step moves to its place by expected anxiety.
import { useEffect, useId, useRef, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import type { TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { CONTROL, TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

type TStep = { id: string; text: string; expectedAnxiety: number };

/** The form's two fields; an empty number is left out, so the schema says what it wants rather than reading 0. */
function fieldsOf(data: FormData) {
  const anxiety = String(data.get("expectedAnxiety") ?? "").trim();
  return { text: data.get("text"), expectedAnxiety: anxiety === "" ? undefined : anxiety };
}

function StepFields({ errors, step }: { errors: TFormErrors; step?: TStep }) {
  return (
    <>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextField
        label="The situation"
        hint="In a few words, e.g. “Ordering a coffee at a busy café”."
        name="text"
        maxLength={300}
        defaultValue={step?.text}
        errors={errors.fieldErrors.text}
      />
      <TextField
        label="How anxious do you expect to feel? (0–100)"
        hint="0 is calm, 100 is the most anxious you can imagine. A guess is fine."
        name="expectedAnxiety"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        className={`${CONTROL} max-w-28`}
        defaultValue={step?.expectedAnxiety}
        errors={errors.fieldErrors.expectedAnxiety}
      />
    </>
  );
}

export function AddStepForm({ engagementId }: { engagementId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const headingId = useId();
  const add = useMutation(trpc.exercise.addStep.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/exercise").then((schemas) => schemas.ZAddLadderStepSchema),
    toInput: (data) => ({ engagementId, ...fieldsOf(data) }),
    mutate: (input) => add.mutateAsync(input),
    onSuccess: (_, __, form) => {
      form.reset();
      // Ready for the next step at once.
      form.querySelector<HTMLInputElement>("input[name=text]")?.focus();
      startRefresh(() => router.refresh());
    },
  });
  return (
    <Form onSubmit={onSubmit} isPending={isRefreshing} className="flex flex-col gap-3" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold">
        Add a step
      </h3>
      <StepFields errors={errors} />
      <SubmitButton className="self-start" pendingLabel="Adding…">
        Add step
      </SubmitButton>
    </Form>
  );
}

export function EditStepForm({ step, onDone }: { step: TStep; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const update = useMutation(trpc.exercise.updateStep.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/exercise").then((schemas) => schemas.ZUpdateLadderStepSchema),
    toInput: (data) => ({ stepId: step.id, ...fieldsOf(data) }),
    mutate: (input) => update.mutateAsync(input),
    // The form closes when the page shows the step in its new place.
    onSuccess: () =>
      startRefresh(() => {
        router.refresh();
        onDone();
      }),
  });
  // Opened from "Change": the situation's field takes the focus.
  const fields = useRef<HTMLDivElement>(null);
  useEffect(() => fields.current?.querySelector<HTMLInputElement>("input[name=text]")?.focus(), []);
  return (
    <Form onSubmit={onSubmit} isPending={isRefreshing} aria-label={`Change “${step.text}”`}>
      <div ref={fields} className="flex flex-col gap-3">
        <StepFields errors={errors} step={step} />
        <FormActions submitLabel="Save step" onCancel={onDone} />
      </div>
    </Form>
  );
}
