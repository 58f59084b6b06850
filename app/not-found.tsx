import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-4">
      <h1 className="text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="text-ink-muted">It may have moved, or the link may be incomplete.</p>
      <Link href="/" className="font-medium text-brand-strong underline">
        Go to your home page
      </Link>
    </main>
  );
}
