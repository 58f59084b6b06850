"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Moves an exercise on to its template's newest form; what was sent keeps the version it was sent with. */
export function MoveToNewestFormButton({ assignmentId, version, newestVersion }: { assignmentId: string; version: number; newestVersion: number }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const move = useMutation(
    trpc.homework.moveToNewestForm.mutationOptions({
      onSuccess: () => invalidate(trpc.homework.byId.queryKey({ assignmentId })),
    }),
  );
  return (
    <ConfirmAction
      variant="secondary"
      label={`Move to version ${newestVersion}`}
      title={`Move this homework to version ${newestVersion}?`}
      description={`Days still to be filled in will use version ${newestVersion} of the form. Entries already sent keep version ${version}, exactly as they were written, and so does an entry your client has already started.`}
      confirmLabel={`Yes, move to version ${newestVersion}`}
      mutation={move}
      input={{ assignmentId }}
    />
  );
}
