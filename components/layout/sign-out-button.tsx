"use client";

import { useId, useRef, useState } from "react";
import { signOut } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";

/** The things this person wrote that are still only on this device (lib/offline/outbox.ts); loaded when they sign out. */
async function unsentOnThisDevice(userId: string): Promise<number> {
  const { countWaiting } = await import("@/lib/offline/outbox");
  return countWaiting(userId).catch(() => 0);
}

/**
 * Disabled until the page is interactive: a tap before then would do nothing and leave the person signed in.
 * Signing out forgets this device (lib/offline/forget-device.ts), so when something written offline
 * hasn't been sent yet it asks first, in plain words.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const isHydrated = useIsHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [unsent, setUnsent] = useState(0);
  const [isOffline, setIsOffline] = useState(false);

  async function start() {
    // The server must hear it, or the session would still be there next time; nothing is removed meanwhile.
    setIsOffline(!navigator.onLine);
    if (!navigator.onLine) return dialog.current?.showModal();
    const count = await unsentOnThisDevice(userId);
    if (count === 0) return signOut({ callbackUrl: "/sign-in" });
    setUnsent(count);
    dialog.current?.showModal();
  }

  return (
    <>
      <Button variant="quiet" disabled={!isHydrated} onClick={() => void start()}>
        Sign out
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto max-w-md rounded-xl border border-line bg-surface p-5 shadow-lg backdrop:bg-black/40">
        {isOffline ? (
          <>
            <h2 id={titleId} className="mb-2 text-lg font-semibold">
              Signing out needs a connection
            </h2>
            <p className="mb-4">You&apos;re offline right now. Try again once you&apos;re back online; nothing has been removed.</p>
            <Button onClick={() => dialog.current?.close()}>OK</Button>
          </>
        ) : (
          <>
            <h2 id={titleId} className="mb-2 text-lg font-semibold">
              {unsent === 1 ? "Something you wrote hasn't been sent yet" : `${unsent} things you wrote haven't been sent yet`}
            </h2>
            <p className="mb-4">
              {unsent === 1
                ? "It's only on this phone. Signing out removes everything Alliance keeps here, so it would be lost. Stay signed in, and it sends by itself once you're back online."
                : "They're only on this phone. Signing out removes everything Alliance keeps here, so they would be lost. Stay signed in, and they send by themselves once you're back online."}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => dialog.current?.close()}>Stay signed in</Button>
              <Button variant="secondary" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
                Sign out and remove {unsent === 1 ? "it" : "them"}
              </Button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
