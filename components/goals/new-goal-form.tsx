"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZCreateGoalSchema } from "@/lib/schemas/goal";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { FormActions } from "@/components/ui/form-actions";
import { TextAreaField } from "@/components/ui/field";
import { GoalWordingFields } from "./goal-wording-fields";

export function NewGoalForm({ engagementId, onDone }: { engagementId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const create = useMutation(
    trpc.goal.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.goal.list.queryKey({ engagementId }) }),
    }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const steps = (form.steps ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const parsed = ZCreateGoalSchema.safeParse({ ...form, engagementId, steps });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors({ fieldErrors: {} });
    try {
      await create.mutateAsync(parsed.data);
      onDone();
    } catch (error) {
      setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-xl border border-line p-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <GoalWordingFields errors={errors.fieldErrors} />
      <TextAreaField
        label="First steps (optional)"
        name="steps"
        rows={3}
        hint="One small step per line."
        errors={errors.fieldErrors.steps}
      />
      <FormActions submitLabel="Save goal" isPending={create.isPending} onCancel={onDone} />
    </form>
  );
}
