// What a person wrote while offline, kept on their device (IndexedDB) until
// it is sent (lib/offline/sender.ts). Browser-only.
//
// INVARIANTS
// - An item is removed only once the server has taken it (the sender) or the
//   person removes it themselves ("Remove from this phone"); a refusal keeps it,
//   marked "conflict" with the server's reason, so the words can be copied.
// - An item's id IS the idempotency key inside its input: sending it twice
//   (two tabs, a lost answer) is kept once on the server.
// - Items carry the id of the person who wrote them; only that person's page
//   sends or shows them (another person signed in on the same phone must not
//   send someone else's words under their own name).
// - Sign-out deletes the whole database (deleteOutbox), after warning with
//   countWaiting when something is still unsent.
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from "idb";
import { OUTBOX_CHANNEL as CHANNEL, OUTBOX_DB_NAME } from "./names";

export { OUTBOX_DB_NAME };
const STORE = "outbox";

/** Which form wrote it; with `context`, which page shows it. */
export type TOutboxKind = "journal" | "agenda" | "reflection" | "message" | "exercise" | "measure";

/** The procedure that sends it (lib/offline/sender.ts). */
export type TOutboxProcedure =
  | "journal.create"
  | "session.addAgendaItem"
  | "voiceMemo.reflectInJournal"
  | "voiceMemo.reflectOnAgenda"
  | "message.send"
  | "exercise.send"
  | "measure.submit";

export type TOutboxState = "waiting" | "sending" | "conflict";

export type TOutboxItem = {
  /** The idempotency key in `input` (or the exercise entry's occurrence: sending one is once per occurrence). */
  id: string;
  userId: string;
  kind: TOutboxKind;
  /** E.g. the session of an agenda item, the engagement of a message; "" when the kind has none. */
  context: string;
  procedure: TOutboxProcedure;
  /** Exactly what the form would have sent, idempotency key included. */
  input: Record<string, unknown>;
  /** The person's words, as shown while waiting and offered to copy after a refusal. */
  text: string;
  createdAt: number;
  state: TOutboxState;
  /** The server's reason, when refused. */
  error?: string;
};

type TOutboxSchema = DBSchema & {
  outbox: { key: string; value: TOutboxItem; indexes: { byUser: string } };
};

/** What other tabs and components hear: a form kept something, something else changed, or an item was delivered. */
export type TOutboxEvent = { type: "kept" } | { type: "changed" } | { type: "sent"; id: string };

let opening: Promise<IDBPDatabase<TOutboxSchema>> | undefined;

function db(): Promise<IDBPDatabase<TOutboxSchema>> {
  opening ??= openDB<TOutboxSchema>(OUTBOX_DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: "id" }).createIndex("byUser", "userId");
    },
    // Another tab deletes the database (sign-out): let it, and open afresh next time.
    blocking() {
      void opening?.then((open) => open.close());
      opening = undefined;
    },
  });
  return opening;
}

let sender: BroadcastChannel | undefined;

/**
 * Tells every listener, in this tab and the others: a BroadcastChannel
 * reaches every other instance of its name, same tab included. Kept open: a
 * channel closed straight after posting may drop what it posted.
 */
export function announce(event: TOutboxEvent): void {
  sender ??= new BroadcastChannel(CHANNEL);
  sender.postMessage(event);
}

export function listenToOutbox(listener: (event: TOutboxEvent) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (message: MessageEvent<TOutboxEvent>) => listener(message.data);
  return () => channel.close();
}

export async function keepInOutbox(item: Omit<TOutboxItem, "createdAt" | "state">): Promise<void> {
  await (await db()).put(STORE, { ...item, createdAt: Date.now(), state: "waiting" });
  announce({ type: "kept" });
}

/** One person's items, oldest first. */
export async function listOutbox(userId: string): Promise<TOutboxItem[]> {
  const items = await (await db()).getAllFromIndex(STORE, "byUser", userId);
  return items.sort((a, b) => a.createdAt - b.createdAt);
}

export async function updateOutboxItem(id: string, change: Pick<TOutboxItem, "state" | "error">): Promise<void> {
  const database = await db();
  const item = await database.get(STORE, id);
  if (item) await database.put(STORE, { ...item, ...change });
  announce({ type: "changed" });
}

export async function removeFromOutbox(id: string): Promise<void> {
  await (await db()).delete(STORE, id);
  announce({ type: "changed" });
}

/** For sign-out's warning: "N things you wrote haven't been sent yet" (refused ones included: their words are only here). */
export async function countWaiting(userId: string): Promise<number> {
  return (await listOutbox(userId)).length;
}

/** Sign-out: everything kept on this device goes. */
export async function deleteOutbox(): Promise<void> {
  const open = await opening?.catch(() => undefined);
  open?.close();
  opening = undefined;
  await deleteDB(OUTBOX_DB_NAME);
  announce({ type: "changed" });
}
