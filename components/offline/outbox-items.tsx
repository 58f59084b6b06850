"use client";

// What a form kept on this device (lib/offline/outbox.ts), shown in place
// until it is sent: "Saved on this phone…", then "Sent". Something the server
// refused stays, with the words ready to copy, until the person removes it.
import { useEffect, useState } from "react";
import { listenToOutbox, listOutbox, removeFromOutbox, type TOutboxItem, type TOutboxKind } from "@/lib/offline/outbox";
import { Button } from "@/components/ui/button";
import { useOutboxUser } from "./outbox-provider";

const WAITING = "Saved on this phone. It will send when you're online.";

export function OutboxItems({ kind, context = "" }: { kind: TOutboxKind; context?: string }) {
  const userId = useOutboxUser();
  const [items, setItems] = useState<TOutboxItem[]>([]);
  /** Delivered while this page was open: shown as "Sent" until the page is left. */
  const [sent, setSent] = useState<TOutboxItem[]>([]);

  useEffect(() => {
    if (!userId) return;
    let isCurrent = true;
    /** Every item this page has shown, so "sent" finds its words whichever arrives first, the event or the re-read. */
    const seen = new Map<string, TOutboxItem>();
    const read = () =>
      listOutbox(userId)
        .then((all) => {
          if (!isCurrent) return;
          const shown = all.filter((item) => item.kind === kind && item.context === context);
          for (const item of shown) seen.set(item.id, item);
          setItems(shown);
        })
        .catch(() => undefined); // No IndexedDB here (a private window in some browsers): nothing was kept.
    void read();
    const stop = listenToOutbox((event) => {
      if (event.type === "sent") {
        const item = seen.get(event.id);
        if (item) setSent((before) => (before.some((done) => done.id === item.id) ? before : [...before, item]));
      }
      void read();
    });
    return () => {
      isCurrent = false;
      stop();
    };
  }, [userId, kind, context]);

  if (items.length === 0 && sent.length === 0) return null;
  return (
    <ul aria-label="Kept on this phone" className="flex flex-col gap-2">
      {items.filter((item) => !sent.some((done) => done.id === item.id)).map((item) => (
        <li key={item.id} className="flex flex-col gap-2 rounded-lg border border-line bg-notice-soft px-4 py-3">
          {item.state === "conflict" ? <Refused item={item} /> : <Waiting item={item} />}
        </li>
      ))}
      {sent.map((item) => (
        <li key={item.id} className="flex flex-col gap-1 rounded-lg border border-brand/30 bg-brand-soft px-4 py-3 text-brand-strong">
          <p className="whitespace-pre-wrap">{item.text}</p>
          <p role="status" className="font-medium">
            Sent.
          </p>
        </li>
      ))}
    </ul>
  );
}

function Waiting({ item }: { item: TOutboxItem }) {
  return (
    <>
      <p className="whitespace-pre-wrap">{item.text}</p>
      <p role="status" className="font-medium">
        {item.state === "sending" ? "Sending…" : WAITING}
      </p>
    </>
  );
}

function Refused({ item }: { item: TOutboxItem }) {
  const [isCopied, setIsCopied] = useState(false);
  const id = `outbox-${item.id}`;
  return (
    <>
      <p role="alert" className="font-medium">
        This couldn&apos;t be sent: {item.error} Your words are below so you can copy them.
      </p>
      <label htmlFor={id} className="sr-only">
        Your words
      </label>
      <textarea id={id} readOnly value={item.text} rows={3} className="w-full rounded-lg border border-line bg-surface px-3 py-2" />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() =>
            void navigator.clipboard.writeText(item.text).then(
              () => setIsCopied(true),
              () => undefined,
            )
          }
        >
          {isCopied ? "Copied" : "Copy"}
        </Button>
        <Button variant="quiet" onClick={() => void removeFromOutbox(item.id)}>
          Remove from this phone
        </Button>
      </div>
    </>
  );
}
