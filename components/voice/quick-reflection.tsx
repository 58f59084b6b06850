"use client";

// A quick reflection from the client's home (issue 24): say it or jot it
// down, then choose where it goes: the journal (private) or the next
// session's agenda. Two taps for a spoken one: Record, then where it goes
// (which stops the recording and saves it). A recording is uploaded before it
// is filed, so if filing fails (a dropped connection) it waits on the server
// as a draft, listed below, to be placed or discarded later.

import { lazy, Suspense, useRef, useState } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";
import { formErrorsFromServer, type TFormErrors } from "@/lib/field-errors";
import { loadVoiceRecorder } from "./lazy-voice-recorder";
import type { TVoiceRecorderHandle } from "./voice-recorder";
import { VoiceMemoPlayer } from "./voice-memo-player";
import { OutboxItems } from "@/components/offline/outbox-items";
import { useOutbox } from "@/components/offline/use-outbox";
import { isUnreached } from "@/lib/offline/errors";

const VoiceRecorder = lazy(() => loadVoiceRecorder().then((module) => ({ default: module.VoiceRecorder })));

type TDestination = "journal" | "agenda";
const DONE: Record<TDestination, string> = {
  journal: "Kept in your journal. Only you can see it.",
  agenda: "Added to your next session's agenda.",
};

/** `hasNextSession`: a session is booked, so a reflection can go on its agenda. */
export function QuickReflection({ maxSeconds, hasNextSession, timeZone }: { maxSeconds: number; hasNextSession: boolean; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isHydrated = useIsHydrated();
  const { data: drafts } = useSuspenseQuery(trpc.voiceMemo.drafts.queryOptions());
  const [text, setText] = useState("");
  const [isRecorderOpen, setIsRecorderOpen] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [done, setDone] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** A recording saved from the recorder itself ("Keep as a draft"), waiting for where it goes. */
  const [keptMemoId, setKeptMemoId] = useState<string | null>(null);
  const recorder = useRef<TVoiceRecorderHandle>(null);
  const refreshDrafts = () => queryClient.invalidateQueries({ queryKey: trpc.voiceMemo.drafts.queryKey() });
  const outbox = useOutbox("reflection");
  // "always": offline, fail at once so the words go to the outbox, rather than wait unseen in memory.
  const inJournal = useMutation(trpc.voiceMemo.reflectInJournal.mutationOptions({ networkMode: "always" }));
  const onAgenda = useMutation(trpc.voiceMemo.reflectOnAgenda.mutationOptions({ networkMode: "always" }));
  const discard = useMutation(trpc.voiceMemo.delete.mutationOptions({ onSuccess: refreshDrafts }));

  async function file(destination: TDestination, draftId?: string) {
    setErrors({ fieldErrors: {} });
    setDone(null);
    setIsBusy(true);
    try {
      // A recording still going (or stopped, not yet saved) is saved first: it becomes a draft on the server.
      const hadUnsaved = !draftId && recorder.current?.hasUnsavedMemo() === true;
      const recorded = hadUnsaved ? await recorder.current!.stopAndSave() : null;
      if (hadUnsaved && !recorded) return; // The save failed: the recorder says why and keeps the recording.
      const voiceMemoId = draftId ?? recorded?.id ?? keptMemoId ?? undefined;
      const words = draftId ? "" : text.trim();
      if (!words && !voiceMemoId) {
        setErrors({ fieldErrors: { text: ["Say or write a few words first."] } });
        return;
      }
      const input = { text: words, voiceMemoId, idempotencyKey };
      try {
        await (destination === "journal" ? inJournal.mutateAsync(input) : onAgenda.mutateAsync(input));
        setDone(DONE[destination]);
      } catch (error) {
        // Offline: kept on this device and sent when the connection returns (a recording needs the connection to save, so only words get here).
        const procedure = destination === "journal" ? "voiceMemo.reflectInJournal" : "voiceMemo.reflectOnAgenda";
        const isKept = outbox.keep && isUnreached(error) && (await outbox.keep(procedure, input, words || "Voice memo").then(() => true, () => false));
        if (!isKept) throw error;
      }
      if (!draftId) {
        setText("");
        setIsRecorderOpen(false);
      }
      if (voiceMemoId === keptMemoId) setKeptMemoId(null);
      setIdempotencyKey(crypto.randomUUID());
    } catch (error) {
      setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    } finally {
      setIsBusy(false);
      await refreshDrafts();
    }
  }

  const fieldError = errors.fieldErrors.text?.[0] ?? errors.fieldErrors.destination?.[0] ?? errors.fieldErrors.voiceMemoId?.[0] ?? errors.formError;
  const destinations = (draftId?: string) => (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" disabled={!isHydrated || isBusy} onClick={() => void file("journal", draftId)}>
        Keep in my journal (private)
      </Button>
      {hasNextSession ? (
        <Button variant="secondary" disabled={!isHydrated || isBusy} onClick={() => void file("agenda", draftId)}>
          Add to next session
        </Button>
      ) : null}
    </div>
  );

  return (
    <div className="flex flex-col gap-3">
      {done ? <Alert tone="success">{done}</Alert> : null}
      {fieldError ? <Alert tone="error">{fieldError}</Alert> : null}
      <label className="flex flex-col gap-1.5">
        <span className="font-medium">A few words, or record instead</span>
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={2}
          maxLength={2000}
          className="w-full rounded-lg border border-line bg-surface px-3 py-2"
        />
      </label>
      {isRecorderOpen ? (
        <Suspense fallback={<p className="text-ink-muted">Loading the recorder…</p>}>
          <VoiceRecorder ref={recorder} maxSeconds={maxSeconds} autoStart autoFocus showNote={false} saveLabel="Keep as a draft" idPrefix="quick" onSaved={(memo) => {
              setKeptMemoId(memo.id);
              void refreshDrafts();
            }}
            onDiscard={() => setIsRecorderOpen(false)} />
        </Suspense>
      ) : (
        <Button variant="secondary" className="self-start" disabled={!isHydrated || isBusy} onPointerEnter={() => void loadVoiceRecorder()} onClick={() => setIsRecorderOpen(true)}>
          Record
        </Button>
      )}
      {destinations()}
      <OutboxItems kind="reflection" />
      {drafts.length > 0 ? (
        <section aria-label="Recordings not placed yet" className="flex flex-col gap-3 border-t border-line pt-3">
          <h3 className="font-medium">Not placed yet (only you can hear these)</h3>
          {drafts.filter((draft) => draft.id !== keptMemoId).map((draft) => (
            <div key={draft.id} className="flex flex-col gap-2">
              <VoiceMemoPlayer memo={draft} timeZone={timeZone} />
              <div className="flex flex-wrap gap-2">
                {destinations(draft.id)}
                <Button variant="quiet" disabled={!isHydrated || isBusy} onClick={() => discard.mutate({ memoId: draft.id })}>
                  Discard
                </Button>
              </div>
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
