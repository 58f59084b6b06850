"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";

// Loaded when opened: most visits to a client page don't ask for one.
const AssignMeasureForm = lazy(() => import("./assign-measure-form").then((module) => ({ default: module.AssignMeasureForm })));

export function AskForMeasure({ engagementId, clientName }: { engagementId: string; clientName: string }) {
  const [isOpen, setIsOpen] = useState(false);
  if (!isOpen) {
    return (
      <Button variant="secondary" className="self-start" onClick={() => setIsOpen(true)}>
        Ask for a questionnaire
      </Button>
    );
  }
  return (
    <Suspense fallback={<p className="text-ink-muted">Loading…</p>}>
      <AssignMeasureForm engagementId={engagementId} clientName={clientName} />
    </Suspense>
  );
}
