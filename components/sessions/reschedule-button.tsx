"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";

// The form loads when "Reschedule" is chosen, not with the session page.
const RescheduleForm = lazy(() => import("./reschedule-form").then((module) => ({ default: module.RescheduleForm })));

type TSessionWhen = { id: string; startsAt: Date; durationMinutes: number; location: string; videoUrl: string };

export function RescheduleButton({ session, timeZone }: { session: TSessionWhen; timeZone: string }) {
  const [isOpen, setIsOpen] = useState(false);
  if (!isOpen) {
    return (
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        Reschedule
      </Button>
    );
  }
  return (
    <Suspense fallback={<p className="text-ink-muted">Loading…</p>}>
      <RescheduleForm session={session} timeZone={timeZone} onClose={() => setIsOpen(false)} />
    </Suspense>
  );
}
