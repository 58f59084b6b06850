import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/trpc/types";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { Bell } from "@/components/notifications/bell";
import { OutboxProvider } from "@/components/offline/outbox-provider";
import { IdleWatcher } from "./idle-watcher";
import { NAV_ICONS } from "./nav-icons";
import { NavLinks, type TNavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { KeepOffline } from "@/components/offline/keep-offline";

const ACCOUNT: TNavItem = { href: "/account", label: "Account" };
const SUPERVISION: TNavItem = { href: "/supervision", label: "Supervision" };

/**
 * A therapist's few entries sit in the header. A client's are the day's
 * places: on a phone they are a tab bar along the bottom of the screen (every
 * one a tap away, the safety plan among them), with Account in the header.
 */
const NAV: Record<Role, TNavItem[]> = {
  therapist: [{ href: "/caseload", label: "Caseload" }, { href: "/templates", label: "Templates" }, { href: "/practice", label: "Practice" }, ACCOUNT],
  client: [
    { href: "/between-sessions", label: "Today", icon: NAV_ICONS.today },
    { href: "/goals", label: "Goals", icon: NAV_ICONS.goals },
    { href: "/journal", label: "Journal", icon: NAV_ICONS.journal },
    { href: "/progress", label: "Progress", icon: NAV_ICONS.progress },
    { href: "/messages", label: "Messages", icon: NAV_ICONS.messages },
    // One tap from every client page (issue 26).
    { href: "/safety-plan", label: "My safety plan", icon: NAV_ICONS.safetyPlan },
  ],
};

/**
 * `idleMinutes`: the signed-in person's idle limit, from the server (server/auth/session-limits.ts).
 * `unreadCount`: their unread notifications when the page was rendered; the bell keeps it current.
 * `isSupervisor`: a supervisor in a practice gets "Supervision" beside their caseload (issue 29).
 */
export function AppShell({
  userId,
  role,
  name,
  idleMinutes,
  unreadCount,
  isSupervisor = false,
  children,
}: {
  /** Whose words this device keeps and sends (components/offline/outbox-provider.tsx). */
  userId: string;
  role: Role;
  name: string;
  idleMinutes: number;
  unreadCount: number;
  isSupervisor?: boolean;
  children: ReactNode;
}) {
  const hasTabs = role === "client";
  const items = role === "therapist" && isSupervisor ? [NAV.therapist[0]!, SUPERVISION, ...NAV.therapist.slice(1)] : NAV[role];
  return (
    <OutboxProvider userId={userId}>
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
            {/* Only one "Main" navigation is displayed at a time: with tabs, this one from the sm breakpoint up, on a row of its own. */}
            <nav aria-label="Main" className={hasTabs ? "hidden sm:order-3 sm:block sm:w-full" : "order-3 w-full sm:order-2 sm:w-auto"}>
              <NavLinks items={hasTabs ? [...items, ACCOUNT] : items} />
            </nav>
            <div className={`order-2 flex items-center gap-2 ${hasTabs ? "" : "sm:order-3"}`}>
              <Bell initialCount={unreadCount} />
              {hasTabs ? (
                <Link href="/account" className="inline-flex min-h-11 items-center rounded-lg px-2 hover:bg-canvas sm:hidden">
                  Account
                </Link>
              ) : null}
              <span className="hidden text-ink-muted sm:inline">{name}</span>
              <SignOutButton userId={userId} />
            </div>
          </div>
        </header>
        {/* A client's pages stay readable offline (lib/service-worker/sw.ts); a therapist's are never kept. */}
        {hasTabs ? <KeepOffline /> : null}
        <main id="main" className={`mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-4 py-4 sm:py-6 ${hasTabs ? "pb-24 sm:pb-6" : ""}`}>
          <NoScriptNotice>
            Alliance needs JavaScript to save anything. You can read your pages without it, but to write, tick or send,
            turn JavaScript on in your browser&apos;s settings, then reload this page.
          </NoScriptNotice>
          {children}
        </main>
        {hasTabs ? (
          <nav
            aria-label="Main"
            className="fixed inset-x-0 bottom-0 z-10 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] sm:hidden print:hidden"
          >
            <NavLinks items={NAV[role]} layout="tabs" />
          </nav>
        ) : null}
        <IdleWatcher idleMinutes={idleMinutes} />
      </div>
    </OutboxProvider>
  );
}
