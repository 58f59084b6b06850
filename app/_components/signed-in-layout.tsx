import type { ReactNode } from "react";
import { authState } from "@/server/auth/session";
import { sessionLimits } from "@/server/auth/session-limits";
import { AppShell } from "@/components/layout/app-shell";

/**
 * The shell around signed-in pages: the (therapist), (client) and (shared)
 * layouts. In app/, not components/, because it reads the session on the
 * server. Each page checks access itself (and redirects with a return path);
 * the layout only needs to know whose shell to draw, so a signed-out request
 * renders the page, which redirects.
 */
export async function SignedInLayout({ children }: { children: ReactNode }) {
  const { user, unreadNotifications, isSupervisor } = await authState();
  if (!user) return children;
  // Read with the session itself (server/auth/session-user.ts): no statement of its own.
  return (
    <AppShell userId={user.id} role={user.role} name={user.name} idleMinutes={sessionLimits().idleMinutes[user.role]} unreadCount={unreadNotifications} isSupervisor={isSupervisor}>
      {children}
    </AppShell>
  );
}
