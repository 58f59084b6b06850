import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Nothing was saved" };

/**
 * Where /api/form-fallback sends a form that was submitted without
 * JavaScript. Knows nothing about what was sent: it was never read.
 */
export default function JavaScriptNeededPage() {
  return (
    <Card>
      <h1 className="mb-2 text-2xl font-semibold">Nothing was saved</h1>
      <p className="mb-4">
        Alliance needs JavaScript turned on to save anything. It looks like it&apos;s off in this browser, or the page
        hadn&apos;t finished loading yet. What you sent wasn&apos;t saved or kept anywhere.
      </p>
      <h2 className="mb-2 font-semibold">To turn JavaScript on</h2>
      <ol className="mb-4 flex list-decimal flex-col gap-1 pl-6">
        <li>Open your browser&apos;s settings and search for “JavaScript”.</li>
        <li>Allow it for this site.</li>
        <li>
          Use your browser&apos;s Back button to return to the page and reload it. Your browser may have kept what you
          typed; if not, please write it again.
        </li>
      </ol>
      <Link href="/" className="font-medium text-brand-strong underline">
        Go to your home page
      </Link>
    </Card>
  );
}
