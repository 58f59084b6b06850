// Sends what the outbox (lib/offline/outbox.ts) keeps, once the page is online.
// Browser-only.
//
// INVARIANTS
// - One person's items go oldest first, one at a time; a failure to reach the
//   server stops the run, so nothing overtakes an earlier item.
// - Only an answer from the server removes an item: taken (deleted, "sent"),
//   or refused (kept, marked "conflict" with the reason). Not reaching it, a
//   server error or being signed out leaves the item waiting.
// - One tab sends at a time (a Web Lock); the idempotency key makes a second
//   send harmless anyway.
import type { TRPCClient } from "@trpc/client";
import type { AppRouter } from "@/lib/trpc/types";
import { isRefusal, refusalReason } from "./errors";
import { announce, listOutbox, removeFromOutbox, updateOutboxItem, type TOutboxProcedure } from "./outbox";

type TClient = TRPCClient<AppRouter>;
// Each input was checked by the same schema before it was kept (or is checked by the server now).
type TAnyInput = never;

const SEND: Record<TOutboxProcedure, (client: TClient, input: TAnyInput) => Promise<unknown>> = {
  "journal.create": (client, input) => client.journal.create.mutate(input),
  "session.addAgendaItem": (client, input) => client.session.addAgendaItem.mutate(input),
  "voiceMemo.reflectInJournal": (client, input) => client.voiceMemo.reflectInJournal.mutate(input),
  "voiceMemo.reflectOnAgenda": (client, input) => client.voiceMemo.reflectOnAgenda.mutate(input),
  "message.send": (client, input) => client.message.send.mutate(input),
  "exercise.send": (client, input) => client.exercise.send.mutate(input),
  "measure.submit": (client, input) => client.measure.submit.mutate(input),
};

/** Sends the person's waiting items; true when nothing is left waiting. */
async function sendAll(userId: string, client: TClient, onSent: () => void): Promise<boolean> {
  for (;;) {
    // Read afresh each time: another form may have added one, or the person removed one.
    const next = (await listOutbox(userId)).find((item) => item.state !== "conflict");
    if (!next) return true;
    await updateOutboxItem(next.id, { state: "sending" });
    try {
      await SEND[next.procedure](client, next.input as TAnyInput);
    } catch (error) {
      if (isRefusal(error)) {
        await updateOutboxItem(next.id, { state: "conflict", error: refusalReason(error) });
        continue;
      }
      await updateOutboxItem(next.id, { state: "waiting" });
      return false;
    }
    await removeFromOutbox(next.id);
    announce({ type: "sent", id: next.id });
    onSent();
  }
}

/** One tab at a time; a tab finding the lock taken leaves the sending to the tab holding it. */
export async function sendOutbox(userId: string, client: TClient, onSent: () => void): Promise<boolean> {
  if (!navigator.onLine) return false;
  if (!("locks" in navigator)) return sendAll(userId, client, onSent);
  return navigator.locks.request("alliance-outbox", { ifAvailable: true }, (lock) => (lock ? sendAll(userId, client, onSent) : true));
}
