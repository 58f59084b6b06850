"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { TextAreaField } from "@/components/ui/field";
import { GoalWordingFields } from "./goal-wording-fields";

export function NewGoalForm({ engagementId, onDone }: { engagementId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.goal.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.goal.list.queryKey({ engagementId }) }),
    }),
  );

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/goal").then((schemas) => schemas.ZCreateGoalSchema),
    toInput: (data) => {
      const form = Object.fromEntries(data) as Record<string, string>;
      const steps = (form.steps ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      return { ...form, engagementId, steps };
    },
    mutate: (input) => create.mutateAsync(input),
    onSuccess: onDone,
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-xl border border-line p-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <GoalWordingFields errors={errors.fieldErrors} />
      <TextAreaField
        label="First steps (optional)"
        name="steps"
        rows={3}
        hint="One small step per line."
        errors={errors.fieldErrors.steps}
      />
      <FormActions submitLabel="Save goal" onCancel={onDone} />
    </Form>
  );
}
