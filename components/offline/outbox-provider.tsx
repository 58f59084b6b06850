"use client";

// Whose outbox this page shows and sends (lib/offline/outbox.ts), and the
// sending itself: on opening any signed-in page, when the connection returns,
// when a form keeps something, and every half minute while something waits
// (a server that was down comes back without an "online" event).
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPCClient } from "@/components/trpc/provider";
import { OUTBOX_CHANNEL, OUTBOX_DB_NAME } from "@/lib/offline/names";

const RETRY_MS = 30_000;

const OutboxUser = createContext<string | null>(null);

/** The signed-in person's id, for the outbox; null outside a signed-in page. */
export function useOutboxUser(): string | null {
  return useContext(OutboxUser);
}

/** True when this device may keep something: the outbox's code is only fetched then. */
async function mayKeepAnything(): Promise<boolean> {
  if (typeof indexedDB === "undefined") return false;
  if (!("databases" in indexedDB)) return true;
  const databases = await indexedDB.databases();
  return databases.some((database) => database.name === OUTBOX_DB_NAME);
}

export function OutboxProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    let isRunning = false;
    /** Something changed during a run: look again after it. */
    let isAgain = false;
    let isStopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    async function run() {
      clearTimeout(retry);
      if (isRunning) {
        isAgain = true;
        return;
      }
      if (isStopped || !navigator.onLine || !(await mayKeepAnything())) return;
      isRunning = true;
      try {
        const { sendOutbox } = await import("@/lib/offline/sender");
        const isDone = await sendOutbox(userId, client, () => void queryClient.invalidateQueries());
        if (!isDone && !isStopped) retry = setTimeout(() => void run(), RETRY_MS);
      } catch {
        // The sender's code couldn't load (the connection dropped again): the next "online" tries again.
      } finally {
        isRunning = false;
      }
      if (isAgain) {
        isAgain = false;
        void run();
      }
    }
    const onOnline = () => void run();
    const channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.onmessage = (message: MessageEvent<{ type: string }>) => {
      // Not "changed": the sender's own updates would start it again and again while the server is down.
      if (message.data.type === "kept") void run();
    };
    window.addEventListener("online", onOnline);
    void run();
    return () => {
      isStopped = true;
      clearTimeout(retry);
      channel.close();
      window.removeEventListener("online", onOnline);
    };
  }, [userId, client, queryClient]);

  return <OutboxUser value={userId}>{children}</OutboxUser>;
}
