"use client";

import { useEffect } from "react";
import { SERVICE_WORKER_URL } from "@/lib/service-worker/offline-pages";
import type { TInstallPromptEvent } from "./install-hint";

/**
 * Registers the service worker (lib/service-worker/sw.ts) once the page has
 * loaded, so it never competes with the page itself. Every page, signed in or
 * not: it keeps only a client's own pages, and makes Alliance installable.
 * The browser's own install banner is held back: the client's Today offers it
 * once, in words (components/offline/install-hint.tsx).
 */
export function ServiceWorker() {
  useEffect(() => {
    const holdInstallPrompt = (event: Event) => {
      event.preventDefault();
      window.allianceInstallPrompt = event as TInstallPromptEvent;
      window.dispatchEvent(new Event("alliance:installable"));
    };
    window.addEventListener("beforeinstallprompt", holdInstallPrompt);
    const register = () => void navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" }).catch(() => undefined);
    if ("serviceWorker" in navigator && window.isSecureContext) {
      if (document.readyState === "complete") register();
      else window.addEventListener("load", register, { once: true });
    }
    return () => {
      window.removeEventListener("beforeinstallprompt", holdInstallPrompt);
      window.removeEventListener("load", register);
    };
  }, []);
  return null;
}
