"use client";

import { keepInOutbox, type TOutboxKind, type TOutboxProcedure } from "@/lib/offline/outbox";
import { useOutboxUser } from "./outbox-provider";

/**
 * A form's way into the outbox (lib/offline/outbox.ts): `keep` puts the exact
 * input it would have sent (its idempotency key included) on this device, to
 * be sent when the connection returns; <OutboxItems> shows it meanwhile.
 * `keep` is null outside a signed-in page.
 */
export function useOutbox(kind: TOutboxKind, context = "") {
  const userId = useOutboxUser();
  if (!userId) return { keep: null };
  return {
    /** `id`: the item's key, the input's idempotency key unless the procedure has its own (one exercise entry per occurrence). */
    keep: (procedure: TOutboxProcedure, input: Record<string, unknown>, text: string, id = String(input.idempotencyKey)) =>
      keepInOutbox({ id, userId, kind, context, procedure, input, text }),
  };
}
