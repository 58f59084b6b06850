import { Button } from "./button";

/** The submit + cancel pair at the foot of an inline form. */
export function FormActions({
  submitLabel,
  pendingLabel = "Saving…",
  isPending,
  isDisabled = false,
  onCancel,
}: {
  submitLabel: string;
  pendingLabel?: string;
  isPending: boolean;
  isDisabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" disabled={isPending || isDisabled}>
        {isPending ? pendingLabel : submitLabel}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
