import type { ReactNode } from "react";
import { requireUser } from "@/server/auth/session";
import { AppShell } from "@/components/layout/app-shell";

export default async function TherapistLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ role: "therapist" });
  return (
    <AppShell role={user.role} name={user.name}>
      {children}
    </AppShell>
  );
}
