"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formErrorsFromServer, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useGoalRefresh } from "./use-goal-refresh";

type TStep = { id: string; text: string; isDone: boolean; doneBy: string | null };

/** The staircase: small steps either of you can add, tick, move or remove. */
export function GoalSteps({
  goalId,
  version,
  steps,
  canEdit,
}: {
  goalId: string;
  version: number;
  steps: TStep[];
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useGoalRefresh(goalId);
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const onError = (error: unknown) => setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
  const options = { onSuccess: () => setErrors({ fieldErrors: {} }), onError, onSettled: refresh };
  // Ticking shows at once; a refused tick is undone by the refetch that follows.
  const setDone = useMutation(
    trpc.goal.setStepDone.mutationOptions({
      ...options,
      onMutate: async ({ stepId, isDone }) => {
        const queryKey = trpc.goal.byId.queryKey({ goalId });
        await queryClient.cancelQueries({ queryKey });
        queryClient.setQueryData(queryKey, (goal) =>
          goal ? { ...goal, steps: goal.steps.map((step) => (step.id === stepId ? { ...step, isDone } : step)) } : goal,
        );
      },
    }),
  );
  const remove = useMutation(trpc.goal.removeStep.mutationOptions(options));
  const reorder = useMutation(trpc.goal.reorderSteps.mutationOptions(options));
  const add = useMutation(trpc.goal.addStep.mutationOptions(options));

  function move(index: number, offset: -1 | 1) {
    const order = steps.map((step) => step.id);
    [order[index], order[index + offset]] = [order[index + offset], order[index]];
    reorder.mutate({ goalId, version, stepIds: order });
  }

  async function onAdd(data: FormData, form: HTMLFormElement) {
    const text = String(data.get("text") ?? "").trim();
    if (!text) return setErrors({ fieldErrors: { text: ["Write the step in a few words."] } });
    await add.mutateAsync({ goalId, text }).then(() => form.reset(), onError);
  }

  return (
    <div className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {steps.length === 0 ? <EmptyState>No steps yet. Small, concrete steps make a goal easier to start.</EmptyState> : null}
      <ol className="flex flex-col gap-2" aria-label="Steps">
        {steps.map((step, index) => (
          <li key={step.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-line px-3 py-2">
            <label className="flex min-h-11 flex-1 basis-full cursor-pointer items-center gap-3 sm:basis-auto">
              <input
                type="checkbox"
                className="size-5 accent-brand"
                checked={step.isDone}
                disabled={!canEdit}
                onChange={(event) => setDone.mutate({ goalId, stepId: step.id, isDone: event.target.checked })}
              />
              <span className="flex flex-col">
                <span className={step.isDone ? "text-ink-muted line-through" : ""}>{step.text}</span>
                {step.isDone && step.doneBy ? <span className="text-sm text-ink-muted">done by {step.doneBy}</span> : null}
              </span>
            </label>
            {canEdit ? (
              <span className="ml-auto flex gap-1">
                <Button variant="quiet" aria-label={`Move "${step.text}" up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  ↑
                </Button>
                <Button
                  variant="quiet"
                  aria-label={`Move "${step.text}" down`}
                  disabled={index === steps.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </Button>
                <Button
                  variant="quiet"
                  aria-label={`Remove "${step.text}"`}
                  onClick={() => remove.mutate({ goalId, stepId: step.id })}
                >
                  Remove
                </Button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <Form onSubmit={onAdd} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <TextField label="Add a step" name="text" maxLength={500} errors={errors.fieldErrors.text} />
          </div>
          <SubmitButton variant="secondary">Add step</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
