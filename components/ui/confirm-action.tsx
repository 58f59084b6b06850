"use client";

import type { ComponentProps } from "react";
import { ConfirmButton } from "./confirm-button";

/**
 * Asks first, then runs one mutation with `input`: the shape of every "are
 * you sure?" in Alliance. What to refresh afterwards belongs in the
 * mutation's own `onSuccess`, which the dialog waits for; a failure is shown
 * in the dialog.
 */
export function ConfirmAction<TInput>({
  mutation,
  input,
  ...button
}: Omit<ComponentProps<typeof ConfirmButton>, "onConfirm"> & {
  mutation: { mutateAsync: (input: TInput) => Promise<unknown> };
  input: TInput;
}) {
  return (
    <ConfirmButton
      {...button}
      onConfirm={async () => {
        await mutation.mutateAsync(input);
      }}
    />
  );
}
