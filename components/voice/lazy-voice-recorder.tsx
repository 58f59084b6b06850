"use client";

// "Record a voice memo": a button that brings in the recorder
// (voice-recorder.tsx) only when it is pressed, so a page that merely offers a
// memo doesn't carry the recorder's script (README, "Performance": 170 KB
// gzip a page). The script starts loading when a pointer or the keyboard
// reaches the button, so the recorder is usually there by the time it is
// pressed. Discarding closes the recorder again.

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";
import type { TVoiceRecorderProps } from "./voice-recorder";

export const loadVoiceRecorder = () => import("./voice-recorder");
const VoiceRecorder = lazy(() => loadVoiceRecorder().then((module) => ({ default: module.VoiceRecorder })));

export function LazyVoiceRecorder({
  openLabel = "Record a voice memo",
  onDiscard,
  startOpen = false,
  ...recorder
}: Omit<TVoiceRecorderProps, "autoFocus"> & { openLabel?: string; startOpen?: boolean }) {
  const isHydrated = useIsHydrated();
  const [isOpen, setIsOpen] = useState(startOpen);

  if (!isOpen) {
    return (
      <Button
        variant="secondary"
        className="self-start"
        disabled={!isHydrated}
        onPointerEnter={() => void loadVoiceRecorder()}
        onFocus={() => void loadVoiceRecorder()}
        onClick={() => setIsOpen(true)}
      >
        {openLabel}
      </Button>
    );
  }
  return (
    <Suspense fallback={<p className="text-ink-muted">Loading the recorder…</p>}>
      <VoiceRecorder
        {...recorder}
        autoFocus
        onDiscard={() => {
          setIsOpen(false);
          onDiscard?.();
        }}
      />
    </Suspense>
  );
}
