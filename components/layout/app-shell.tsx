import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/trpc/types";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { Bell } from "@/components/notifications/bell";
import { IdleWatcher } from "./idle-watcher";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

const NAV: Record<Role, { href: string; label: string }[]> = {
  therapist: [
    { href: "/caseload", label: "Caseload" },
    { href: "/templates", label: "Templates" },
    { href: "/account", label: "Account" },
  ],
  client: [
    { href: "/between-sessions", label: "Between sessions" },
    { href: "/journal", label: "Journal" },
    { href: "/messages", label: "Messages" },
    // One tap from every client page (issue 26).
    { href: "/safety-plan", label: "My safety plan" },
    { href: "/account", label: "Account" },
  ],
};

/**
 * `idleMinutes`: the signed-in person's idle limit, from the server (server/auth/session-limits.ts).
 * `unreadCount`: their unread notifications when the page was rendered; the bell keeps it current.
 */
export function AppShell({
  role,
  name,
  idleMinutes,
  unreadCount,
  children,
}: {
  role: Role;
  name: string;
  idleMinutes: number;
  unreadCount: number;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface print:hidden">
        <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-xl font-semibold text-brand-strong">
            Alliance
          </Link>
          <nav aria-label="Main" className="order-3 w-full sm:order-2 sm:w-auto">
            <NavLinks items={NAV[role]} />
          </nav>
          <div className="order-2 flex items-center gap-2 sm:order-3">
            <Bell initialCount={unreadCount} />
            <span className="hidden text-ink-muted sm:inline">{name}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-4 py-6">
        <NoScriptNotice>
          Alliance needs JavaScript to save anything. You can read your pages without it, but to write, tick or send,
          turn JavaScript on in your browser&apos;s settings, then reload this page.
        </NoScriptNotice>
        {children}
      </main>
      <IdleWatcher idleMinutes={idleMinutes} />
    </div>
  );
}
