"use client";

// The client doing an exercise on a phone (issue 23): the form, kept as a
// private draft as they type, then sent to their therapist.
//
// INVARIANTS
// - Every change is kept: typing after a short pause, a choice at once
//   (lib/exercises/entry-draft.ts). Drafts are written one after another in
//   the order made, each with all the answers so far, so the last one wins.
// - Sending keeps whatever is still waiting first, then checks the answers
//   (the form's own rules, loaded on first send with zod), then sends; the
//   server's field errors land under the same fields.
// - Nothing here blames: a lost connection says what happened and that it
//   will try again.
import { LazyMemoField } from "@/components/voice/lazy-memo-field";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import type { TAnswer, TAnswerErrors, TAnswers, TExerciseForm } from "@/lib/exercises/form-definition";
import { errorSummary, errorsWithout, isTypingChange, TYPING_PAUSE_MS, withoutEmptyRows } from "@/lib/exercises/entry-draft";
import { formErrorsFromServer } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";
import { ExerciseFields, type TLadderStepOption } from "./exercise-fields";
import { SleepFigures } from "./sleep-figures";
import { answerText } from "./answer-text";
import { OutboxItems } from "@/components/offline/outbox-items";
import { useOutbox } from "@/components/offline/use-outbox";

type TDraftState = "idle" | "saving" | "saved" | "failed" | "refused";
type TServerError = Parameters<typeof formErrorsFromServer>[0];

const CHECK_AGAIN = "A few answers need another look. They're marked below.";

const DRAFT_WORDS: Record<Exclude<TDraftState, "idle" | "refused">, string> = {
  saving: "Saving…",
  saved: "Kept for you: you can stop and come back any time.",
  failed: "We couldn't keep your last change. Please check your connection; it will try again when you type.",
};

