"use client";

import { useEffect, useState } from "react";
import { PAGES_CACHE } from "@/lib/service-worker/offline-pages";

/** Names for the pages worth opening offline; other kept pages (a session, a homework) are reached from these. */
const NAMED_PAGES: { path: string; label: string }[] = [
  { path: "/between-sessions", label: "Today: your next session and what's for today" },
  { path: "/safety-plan", label: "My safety plan" },
  { path: "/journal", label: "Journal" },
  { path: "/goals", label: "Goals" },
  { path: "/messages", label: "Messages" },
];

/** The pages this phone kept from the client's last visits, readable now (lib/service-worker/sw.ts). */
export function KeptPages() {
  const [kept, setKept] = useState<typeof NAMED_PAGES>([]);
  useEffect(() => {
    if (typeof caches === "undefined") return;
    void caches
      .open(PAGES_CACHE)
      .then((cache) => cache.keys())
      .then((requests) => {
        const paths = new Set(requests.map((request) => new URL(request.url).pathname));
        setKept(NAMED_PAGES.filter((page) => paths.has(page.path)));
      })
      .catch(() => undefined);
  }, []);
  if (kept.length === 0) return null;
  return (
    <nav aria-label="Kept on this phone" className="mb-4">
      <p className="mb-2 font-medium">These pages are kept on this phone from your last visit:</p>
      <ul className="list-disc space-y-1 pl-5">
        {kept.map((page) => (
          <li key={page.path}>
            <a href={page.path} className="text-brand-strong underline">
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
