import type { ReactNode } from "react";
import { auth } from "@/server/auth/session";
import { AppShell } from "@/components/layout/app-shell";

export default async function ClientLayout({ children }: { children: ReactNode }) {
  // Each page checks access itself (and redirects with a return path); the
  // layout only needs to know whose shell to draw.
  const user = await auth();
  if (!user) return children;
  return (
    <AppShell role={user.role} name={user.name}>
      {children}
    </AppShell>
  );
}
