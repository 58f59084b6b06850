"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function StopMeasureButton({ measureId, name }: { measureId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const stop = useMutation(trpc.measure.stop.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <ConfirmAction
      variant="quiet"
      label={`Stop ${name}`}
      title={`Stop asking for the ${name}?`}
      description="Answers already given are kept. You can ask again at any time."
      confirmLabel="Yes, stop it"
      mutation={stop}
      input={{ measureId }}
    />
  );
}
