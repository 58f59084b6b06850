"use client";

// "Record a voice memo" inside a form: a button that brings in the memo field
// and its recorder (memo-field.tsx) only when pressed, so a page that merely
// offers a memo stays within its script budget (README, "Performance").

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";
import type { TMemoFieldProps } from "./memo-field";

const loadMemoField = () => import("./memo-field");
const MemoField = lazy(() => loadMemoField().then((module) => ({ default: module.MemoField })));

export function LazyMemoField(props: TMemoFieldProps) {
  const isHydrated = useIsHydrated();
  const [isOpen, setIsOpen] = useState(false);
  if (!isOpen) {
    return (
      <div className="flex flex-col gap-2">
        <Button
          variant="secondary"
          className="self-start"
          disabled={!isHydrated}
          onPointerEnter={() => void loadMemoField()}
          onFocus={() => void loadMemoField()}
          onClick={() => setIsOpen(true)}
        >
          {props.openLabel ?? "Record a voice memo"}
        </Button>
        <p className="text-sm text-ink-muted">{props.whoHears}</p>
      </div>
    );
  }
  return (
    <Suspense fallback={<p className="text-ink-muted">Loading the recorder…</p>}>
      <MemoField {...props} startOpen />
    </Suspense>
  );
}
