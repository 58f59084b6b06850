import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { KeptPages } from "@/components/offline/kept-pages";
import { TryAgainButton } from "@/components/offline/try-again-button";

export const metadata: Metadata = { title: "You're offline", robots: { index: false } };

/**
 * What the service worker shows for a page it has not kept when there is no
 * connection (lib/service-worker/sw.ts). The same for everyone: precached when
 * the worker installs, so it reads no session and names no one.
 */
export default function OfflinePage() {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center gap-6 px-4 py-10">
      <p className="text-2xl font-semibold text-brand-strong">Alliance</p>
      <Card>
        <h1 className="mb-2 text-2xl font-semibold">You&apos;re offline</h1>
        <p className="mb-3">This page needs a connection, and this phone hasn&apos;t kept a copy of it.</p>
        <p className="mb-4 text-ink-muted">
          Anything you wrote on a page that was open is kept on this phone, and sends when you&apos;re back online.
        </p>
        <KeptPages />
        <TryAgainButton />
      </Card>
    </main>
  );
}
