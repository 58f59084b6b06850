"use client";

import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-4">
          <h1 className="text-2xl font-semibold">Alliance is having trouble</h1>
          <p>Please try again in a minute. If it keeps happening, let your practice know.</p>
          <button type="button" onClick={reset} className="self-start rounded-lg bg-brand px-4 py-2 text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
