"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** Set once the hint has been shown on this device: it never shows again (not private, so signing out keeps it). */
const SHOWN_KEY = "alliance:install-hint-shown";

/** Chrome's install prompt, held back by components/offline/service-worker.tsx until the person asks. */
export type TInstallPromptEvent = Event & { prompt: () => Promise<void> };

declare global {
  // Interfaces, to add to the DOM's own.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    allianceInstallPrompt?: TInstallPromptEvent;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Navigator {
    /** Safari on iOS: opened from the home screen. */
    standalone?: boolean;
  }
}

type THint = { kind: "prompt"; event: TInstallPromptEvent } | { kind: "ios" };

function isInstalled(): boolean {
  return window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
}

function isIos(): boolean {
  return /iPhone|iPad|iPod/.test(navigator.userAgent);
}

function wasShown(): boolean {
  try {
    return window.localStorage.getItem(SHOWN_KEY) !== null;
  } catch {
    return true; // Storage refused: we couldn't remember showing it, so don't show it at all.
  }
}

function rememberShown(): void {
  try {
    window.localStorage.setItem(SHOWN_KEY, "1");
  } catch {
    // As above.
  }
}

/**
 * "Add Alliance to your home screen", at the end of the client's Today: seen
 * once on this device and never again, whether the person takes it or not.
 * Where the browser offers installing (Chrome, Edge, Samsung Internet) the
 * button asks it; on an iPhone it says where Safari keeps it. Last on the
 * page, so appearing moves nothing.
 */
export function InstallHint() {
  const [hint, setHint] = useState<THint | null>(null);
  const box = useRef<HTMLElement>(null);

  useEffect(() => {
    if (isInstalled() || wasShown()) return;
    // The browser's offer may have come before this page, or come later.
    const offer = () => {
      if (window.allianceInstallPrompt) setHint({ kind: "prompt", event: window.allianceInstallPrompt });
      else if (isIos()) setHint({ kind: "ios" });
    };
    offer();
    window.addEventListener("alliance:installable", offer, { once: true });
    return () => window.removeEventListener("alliance:installable", offer);
  }, []);

  // Once it has been on screen, it has been shown: not on the next visit.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        rememberShown();
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hint]);

  if (!hint) return null;
  const close = () => {
    rememberShown();
    setHint(null);
  };
  return (
    <aside ref={box} aria-label="Add Alliance to your home screen" className="rounded-xl border border-line bg-surface p-4 print:hidden">
      <p className="mb-1 font-semibold">Add Alliance to your home screen</p>
      {hint.kind === "prompt" ? (
        <p className="mb-3 text-sm">It opens like an app, and the pages you&apos;ve visited stay readable without a connection.</p>
      ) : (
        <p className="mb-3 text-sm">
          In Safari, tap the Share button, then &ldquo;Add to Home Screen&rdquo;. It opens like an app, and the pages you&apos;ve
          visited stay readable without a connection.
        </p>
      )}
      <div className="flex gap-2">
        {hint.kind === "prompt" ? (
          <Button
            onClick={() => {
              void hint.event.prompt().catch(() => undefined);
              close();
            }}
          >
            Add to home screen
          </Button>
        ) : null}
        <Button variant="quiet" onClick={close}>
          {hint.kind === "prompt" ? "Not now" : "Got it"}
        </Button>
      </div>
    </aside>
  );
}
