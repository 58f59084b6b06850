"use client";

// The button that opens the safety plan's form. The form's code loads only
// when it is opened, so the page a client keeps for hard moments stays light.
import { lazy, Suspense, useState } from "react";
import type { TSafetyPlanContent } from "@/lib/constants/safety-plan";
import { Button } from "@/components/ui/button";

const SafetyPlanForm = lazy(() => import("./safety-plan-form").then((module) => ({ default: module.SafetyPlanForm })));

export function SafetyPlanEditor({
  engagementId,
  version,
  content,
  label,
}: {
  engagementId: string;
  version: number;
  content: TSafetyPlanContent;
  label: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  if (!isOpen) {
    return (
      <Button className="self-start print:hidden" onClick={() => setIsOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <section aria-label="Change the safety plan" className="rounded-xl border border-brand bg-surface p-4 print:hidden">
      <Suspense fallback={<p className="text-ink-muted">Loading…</p>}>
        <SafetyPlanForm engagementId={engagementId} version={version} content={content} onDone={() => setIsOpen(false)} />
      </Suspense>
    </section>
  );
}
