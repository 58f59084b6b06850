import type { ReactNode } from "react";
import { requireUser } from "@/server/auth/session";
import { AppShell } from "@/components/layout/app-shell";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ returnTo: "/account" });
  return (
    <AppShell role={user.role} name={user.name}>
      {children}
    </AppShell>
  );
}