export function EntryForm({
  occurrenceId,
  assignmentId,
  form,
  initialAnswers,
  therapistName,
  ladder,
  ladderHref,
  maxMemoSeconds,
}: {
  occurrenceId: string;
  assignmentId: string;
  form: TExerciseForm;
  /** The draft kept so far, or null for a fresh start. */
  initialAnswers: TAnswers | null;
  therapistName: string;
  ladder: TLadderStepOption[] | null;
  ladderHref: string;
  maxMemoSeconds: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [answers, setAnswers] = useState<TAnswers>(initialAnswers ?? {});
  const [errors, setErrors] = useState<TAnswerErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  /** "Tell me how it went": a voice memo sent with the entry. */
  const [voiceMemoId, setVoiceMemoId] = useState<string | null>(null);
  const [draftState, setDraftState] = useState<TDraftState>(initialAnswers ? "saved" : "idle");
  const [refusal, setRefusal] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // "always": offline, a call fails at once and says so, rather than waiting unseen for the network.
  const saveDraft = useMutation(trpc.exercise.saveDraft.mutationOptions({ networkMode: "always" }));
  const send = useMutation(trpc.exercise.send.mutationOptions({ networkMode: "always" }));
  const outbox = useOutbox("exercise", occurrenceId);

  /** Offline: the entry waits on this device and goes when the connection returns (the server checks it then). */
  async function keepOffline(cleaned: TAnswers): Promise<boolean> {
    if (!outbox.keep) return false;
    const text = form.fields
      .map((field) => [field.label, answerText(field, cleaned[field.key])] as const)
      .filter(([, answer]) => answer !== "")
      .map(([label, answer]) => `${label}: ${answer}`)
      .join("\n");
    const input = { occurrenceId, answers: cleaned, voiceMemoId: voiceMemoId ?? undefined };
    return outbox.keep("exercise.send", input, text || "Your entry", occurrenceId).then(
      () => true,
      () => false,
    );
  }

  // The answers as of the last change (state lags a render), the chain of draft writes, and the typing pause.
  const latest = useRef<TAnswers>(answers);
  const drafts = useRef<Promise<unknown>>(Promise.resolve());
  const pendingDrafts = useRef(0);
  const lastOutcome = useRef<{ state: "saved" } | { state: "failed" } | { state: "refused"; message: string }>({ state: "saved" });
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function keepNow() {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = null;
    const snapshot = latest.current;
    pendingDrafts.current += 1;
    drafts.current = drafts.current
      .then(() => saveDraft.mutateAsync({ occurrenceId, answers: snapshot }))
      .then(
        () => (lastOutcome.current = { state: "saved" }),
        (error: TServerError) => {
          const fieldErrors = error.data?.fieldErrors;
          if (fieldErrors && Object.keys(fieldErrors).length > 0) {
            // An answer the form can't take (a number out of range): say where, and keep the rest of the page as it is.
            setErrors((current) => ({ ...current, ...fieldErrors }));
            lastOutcome.current = { state: "refused", message: error.message };
          } else {
            lastOutcome.current = { state: "failed" };
          }
        },
      )
      .finally(() => {
        pendingDrafts.current -= 1;
        if (pendingDrafts.current > 0 || typingTimer.current) return;
        const outcome = lastOutcome.current;
        setDraftState(outcome.state);
        setRefusal(outcome.state === "refused" ? outcome.message : null);
      });
  }

  // A tab put away or closed mid-word: keep what was typed without waiting for the pause.
  useEffect(() => {
    const flush = () => {
      if (typingTimer.current) keepNow();
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") flush();
    };
    // Back online after a change that couldn't be kept: keep it now, without waiting for more typing.
    const onOnline = () => {
      if (lastOutcome.current.state !== "failed" || pendingDrafts.current > 0) return;
      setDraftState("saving");
      keepNow();
    };
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", flush);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("online", onOnline);
      flush();
    };
    // keepNow reads refs only; binding it once is what we want.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function change(key: string, value: TAnswer) {
    const before = latest.current[key];
    const next = { ...latest.current, [key]: value };
    latest.current = next;
    setAnswers(next);
    setErrors((current) => errorsWithout(current, key));
    setDraftState("saving");
    if (isTypingChange(form, key, before, value)) {
      if (typingTimer.current) clearTimeout(typingTimer.current);
      typingTimer.current = setTimeout(keepNow, TYPING_PAUSE_MS);
    } else {
      keepNow();
    }
  }

  function showProblems(found: TAnswerErrors, message: string) {
    setErrors(found);
    setSummary(message);
    // The summary is at the top; on a phone the button is far below it.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function onSubmit() {
    setSummary(null);
    if (typingTimer.current) keepNow();
    await drafts.current;
    const cleaned = withoutEmptyRows(form, latest.current);
    if (cleaned !== latest.current) {
      latest.current = cleaned;
      setAnswers(cleaned);
    }
    let found: TAnswerErrors;
    try {
      const { answerErrors } = await import("@/lib/exercises/form-definition");
      found = answerErrors(form, cleaned, { isComplete: true });
    } catch {
      if (!navigator.onLine && (await keepOffline(cleaned))) return;
      return showProblems({}, "This form couldn't load. Please check your connection and try again. Your answers are kept.");
    }
    if (Object.keys(found).length > 0) return showProblems(found, CHECK_AGAIN);
    try {
      await send.mutateAsync({ occurrenceId, answers: cleaned, voiceMemoId: voiceMemoId ?? undefined });
    } catch (error) {
      const serverError = error as TServerError;
      // No answer from the server at all: the connection, not the answers.
      if (!serverError.data) {
        if (await keepOffline(cleaned)) return; // Shown below: "Saved on this phone…", then "Sent."
        return showProblems({}, "We couldn't send it. Please check your connection and try again; your answers are kept.");
      }
      return showProblems(formErrorsFromServer(serverError).fieldErrors as TAnswerErrors, serverError.message);
    }
    router.replace(`/homework/${assignmentId}/entries/${occurrenceId}?sent=1`, { scroll: true });
    router.refresh();
  }

  const problems = errorSummary(form, errors);

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-6" aria-label="Your entry">
      <p className="rounded-lg bg-canvas px-4 py-3 text-sm">
        <span className="font-medium">Private until you send it:</span> {therapistName} sees this only once you send it.
      </p>
      {summary ? (
        <div ref={summaryRef} tabIndex={-1} className="outline-none">
          <Alert tone="error">
            <p>{summary}</p>
            {problems.length > 0 ? (
              <ul className="mt-2 list-disc pl-5">
                {problems.map((problem) => (
                  <li key={problem.path}>
                    {problem.label}: {problem.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <ExerciseFields form={form} answers={answers} onChange={change} errors={errors} ladder={ladder} ladderHref={ladderHref} />
      <SleepFigures form={form} answers={answers} />
      <LazyMemoField
        maxSeconds={maxMemoSeconds}
        openLabel="Tell me how it went (voice memo)"
        whoHears={`${therapistName} hears it once you send the entry.`}
        idPrefix="entry-memo"
        onChange={setVoiceMemoId}
      />
      <div className="flex flex-col gap-2">
        <SubmitButton pendingLabel="Sending…" className="self-start">
          Send to {therapistName}
        </SubmitButton>
        <p className="text-sm text-ink-muted" role="status">
          {draftState === "refused" ? refusal : draftState === "idle" ? "Your answers are kept as you go, so you can stop and come back." : DRAFT_WORDS[draftState]}
        </p>
      </div>
      <OutboxItems kind="exercise" context={occurrenceId} />
    </Form>
  );
}
