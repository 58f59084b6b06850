"use client";

// A voice memo as part of a form (a journal entry, a homework day, an agenda
// item): record or pick one, and it rides along as the hidden field
// `voiceMemoId`. Until the form is sent the memo is the client's unplaced
// draft on the server, so a dropped connection keeps it (it shows on their
// home under "Not placed yet"); removing it here deletes that draft.

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { formatMemoLength, type TUploadedMemo } from "@/lib/voice/limits";
import { LazyVoiceRecorder } from "./lazy-voice-recorder";

export type TMemoFieldProps = {
  maxSeconds: number;
  openLabel?: string;
  /** Who will be able to hear it once the form is sent, in plain words. */
  whoHears: string;
  idPrefix?: string;
  /** For a form that sends itself without FormData: the memo kept, or null once removed. */
  onChange?: (memoId: string | null) => void;
  /** Show the recorder at once (lazy-memo-field.tsx brings this in when its button is pressed). */
  startOpen?: boolean;
};

/** Pages use LazyMemoField (lazy-memo-field.tsx), which loads this when the person asks for it. */
export function MemoField({ maxSeconds, openLabel = "Record a voice memo", whoHears, idPrefix, onChange, startOpen = false }: TMemoFieldProps) {
  const trpc = useTRPC();
  const [memo, setMemoState] = useState<TUploadedMemo | null>(null);
  const setMemo = (next: TUploadedMemo | null) => {
    setMemoState(next);
    onChange?.(next?.id ?? null);
  };
  const discard = useMutation(trpc.voiceMemo.delete.mutationOptions());

  if (!memo) {
    return (
      <div className="flex flex-col gap-2">
        <LazyVoiceRecorder maxSeconds={maxSeconds} onSaved={setMemo} openLabel={openLabel} saveLabel="Keep this memo" idPrefix={idPrefix} startOpen={startOpen} />
        <p className="text-sm text-ink-muted">{whoHears}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-canvas p-3">
      <input type="hidden" name="voiceMemoId" value={memo.id} />
      <span>
        Voice memo ready ({formatMemoLength(memo.durationMs / 1000)}). It is saved with this when you send it. {whoHears}
      </span>
      <Button
        variant="quiet"
        onClick={() => {
          discard.mutate({ memoId: memo.id });
          setMemo(null);
        }}
      >
        Remove memo
      </Button>
    </div>
  );
}
