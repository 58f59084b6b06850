import type { ReactNode } from "react";
import { requireUser } from "@/server/auth/session";
import { AppShell } from "@/components/layout/app-shell";

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ role: "client" });
  return (
    <AppShell role={user.role} name={user.name}>
      {children}
    </AppShell>
  );
}
