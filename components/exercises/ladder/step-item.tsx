"use client";

// One step of the ladder as both people see it, with "Change" and "Remove"
// while the work together is active. How practising it has gone is drawn on
// the server and passed in as children.
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EditStepForm } from "./step-form";

type TStep = { id: string; text: string; expectedAnxiety: number };

export function LadderStepItem({ step, canEdit, children }: { step: TStep; canEdit: boolean; children: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isEditing, setIsEditing] = useState(false);
  const remove = useMutation(trpc.exercise.removeStep.mutationOptions({ onSuccess: () => router.refresh() }));
  if (isEditing) return <EditStepForm step={step} onDone={() => setIsEditing(false)} />;
  return (
    <div className="flex flex-col gap-1">
      <p className="font-medium">{step.text}</p>
      <p className="text-sm text-ink-muted">Expected anxiety: {step.expectedAnxiety} out of 100</p>
      {children}
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="quiet" className="px-0" aria-label={`Change “${step.text}”`} onClick={() => setIsEditing(true)}>
            Change
          </Button>
          <ConfirmAction
            variant="quiet"
            label="Remove"
            title={`Remove “${step.text}” from the ladder?`}
            description="Any exercises that named this step are kept. They'll show it as a step no longer on the ladder."
            confirmLabel="Yes, remove it"
            mutation={remove}
            input={{ stepId: step.id }}
          />
        </div>
      ) : null}
    </div>
  );
}
