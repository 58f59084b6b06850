"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-4">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-ink-muted">
        This page didn&apos;t load properly. Nothing you&apos;d written has been lost. Please try again in a moment.
      </p>
      <Button onClick={reset} className="self-start">
        Try again
      </Button>
    </main>
  );
}
