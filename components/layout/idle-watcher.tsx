"use client";

// Signs an unattended screen out, so a page left open (a therapist's caseload,
// a client's journal) stops showing records after the idle limit even though
// nothing asks the server in the meantime. The server enforces the same limit
// on its own (server/auth/session-limits.ts); this makes the screen follow.
//
// Invariants:
// - Activity is a key press, click, touch, wheel or scroll in any tab of this
//   browser (shared through localStorage: a timestamp, nothing clinical).
// - Activity reaches the server: the first activity after a quiet minute asks
//   the server (a heartbeat), which moves lastSeenAt if it is a minute old.
//   So the server's lastSeenAt is at most two minutes behind the last activity.
// - The screen signs out SERVER_SLACK_MS before the server could at the
//   earliest, and warns a minute before that: "Stay signed in" always reaches
//   a live session.
import { useEffect, useRef, useState } from "react";
import { signOut } from "@/components/auth/auth-client";
import { signInPath } from "@/lib/auth/signed-out";
import { useTRPCClient } from "@/components/trpc/provider";
import { claimLeaving } from "@/components/trpc/signed-out-link";
import { Button } from "@/components/ui/button";

const HEARTBEAT_INTERVAL_MS = 60_000;
/** Heartbeat interval plus the server's once-a-minute touch. */
const SERVER_SLACK_MS = 2 * 60_000;
const WARNING_MS = 60_000;
const CHECK_EVERY_MS = 5_000;
const SHARE_EVERY_MS = 5_000;
const STORAGE_KEY = "alliance:last-activity";
const ACTIVITY_EVENTS = ["keydown", "pointerdown", "touchstart", "wheel", "scroll"] as const;

function sharedLastActivity(): number {
  try {
    return Number(window.localStorage.getItem(STORAGE_KEY)) || 0;
  } catch {
    return 0; // Storage refused (private mode): this tab alone decides.
  }
}

function shareLastActivity(at: number): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, String(at));
  } catch {
    // As above.
  }
}

export function IdleWatcher({ idleMinutes }: { idleMinutes: number }) {
  const trpcClient = useTRPCClient();
  const [isWarning, setIsWarning] = useState(false);
  const markActiveRef = useRef<() => void>(() => {});

  useEffect(() => {
    const idleMs = idleMinutes * 60_000;
    const signOutAfterMs = Math.max(idleMs - SERVER_SLACK_MS, idleMs / 2);
    let lastActivity = Date.now();
    let lastShared = 0;
    let lastHeartbeat = Date.now();
    let isSigningOut = false;

    const heartbeat = () => {
      lastHeartbeat = Date.now();
      // An UNAUTHORIZED answer sends the person to sign-in (components/trpc/signed-out-link.ts).
      trpcClient.account.me.query().catch(() => {});
    };

    const markActive = () => {
      const now = Date.now();
      lastActivity = now;
      if (now - lastShared >= SHARE_EVERY_MS) {
        lastShared = now;
        shareLastActivity(now);
      }
      if (now - lastHeartbeat >= HEARTBEAT_INTERVAL_MS) heartbeat();
    };
    markActiveRef.current = markActive;

    const check = () => {
      if (isSigningOut) return;
      const quietFor = Date.now() - Math.max(lastActivity, sharedLastActivity());
      if (quietFor >= signOutAfterMs) {
        isSigningOut = true;
        // Other calls answering UNAUTHORIZED once the session has ended must not
        // send the person elsewhere without the reason (signed-out-link.ts).
        if (!claimLeaving()) return;
        const here = `${window.location.pathname}${window.location.search}`;
        // Ends the session row too (next-auth's signOut event), not only this screen.
        // A timeout drops nothing written offline and not yet sent: it sends after signing in again here.
        void signOut({ redirect: false, keepUnsent: true })
          .catch(() => {}) // Offline: the server ends the session on its own at the idle limit.
          .finally(() => window.location.assign(signInPath({ reason: "idle", next: here })));
        return;
      }
      setIsWarning(quietFor >= signOutAfterMs - WARNING_MS);
    };

    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, markActive, { capture: true, passive: true });
    // Timers sleep in background tabs and closed laptops: check as soon as the page is seen again.
    document.addEventListener("visibilitychange", check);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, markActive, { capture: true });
      document.removeEventListener("visibilitychange", check);
      window.clearInterval(timer);
    };
  }, [idleMinutes, trpcClient]);

  if (!isWarning) return null;
  return (
    <div
      role="alert"
      className="fixed inset-x-0 bottom-0 z-50 border-t border-line bg-surface px-4 py-3 shadow-lg"
    >
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3">
        <p>For your privacy, you will be signed out in a minute because nothing has happened here for a while.</p>
        <Button
          onClick={() => {
            markActiveRef.current();
            setIsWarning(false);
          }}
        >
          Stay signed in
        </Button>
      </div>
    </div>
  );
}
