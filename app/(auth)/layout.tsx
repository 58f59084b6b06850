import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center gap-6 px-4 py-10">
      <p className="text-2xl font-semibold text-brand-strong">Alliance</p>
      {children}
    </main>
  );
}
