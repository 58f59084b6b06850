import type { ReactNode } from "react";
import { auth } from "@/server/auth/session";
import { sessionLimits } from "@/server/auth/session-limits";
import { getDb } from "@/server/db/client";
import { unreadCount } from "@/server/notifications/inbox";
import { AppShell } from "./app-shell";

/**
 * The shell around signed-in pages. Each page checks access itself (and
 * redirects with a return path); the layout only needs to know whose shell
 * to draw, so a signed-out request renders the page, which redirects.
 */
export async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await auth();
  if (!user) return children;
  const unread = await unreadCount(getDb(), user);
  return (
    <AppShell role={user.role} name={user.name} idleMinutes={sessionLimits().idleMinutes[user.role]} unreadCount={unread}>
      {children}
    </AppShell>
  );
}
