"use client";

import { Button } from "@/components/ui/button";

export function PrintButton() {
  return (
    <Button variant="secondary" className="self-start print:hidden" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}
